import { sql, type ControlledTransaction } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { auditedInsert, auditedUpdate } from '../../src/core/db/audited-writes';
import { dialectOf } from '../../src/core/db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { waitingForALock } from '../helpers/lock-waits';
import { createPostgresTestDatabase, openPostgresTestConnection } from '../helpers/postgres-database';

const now = '2026-12-07T10:00:00.000Z';

/** Runs `work` in the open transaction, then commits it, or rolls it back when `work` fails. */
async function committedOrRolledBack(
  trx: ControlledTransaction<AdvocaseDatabase>,
  work: () => Promise<unknown>,
) {
  try {
    await work();
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  await trx.commit().execute();
}

/**
 * On a team database a navigator whose transaction has written adds a call to a case and updates
 * the case (as events.add does) while a colleague saves the same case. Each needs the case's row
 * (and, before team step 0208, the audit log's turn, which two writers took in different orders):
 * the second waits for the first instead of the two waiting for each other (PostgreSQL's
 * deadlock, seen under the team bench's load, issue #15).
 */
const savesOfTheCase = {
  'a save from the case page (the record locked for editing first)': async (
    trx: ControlledTransaction<AdvocaseDatabase>,
    caseId: number,
  ) => {
    await dialectOf(trx).recordEditing.lockForEdit<AdvocaseDatabase>(trx, 'cases', caseId);
    await auditedUpdate(trx, 'chen', 'cases', caseId, { priority: 'high' }, 'No such case.');
  },
  'an audited update straight away': async (trx: ControlledTransaction<AdvocaseDatabase>, caseId: number) => {
    await auditedUpdate(trx, 'chen', 'cases', caseId, { priority: 'high' }, 'No such case.');
  },
};

describe('the audit turn and a record’s row on PostgreSQL', () => {
  it.each(Object.entries(savesOfTheCase))(
    'are taken in one order by a navigator’s call and %s: one waits, neither deadlocks',
    async (_, saveTheCase) => {
      const database = await createPostgresTestDatabase();
      const adding = openPostgresTestConnection<AdvocaseDatabase>(database);
      const saving = openPostgresTestConnection<AdvocaseDatabase>(database);
      const observer = new pg.Client({ connectionString: database.url });
      await observer.connect();
      try {
        const client = await auditedInsert(adding, 'rivera', 'clients', {
          full_name: 'Ada Ames',
          created_at: now,
          updated_at: now,
        });
        const kase = await auditedInsert(adding, 'rivera', 'cases', {
          client_id: client.id,
          treatment: 'tms',
          priority: 'normal',
          stage: 'denied',
          opened_on: '2026-12-01',
          created_at: now,
          updated_at: now,
        });
        const callTrx = await adding.startTransaction().execute();
        const saveTrx = await saving.startTransaction().execute();
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(saveTrx);

        // The navigator's transaction has written (and so holds the audit turn) before the call.
        await auditedInsert(callTrx, 'rivera', 'clients', {
          full_name: 'Ben Brown',
          created_at: now,
          updated_at: now,
        });
        let saveIsOver = false;
        const save = committedOrRolledBack(saveTrx, () => saveTheCase(saveTrx, kase.id)).finally(() => {
          saveIsOver = true;
        });
        // The save is under way and waiting for something the navigator holds before the call is added.
        await Promise.race([save, waitingForALock(observer, rows[0]!.pid, () => saveIsOver)]);
        const call = committedOrRolledBack(callTrx, async () => {
          await auditedInsert(callTrx, 'rivera', 'events', {
            case_id: kase.id,
            type: 'phone_call',
            occurred_at: now,
            summary: 'Called the plan',
            details: '{}',
            created_at: now,
          });
          await auditedUpdate(
            callTrx,
            'rivera',
            'cases',
            kase.id,
            { treatment: 'esketamine' },
            'No such case.',
          );
        });

        const outcomes = await Promise.allSettled([call, save]);
        expect(
          outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'saved')),
        ).toEqual(['saved', 'saved']);
        const saved = await adding
          .selectFrom('cases')
          .select(['priority', 'treatment'])
          .where('id', '=', kase.id)
          .executeTakeFirstOrThrow();
        expect(saved).toEqual({ priority: 'high', treatment: 'esketamine' });
      } finally {
        await observer.end();
        await adding.destroy();
        await saving.destroy();
        await database.drop();
      }
    },
  );
});
