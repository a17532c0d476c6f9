/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/** Clients' contact details, authorizations, coverage, providers, case details, typed events and tasks. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [column, type] of [
    ['phone', 'text'],
    ['email', 'text'],
    ['address', 'text'],
    ['preferred_language', 'text'],
    ['notes', 'text'],
    ['deleted_at', 'text'],
  ] as const) {
    await db.schema.alterTable('clients').addColumn(column, type).execute();
  }
  await db.schema
    .alterTable('clients')
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .execute();

  await db.schema
    .createTable('authorizations')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('signed_on', 'text', (column) => column.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('authorizations_client_id').on('authorizations').column('client_id').execute();

  await db.schema
    .createTable('coverages')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('payer', 'text', (column) => column.notNull())
    .addColumn('plan_name', 'text')
    .addColumn('plan_type', 'text', (column) => column.notNull())
    .addColumn('member_id', 'text')
    .addColumn('group_number', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('network_type', 'text')
    // Money in whole cents, so sums never drift.
    .addColumn('deductible_cents', 'integer')
    .addColumn('deductible_met_cents', 'integer')
    .addColumn('out_of_pocket_max_cents', 'integer')
    .addColumn('out_of_pocket_met_cents', 'integer')
    .addColumn('copay_cents', 'integer')
    .addColumn('coinsurance_percent', 'real')
    .addColumn('prior_auth_rules', 'text')
    .addColumn('exclusions', 'text')
    .addColumn('payer_phone', 'text')
    .addColumn('payer_fax', 'text')
    .addColumn('portal_url', 'text')
    .addColumn('appeals_address', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('coverages_client_id').on('coverages').column('client_id').execute();
  await db.schema.createIndex('coverages_member_id').on('coverages').column('member_id').execute();

  await db.schema
    .createTable('providers')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('npi', 'text')
    .addColumn('specialty', 'text')
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('provider_networks')
    .addColumn('coverage_id', 'integer', (column) =>
      column.notNull().references('coverages.id').onDelete('cascade'),
    )
    .addColumn('provider_id', 'integer', (column) =>
      column.notNull().references('providers.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('tier', 'text')
    .addColumn('referral_required', 'integer', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('provider_networks_pk', ['coverage_id', 'provider_id'])
    .execute();

  for (const [column, type] of [
    ['coverage_id', 'integer'],
    ['provider_id', 'integer'],
    ['claim_type', 'text'],
    ['assigned_advocate', 'text'],
    ['outcome', 'text'],
    ['billed_cents', 'integer'],
    ['allowed_cents', 'integer'],
    ['paid_cents', 'integer'],
    ['saved_cents', 'integer'],
    ['deleted_at', 'text'],
  ] as const) {
    await db.schema.alterTable('cases').addColumn(column, type).execute();
  }
  await db.schema
    .alterTable('cases')
    .addColumn('is_urgent', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('procedure_codes', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('diagnosis_codes', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .execute();
  for (const column of ['stage', 'payer', 'opened_on', 'coverage_id', 'assigned_advocate']) {
    await db.schema.createIndex(`cases_${column}`).on('cases').column(column).execute();
  }

  await db.schema.alterTable('events').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('events').addColumn('deleted_at', 'text').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('source_event_id', 'integer', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('tasks_case_id').on('tasks').column('case_id').execute();
  await db.schema.createIndex('tasks_due_on').on('tasks').column('due_on').execute();
}
