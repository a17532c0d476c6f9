import type { Kysely } from 'kysely';
import { inTransaction } from '../db/in-transaction';
import { recomputeDeadlinesTouchedBy } from '../deadlines/recompute-after-edit';
import { refreshReadinessTouchedBy } from '../evidence/evidence-readiness';
import type { AdvocaseDatabase } from '../db/schema';

async function lastAuditId(db: Kysely<AdvocaseDatabase>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * Runs `work` in one transaction and records the audit entries it wrote as one edit (or as an
 * undo), so that Undo treats them as one step; the deadlines of the cases it touched are
 * recomputed, as the services do after their own writes. The group is this person's entries with
 * ids in the run its work wrote: on SQLite (one writer) nobody else's are there; on a team database
 * colleagues write side by side and may take ids in between, so whoever reads a group's entries
 * (Undo, the recomputing below) reads only its person's.
 */
export function asOneEdit<T>(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  kind: 'edit' | 'undo',
  work: (trx: Kysely<AdvocaseDatabase>) => Promise<{ result: T; label: string }>,
  /** The work stored its cases' deadlines and readiness itself (the CSV import does, in bulk). */
  options: { readonly derivedDataStored?: boolean } = {},
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const before = await lastAuditId(trx);
    const { result, label } = await work(trx);
    const after = await lastAuditId(trx);
    if (after > before) {
      if (!options.derivedDataStored) {
        await recomputeDeadlinesTouchedBy(trx, actor, before + 1, after);
        await refreshReadinessTouchedBy(trx, actor, before + 1, after);
      }
      await trx
        .insertInto('edit_groups')
        .values({
          actor,
          at: new Date().toISOString(),
          kind,
          label,
          first_audit_id: before + 1,
          last_audit_id: after,
          undone_at: null,
        })
        .execute();
    }
    return result;
  });
}
