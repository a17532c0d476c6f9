import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Keyrings made in tests use a lower scrypt cost (test/setup/fast-key-derivation.ts).
    setupFiles: ['test/setup/fast-key-derivation.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    env: { ADVOCASE_LOG: 'silent' },
  },
});
