/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * The caseload's "next deadline" and "overdue" columns. Each case's entry carries its next due
 * date and overdue count, copied from case_deadline_summaries by triggers (an entry is rebuilt on
 * every change to its case, and a summary on every recompute), so sorting 100,000 cases by next
 * deadline walks an index. Undated cases sort last through the indexed expression. SQLite trigger
 * bodies, like migration 0004's.
 */
const copyFromSummary = (caseId: string) => `
  UPDATE caseload_entries SET
    next_due_on = (SELECT next_due_on FROM case_deadline_summaries WHERE case_id = ${caseId}),
    overdue_count = coalesce((SELECT overdue_count FROM case_deadline_summaries WHERE case_id = ${caseId}), 0)
  WHERE case_id = ${caseId};`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('caseload_entries').addColumn('next_due_on', 'text').execute();
  await db.schema
    .alterTable('caseload_entries')
    .addColumn('overdue_count', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  for (const [name, definition] of [
    [
      'caseload_entry_deadlines',
      `AFTER INSERT ON caseload_entries BEGIN ${copyFromSummary('new.case_id')} END`,
    ],
    [
      'caseload_summary_insert',
      `AFTER INSERT ON case_deadline_summaries BEGIN ${copyFromSummary('new.case_id')} END`,
    ],
    [
      'caseload_summary_update',
      `AFTER UPDATE ON case_deadline_summaries BEGIN ${copyFromSummary('new.case_id')} END`,
    ],
    [
      'caseload_summary_delete',
      `AFTER DELETE ON case_deadline_summaries BEGIN ${copyFromSummary('old.case_id')} END`,
    ],
  ] as const) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
  await sql
    .raw(
      `CREATE INDEX caseload_entries_by_next_deadline ON caseload_entries (coalesce(next_due_on, '9999-12-31'), case_id)`,
    )
    .execute(db);
  // Summaries written before migration 0031 counted deadlines answered late as overdue. Clearing
  // them makes the next unlock recompute every case, in batches, as for a case never computed;
  // the triggers above then fill the new columns.
  await sql`DELETE FROM case_deadline_summaries`.execute(db);
}
