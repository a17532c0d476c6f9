/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Time tracking and the resource directory.
 * - `time_entries`: time worked on a case, from the timer (started_at, then ended_at and minutes
 *   on stop; a running timer is a row with no ended_at, so it survives a lock or a dead laptop)
 *   or typed in (worked_on and minutes). Minutes are stored as worked; rounding to the billing
 *   increment happens when they are shown or invoiced. rate_cents is the hourly rate snapshot.
 * - `client_rates`: an hourly rate per client (the default rate lives in settings).
 * - `invoices`: what was billed, with its own copy of who it is from, so a reprint matches.
 * - `resources` and `resource_cases`: organisations and contacts the advocate uses, linked to cases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('number', 'text', (column) => column.notNull().unique())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('period_from', 'text', (column) => column.notNull())
    .addColumn('period_to', 'text', (column) => column.notNull())
    .addColumn('issued_on', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('payment_terms', 'text', (column) => column.notNull())
    .addColumn('increment_minutes', 'integer', (column) => column.notNull())
    .addColumn('total_cents', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('from_name', 'text', (column) => column.notNull())
    .addColumn('from_address', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('invoices_by_client')
    .on('invoices')
    .columns(['client_id', 'issued_on'])
    .execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // YYYY-MM-DD in the user's zone: the day the work counts for.
    .addColumn('worked_on', 'text', (column) => column.notNull())
    // UTC instants, for timer entries (and typed entries with a start and end time).
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    // Null only while the timer runs.
    .addColumn('minutes', 'integer')
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('is_billable', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('rate_cents', 'integer')
    .addColumn('invoice_id', 'integer', (column) => column.references('invoices.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('time_entries_by_case')
    .on('time_entries')
    .columns(['case_id', 'worked_on'])
    .execute();
  await db.schema.createIndex('time_entries_by_day').on('time_entries').columns(['worked_on']).execute();
  await db.schema.createIndex('time_entries_by_invoice').on('time_entries').columns(['invoice_id']).execute();
  // One running timer at a time, app-wide: the database refuses a second, whatever the caller.
  // (A typed entry has no started_at; a running timer has a start and no end.)
  await sql`create unique index time_entries_one_running on time_entries ((ended_at is null))
    where started_at is not null and ended_at is null and deleted_at is null`.execute(db);

  await db.schema
    .createTable('client_rates')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().unique().references('clients.id').onDelete('cascade'),
    )
    .addColumn('rate_cents', 'integer')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    // Two-letter state, or null for a national resource.
    .addColumn('state', 'text')
    .addColumn('website', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    // JSON array of tag strings.
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('source_url', 'text')
    // Set for the starter entries (and cleared when the user marks one checked): "Verify before use".
    .addColumn('needs_verification', 'integer', (column) => column.notNull().defaultTo(0))
    // Which starter entry this is, so adding the starter set twice adds nothing twice.
    .addColumn('starter_key', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('resources_by_name').on('resources').columns(['name']).execute();

  await db.schema
    .createTable('resource_cases')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('resource_id', 'integer', (column) =>
      column.notNull().references('resources.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // Unlinking sets this (so Undo can link again) rather than removing the row.
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('resource_cases_pair', ['resource_id', 'case_id'])
    .execute();
  await db.schema.createIndex('resource_cases_by_case').on('resource_cases').columns(['case_id']).execute();
}
