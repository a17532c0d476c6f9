import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openCopiesFolder } from '../../src/core/vault/open-copies';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, openTestVault, passphrase } from '../vault/vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();
const childScript = join(import.meta.dirname, 'fixtures', 'unlocked-process.ts');

async function startUnlockedProcess(dataDirectory: string, documentId: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', childScript, dataDirectory, passphrase, String(documentId)],
    { env: { ...process.env, ADVOCASE_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const firstLine = (await lines.next()).value;
  if (!firstLine) throw new Error(`The child process ended early (exit ${await exited}).`);
  const { openedPath } = JSON.parse(firstLine) as { openedPath: string };
  return { child, exited, openedPath };
}

describe('a signal to end the process (docs/security.md §1)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} locks first: database closed and checkpointed, decrypted copies deleted`, async () => {
      const dataDirectory = newDataDirectory();
      const { call, caseId, session } = await openTestVault(dataDirectory);
      const added = await addFile(call, 'letter.txt', Buffer.from('Appeal for the external review.'), {
        caseId,
      });
      await session.lock();

      const { child, exited, openedPath } = await startUnlockedProcess(dataDirectory, added.document!.id);
      expect(openedPath.startsWith(openCopiesFolder(dataDirectory))).toBe(true);
      expect(existsSync(openedPath)).toBe(true);
      // While it runs, the database has its WAL beside it.
      expect(readdirSync(dataDirectory)).toContain('advocase.db-wal');

      child.kill(signal);
      expect(await exited).toBe(0);
      expect(existsSync(openCopiesFolder(dataDirectory))).toBe(false);
      // A connection closed cleanly checkpoints the WAL and removes it with the -shm file.
      expect(readdirSync(dataDirectory).filter((name) => name.startsWith('advocase.db'))).toEqual([
        'advocase.db',
      ]);
    });
  }
});
