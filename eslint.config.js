import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronOnlyInShells = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron.',
};

function layer(name, forbidden) {
  return {
    group: forbidden.flatMap((folder) => [`**/${folder}/*`, `**/${folder}`]),
    message: `src/${name} may not import from ${forbidden.map((folder) => `src/${folder}`).join(', ')} (see README, How it is built).`,
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'e2e/screenshots/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      // Deliberately insecure input for the Electron security gate's own test.
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Handlers are async to honour the contract's Promise type even where they do not await.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': ['error', { paths: [electronOnlyInShells] }],
    },
  },
  // The architecture, enforced: core and shared never reach up; the renderer only talks through the contract.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShells],
          patterns: [layer('shared', ['core', 'main', 'preload', 'renderer', 'web'])],
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShells], patterns: [layer('core', ['main', 'preload', 'renderer', 'web'])] },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShells], patterns: [layer('renderer', ['core', 'main', 'preload', 'web'])] },
      ],
    },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='only']", message: 'No .only in tests.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
