import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import {
  architecturePlugin,
  layerZones,
  noOnlyInTestsSelector,
  sqliteOutsideDbSelectors,
} from './eslint-rules/architecture.js';

const electronOnlyInShells = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron.',
};

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
  // The architecture, enforced by path (eslint-rules/architecture.js, docs/architecture.md).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { architecture: architecturePlugin },
    rules: { 'architecture/layer-boundaries': ['error', { zones: layerZones }] },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Until the desktop reminders reach the deadlines through deadline-reminders.ts, the service the
  // contract's reminder methods use, this one file may still read these modules; delete this block then.
  {
    files: ['src/main/reminders.ts'],
    rules: {
      'architecture/layer-boundaries': [
        'error',
        {
          zones: layerZones.map((zone) =>
            zone.layer === 'src/main'
              ? {
                  ...zone,
                  mayImport: [
                    ...zone.mayImport,
                    'src/core/deadlines/deadlines-service',
                    'src/core/deadlines/daily-refresh',
                    'src/core/deadlines/recompute',
                    'src/core/deadlines/reminder-settings',
                    'src/core/deadlines/time-zone',
                    'src/core/reminders/schedule',
                  ],
                }
              : zone,
          ),
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqliteOutsideDbSelectors] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'test/**'],
    rules: { 'no-restricted-syntax': ['error', noOnlyInTestsSelector] },
  },
  {
    files: ['src/**/*.test.ts'],
    ignores: ['src/core/db/**'],
    rules: { 'no-restricted-syntax': ['error', noOnlyInTestsSelector, ...sqliteOutsideDbSelectors] },
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
