/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Deadlines worked out per case and kept, so the caseload can sort and filter 100,000 cases by
 * their next deadline without running the engine: `case_deadlines` (one row per computed date,
 * rebuilt whenever the case's facts change), `case_deadline_summaries` (one row per case: next
 * due date, overdue count, what to record), and `deadline_adjustments` (what the user said about
 * a date: an override with its reason, or "done"), which outlives every rebuild.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_deadlines')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // Stable across rebuilds: the rule and the timeline event that started it (`rule@event:12`).
    .addColumn('deadline_key', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('rule', 'text', (column) => column.notNull())
    .addColumn('source_event_id', 'integer')
    // As the engine gives it: YYYY-MM-DD, or an ISO date-time with offset for hour rules.
    .addColumn('computed_due', 'text', (column) => column.notNull())
    // The date that counts (override, else computed), YYYY-MM-DD in the user's zone: what sorts.
    .addColumn('due_on', 'text', (column) => column.notNull())
    // The exact moment for hour rules (UTC ISO), else null.
    .addColumn('due_at', 'text')
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('citation_url', 'text', (column) => column.notNull())
    .addColumn('citation_text', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('confidence', 'text', (column) => column.notNull())
    .addColumn('computed_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('case_deadlines_case_key', ['case_id', 'deadline_key'])
    .execute();
  await db.schema
    .createIndex('case_deadlines_by_due')
    .on('case_deadlines')
    .columns(['due_on', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_deadline_summaries')
    .addColumn('case_id', 'integer', (column) =>
      column.primaryKey().references('cases.id').onDelete('cascade'),
    )
    // Earliest date still to act on (open or due soon, not done), YYYY-MM-DD; null when none.
    .addColumn('next_due_on', 'text')
    .addColumn('next_rule', 'text')
    .addColumn('overdue_count', 'integer', (column) => column.notNull().defaultTo(0))
    // JSON array of sentences: what to record to get the dates that could not be computed.
    .addColumn('missing_facts', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .addColumn('assumptions', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .addColumn('time_zone', 'text', (column) => column.notNull())
    // The day statuses were judged at; the unlock refresh re-judges rows older than today.
    .addColumn('as_of', 'text', (column) => column.notNull())
    .addColumn('computed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('case_deadline_summaries_next_due')
    .on('case_deadline_summaries')
    .columns(['next_due_on', 'case_id'])
    .execute();
  await db.schema
    .createIndex('case_deadline_summaries_overdue')
    .on('case_deadline_summaries')
    .column('case_id')
    .where(sql<boolean>`overdue_count > 0`)
    .execute();

  await db.schema
    .createTable('deadline_adjustments')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('deadline_key', 'text', (column) => column.notNull())
    .addColumn('override_due_on', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_event_id', 'integer', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('deadline_adjustments_case_key', ['case_id', 'deadline_key'])
    .execute();

  // Requests the payer must answer: the claim file, plan documents, the criteria used.
  await db.schema
    .createTable('payer_requests')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('sent_on', 'text', (column) => column.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('note', 'text')
    .addColumn('event_id', 'integer', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('payer_requests_case_id').on('payer_requests').column('case_id').execute();
}
