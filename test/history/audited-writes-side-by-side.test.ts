import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-audit-chain';
import { auditedInsert } from '../../src/core/db/audited-writes';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { addTimelineEvent } from '../../src/core/events/events-service';
import { createPostgresTestDatabase, openPostgresTestConnection } from '../helpers/postgres-database';

const now = '2026-12-07T10:00:00.000Z';

async function twoCases(db: Kysely<AdvocaseDatabase>): Promise<[number, number]> {
  const client = await auditedInsert(db, 'rivera', 'clients', {
    full_name: 'Ada Ames',
    created_at: now,
    updated_at: now,
  });
  const open = () =>
    auditedInsert(db, 'rivera', 'cases', {
      client_id: client.id,
      treatment: 'tms',
      priority: 'normal',
      stage: 'denied',
      opened_on: '2026-12-01',
      created_at: now,
      updated_at: now,
    });
  return [(await open()).id, (await open()).id];
}

/**
 * `work` in a transaction of its own that gives up on any lock wait after a short time (55P03
 * lock_not_available), so a write that would queue behind the held one fails instead of waiting.
 */
async function withoutWaiting<T>(
  db: Kysely<AdvocaseDatabase>,
  work: (trx: Kysely<AdvocaseDatabase>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '3s'`.execute(trx);
    return work(trx);
  });
}

/**
 * Issue #15: on a team database two navigators' saves to different cases must not wait for each
 * other. Navigator A's transaction has written and is still open (its app process busy, or a
 * slow network); navigator B's save to another case goes through meanwhile. Before, every
 * audited write took the audit log's one turn and kept it to commit, and every change to a
 * caseload entry locked the one `caseload_changes` row to commit: B waited for A's commit.
 */
describe('two navigators’ writes to different cases on PostgreSQL', () => {
  const cases = {
    'audited writes (each takes its audit entry)': async (trx: Kysely<AdvocaseDatabase>, caseId: number) => {
      await auditedInsert(trx, 'rivera', 'events', {
        case_id: caseId,
        type: 'phone_call',
        occurred_at: now,
        summary: 'Called the plan',
        details: '{}',
        created_at: now,
      });
    },
    'a change to the case’s caseload entry (the caseload’s change count)': async (
      trx: Kysely<AdvocaseDatabase>,
      caseId: number,
    ) => {
      await trx.updateTable('cases').set({ priority: 'high' }).where('id', '=', caseId).execute();
    },
    'adding a call, as events.add does': async (trx: Kysely<AdvocaseDatabase>, caseId: number) => {
      await addTimelineEvent(trx, 'rivera', caseId, {
        type: 'phone_call',
        occurredAt: now,
        summary: 'The rep confirmed the appeal was received',
        details: { direction: 'outbound', repName: 'Tanya', referenceNumber: 'REF-1', durationMinutes: 9 },
      });
    },
  };

  it.each(Object.entries(cases))('go through side by side: %s', async (_, write) => {
    const database = await createPostgresTestDatabase();
    const first = openPostgresTestConnection<AdvocaseDatabase>(database);
    const second = openPostgresTestConnection<AdvocaseDatabase>(database);
    let held: ControlledTransaction<AdvocaseDatabase> | null = null;
    try {
      const [caseOfA, caseOfB] = await twoCases(first);
      held = await first.startTransaction().execute();
      await write(held, caseOfA);

      const outcome = await withoutWaiting(second, (trx) => write(trx, caseOfB)).then(
        () => 'saved',
        (error: unknown) => String(error),
      );
      expect(outcome).toBe('saved');

      await held.commit().execute();
      held = null;
      // Both saves are in the audit log, and its chain checks out.
      const report = await verifyAuditChain(first);
      expect(report).toMatchObject({ isIntact: true, firstBroken: null });
    } finally {
      if (held) await held.rollback().execute();
      await first.destroy();
      await second.destroy();
      await database.drop();
    }
  });
});
