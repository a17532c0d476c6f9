import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/**
 * The test server's package hooks the process's end and called `process.exit(0)` there, so a test
 * run with failures exited 0 and CI passed it (test/helpers/postgres-server.ts). A process that
 * used the server and set a failing exit code must end with that code.
 */
it('a process that used the test PostgreSQL server keeps the exit code it set', () => {
  const script = join(import.meta.dirname, 'fixtures', 'exit-code-after-server.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(3);
}, 90_000);
