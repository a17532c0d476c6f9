import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newWorkProgress, type WorkProgress } from '../../src/core/backup/backup-progress';
import { createBackup } from '../../src/core/backup/create-backup';
import { stageRestore } from '../../src/core/backup/restore-backup';
import { startContractSession, testPassphrase } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newFolder = useTemporaryDataDirectory();

/** Progress that asks to stop as soon as the first bytes have moved, as the Cancel button does. */
function cancelledAfterFirstPiece(): WorkProgress {
  const progress = newWorkProgress('Starting');
  const advance = progress.advance.bind(progress);
  progress.advance = (bytes) => {
    advance(bytes);
    progress.isCancelled = true;
  };
  return progress;
}

async function backUp(dataDirectory: string, folder: string, progress: WorkProgress) {
  const { session } = await startContractSession(dataDirectory);
  try {
    return await session.useDataKey(({ store, dataKey }) =>
      createBackup({ db: store.db, dataDirectory, dataKey, folder, actor: 'test', progress }),
    );
  } finally {
    await session.lock();
  }
}

describe('cancelling backup work', () => {
  it('leaves no backup, no partial file and no staging copy behind', async () => {
    const dataDirectory = newFolder();
    const folder = newFolder();
    await expect(backUp(dataDirectory, folder, cancelledAfterFirstPiece())).rejects.toThrow(
      'The backup work was cancelled. Nothing was changed.',
    );
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(dataDirectory, 'backup-staging'))).toBe(false);
  });

  it('stops a restore check before anything is unpacked, and changes nothing', async () => {
    const folder = newFolder();
    const { path } = await backUp(newFolder(), folder, newWorkProgress('Starting'));
    const parent = newFolder();
    const target = join(parent, 'data');
    await expect(
      stageRestore(path, target, { passphrase: testPassphrase }, 'test', cancelledAfterFirstPiece()),
    ).rejects.toThrow('cancelled');
    expect(readdirSync(parent)).toEqual([]);
  });
});
