/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Funding when the plan will not pay: `funding_options` (each route tried on a case:
 * type, program, dates, documents sent, status, amounts in whole cents; the outcomes dashboard sums
 * `amount_granted_cents` of granted, not removed rows), `funding_dismissals` (the options the user
 * marked "not relevant" on a case's checklist) and `parallel_track_notes` (the user's own status,
 * note and next step for one route on a client's parallel tracks board).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('funding_options')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('option_type', 'text', (column) => column.notNull())
    .addColumn('program_name', 'text', (column) => column.notNull())
    .addColumn('eligibility_notes', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    // Dates are YYYY-MM-DD. apply_by, response_expected_on and renewal_on feed the agenda.
    .addColumn('apply_by', 'text')
    .addColumn('applied_on', 'text')
    .addColumn('response_expected_on', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('renewal_on', 'text')
    .addColumn('amount_requested_cents', 'integer', (column) =>
      column.check(sql`amount_requested_cents is null or amount_requested_cents >= 0`),
    )
    .addColumn('amount_granted_cents', 'integer', (column) =>
      column.check(sql`amount_granted_cents is null or amount_granted_cents >= 0`),
    )
    // JSON array of vault document ids sent with the application.
    .addColumn('document_ids', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .addColumn('next_step', 'text')
    .addColumn('next_step_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // Removing an option sets this (an audited update, so Undo brings it back).
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('funding_options_case_id').on('funding_options').column('case_id').execute();
  await db.schema
    .createIndex('funding_options_granted')
    .on('funding_options')
    .columns(['case_id', 'amount_granted_cents'])
    .where(sql<boolean>`status = 'granted'`)
    .execute();

  await db.schema
    .createTable('funding_dismissals')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('option_type', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('funding_dismissals_case_type', ['case_id', 'option_type'])
    .execute();

  await db.schema
    .createTable('parallel_track_notes')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('route', 'text', (column) => column.notNull())
    // Null: the board derives the status from the case records.
    .addColumn('status', 'text')
    .addColumn('note', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_on', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('parallel_track_notes_client_route', ['client_id', 'route'])
    .execute();
}
