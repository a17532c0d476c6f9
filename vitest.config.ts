import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const testFiles = ['src/**/*.test.ts', 'test/**/*.test.ts'];

/**
 * Files that need a module graph or a process of their own: `vi.mock('electron')` and the
 * `vi.unmock` of the test-only key derivation (the production-cost check) change modules other
 * files share, and the write sandbox moves the working directory, TMPDIR and HOME.
 */
const filesNeedingTheirOwnProcess = [
  'test/main/**/*.test.ts',
  'test/security/production-key-derivation.test.ts',
  'test/security/writes-stay-in-data-folder.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    environment: 'node',
    // Keyrings made in tests use a lower scrypt cost (test/setup/fast-key-derivation.ts); what a
    // file sets in process.env is undone after it (test/setup/restore-environment.ts).
    setupFiles: ['test/setup/fast-key-derivation.ts', 'test/setup/restore-environment.ts'],
    // One throwaway PostgreSQL server per run, for the tests of the team store.
    globalSetup: ['test/setup/postgres-server.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks, not threads: the write sandbox calls process.chdir, which a worker thread cannot.
    pool: 'forks',
    // Vitest's default leaves one core idle in `run`; on a 2-core machine that halves the suite's pace.
    maxWorkers: availableParallelism(),
    env: { ADVOCASE_LOG: 'silent' },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared-modules',
          include: testFiles,
          exclude: filesNeedingTheirOwnProcess,
          // Loading the core's module graph again for every file took most of the suite's CPU time
          // (measured: 104 s isolated against 38 s shared for the same 24 files). Each test file
          // keeps its own module scope and its own stores; a file that changes the process or a
          // shared module belongs in filesNeedingTheirOwnProcess.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'own-process', include: filesNeedingTheirOwnProcess, isolate: true },
      },
    ],
  },
});
