/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Payer criteria kept by the user: their own criteria sets (the shipped ones live in code), their
 * edits to the evidence packs, which set each case is judged against (with the policy's name,
 * number, date and address as chosen, payer-criteria.md's preamble) and their judgements of the
 * criteria the app cannot check.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('criteria_sets')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    // JSON of the set definition (name, payer, policy, sources, criteria), validated on every read.
    .addColumn('definition', 'text', (column) => column.notNull())
    // The shipped set it was duplicated from, if any.
    .addColumn('based_on', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('evidence_pack_edits')
    .addColumn('treatment', 'text', (column) => column.primaryKey())
    // JSON of the whole pack as the user last saved it; the shipped pack shows while there is none.
    .addColumn('pack', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('case_criteria_choices')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) =>
      column.notNull().unique().references('cases.id').onDelete('cascade'),
    )
    .addColumn('set_id', 'text', (column) => column.notNull())
    // The policy as it stood when chosen, kept even if the set is later edited or deleted.
    .addColumn('policy_name', 'text', (column) => column.notNull())
    .addColumn('policy_number', 'text')
    .addColumn('policy_date', 'text')
    .addColumn('source_url', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('case_criterion_judgements')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('set_id', 'text', (column) => column.notNull())
    .addColumn('criterion_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('document_id', 'integer', (column) => column.references('documents.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('case_criterion_judgements_key', ['case_id', 'set_id', 'criterion_id'])
    .execute();
}
