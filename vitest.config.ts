import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Each database test derives keys with scrypt at production cost; give them room on a 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
    env: { ADVOCASE_LOG: 'silent' },
  },
});
