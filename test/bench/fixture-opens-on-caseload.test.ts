import { describe, expect, it } from 'vitest';
import { benchPassphrase, ensureBenchFixture, fixtureDatabaseKey } from '../../bench/fixture';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { openEncryptedSqlite } from '../../src/core/db/sqlite/open-encrypted-sqlite';
import { recoveryKeyConfirmation } from '../../src/core/session/recovery-key-confirmation';
import { Session } from '../../src/core/session/session';
import { dataFilePaths } from '../../src/core/storage/data-directory';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * A bench fixture opens, after unlock, on the caseload as a user's store does: its recovery key
 * is confirmed. One left awaiting confirmation stops every Chromium unlock on the "Your recovery
 * key was not confirmed" screen, and the bench timed that screen out as a slow caseload.
 */

const newDataDirectory = useTemporaryDataDirectory();

async function leaveRecoveryKeyAwaitingConfirmation(dataDirectory: string): Promise<void> {
  const store = openEncryptedSqlite(
    dataFilePaths(dataDirectory).database,
    await fixtureDatabaseKey(dataDirectory),
  );
  const db = store.createKysely<AdvocaseDatabase>();
  await recoveryKeyConfirmation.write(db, true);
  await db.destroy();
}

describe('the bench fixture', () => {
  it('unlocks with its recovery key confirmed, whether made now or taken from the cache', async () => {
    const previousCache = process.env.ADVOCASE_BENCH_CACHE;
    process.env.ADVOCASE_BENCH_CACHE = newDataDirectory();
    try {
      for (const run of ['made', 'cached']) {
        const fixture = await ensureBenchFixture(1000, () => {});
        expect(fixture.generation === null, run).toBe(run === 'cached');
        const session = new Session({ dataDirectory: fixture.dataDirectory, actor: 'bench' });
        const handlers = createHandlers(session);
        expect(await dispatch(handlers, 'session.unlock', { passphrase: benchPassphrase })).toMatchObject({
          ok: true,
        });
        expect(await dispatch(handlers, 'session.recoveryKeyConfirmation', {})).toEqual({
          ok: true,
          value: { isAwaitingConfirmation: false },
        });
        await session.lock();
        // A fixture cached before the bench confirmed recovery keys: the next run confirms it.
        if (run === 'made') await leaveRecoveryKeyAwaitingConfirmation(fixture.dataDirectory);
      }
    } finally {
      if (previousCache === undefined) delete process.env.ADVOCASE_BENCH_CACHE;
      else process.env.ADVOCASE_BENCH_CACHE = previousCache;
    }
  }, 300_000);
});
