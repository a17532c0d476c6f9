/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Cost estimates: a case's estimate inputs, and per client the candidate plans of an
 * open-enrollment comparison with the planned course they are compared on. Inputs are stored as
 * one JSON value each, checked by the contract's schema on the way in and on the way out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_cost_estimates')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) =>
      column.notNull().unique().references('cases.id').onDelete('cascade'),
    )
    .addColumn('coverage_id', 'integer', (column) => column.references('coverages.id').onDelete('set null'))
    .addColumn('inputs', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('plan_comparisons')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().unique().references('clients.id').onDelete('cascade'),
    )
    .addColumn('planned_course', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('candidate_plans')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('fields', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('candidate_plans_by_client')
    .on('candidate_plans')
    .column('client_id')
    .execute();
}
