/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('state', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().references('clients.id').onDelete('restrict'),
    )
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('treatment_detail', 'text')
    .addColumn('payer', 'text')
    .addColumn('stage', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull().defaultTo('normal'))
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('cases_client_id').on('cases').column('client_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('details', 'text', (column) => column.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('events_case_id_occurred_at')
    .on('events')
    .columns(['case_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('row_id', 'integer', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_table_row')
    .on('audit_log')
    .columns(['table_name', 'row_id'])
    .execute();
}
