/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The evidence behind a medical-necessity request:
 *
 * - `treatment_trials` and `symptom_scores` belong to the client (every case of theirs reads the
 *   same history); each may cite the vault document or timeline entry it was taken from;
 * - `case_clinical_facts`: yes/no/unknown facts a payer's criteria ask about, one per key per case;
 * - `evidence_links`: a document or timeline entry offered for a checklist item;
 * - `evidence_item_statuses`: the status the advocate set by hand for an item, with the reason;
 * - `case_evidence_summaries`: each case's readiness figure, recomputed after every write that
 *   changes it, and copied by triggers into `caseload_entries.evidence_readiness` (as migration
 *   0033 does for the next deadline), so the caseload sorts 100,000 cases by it through an index.
 *
 * Rows the user removes get `deleted_at` rather than going, so Undo can bring them back.
 */
const copyFromSummary = (caseId: string) => `
  UPDATE caseload_entries SET
    evidence_readiness = coalesce((SELECT readiness_percent FROM case_evidence_summaries WHERE case_id = ${caseId}), 0)
  WHERE case_id = ${caseId};`;

export async function up(db: Kysely<any>): Promise<void> {
  type Table = CreateTableBuilder<string, string>;
  const source = (table: Table): Table =>
    table
      .addColumn('source_document_id', 'integer', (column) =>
        column.references('documents.id').onDelete('set null'),
      )
      .addColumn('source_event_id', 'integer', (column) =>
        column.references('events.id').onDelete('set null'),
      );
  const stamps = (table: Table): Table =>
    table
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('deleted_at', 'text');

  await stamps(
    source(
      db.schema
        .createTable('treatment_trials')
        .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
        .addColumn('client_id', 'integer', (column) =>
          column.notNull().references('clients.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('drug_class', 'text')
        .addColumn('peak_dose', 'text')
        .addColumn('started_on', 'text')
        .addColumn('ended_on', 'text')
        // As the records state it; never worked out from the dates.
        .addColumn('weeks_at_therapeutic_dose', 'real')
        .addColumn('is_dose_adequate', 'integer')
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('is_in_current_episode', 'integer')
        .addColumn('notes', 'text'),
    ),
  ).execute();
  await db.schema.createIndex('treatment_trials_client').on('treatment_trials').column('client_id').execute();

  await stamps(
    source(
      db.schema
        .createTable('symptom_scores')
        .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
        .addColumn('client_id', 'integer', (column) =>
          column.notNull().references('clients.id').onDelete('cascade'),
        )
        .addColumn('instrument', 'text', (column) => column.notNull())
        .addColumn('score', 'integer', (column) => column.notNull())
        .addColumn('taken_on', 'text', (column) => column.notNull())
        .addColumn('note', 'text'),
    ),
  ).execute();
  await db.schema
    .createIndex('symptom_scores_client')
    .on('symptom_scores')
    .columns(['client_id', 'taken_on'])
    .execute();

  await stamps(
    source(
      db.schema
        .createTable('case_clinical_facts')
        .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
        .addColumn('case_id', 'integer', (column) =>
          column.notNull().references('cases.id').onDelete('cascade'),
        )
        .addColumn('fact_key', 'text', (column) => column.notNull())
        .addColumn('answer', 'text', (column) => column.notNull())
        .addColumn('note', 'text')
        .addUniqueConstraint('case_clinical_facts_case_key', ['case_id', 'fact_key']),
    ),
  ).execute();

  await stamps(
    db.schema
      .createTable('evidence_links')
      .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
      .addColumn('case_id', 'integer', (column) =>
        column.notNull().references('cases.id').onDelete('cascade'),
      )
      .addColumn('item_key', 'text', (column) => column.notNull())
      // A document deleted for good takes its links with it; one in the trash only stops counting.
      .addColumn('document_id', 'integer', (column) => column.references('documents.id').onDelete('cascade'))
      .addColumn('event_id', 'integer', (column) => column.references('events.id').onDelete('cascade'))
      .addColumn('note', 'text')
      .addCheckConstraint('evidence_links_one_target', sql`(document_id IS NULL) <> (event_id IS NULL)`),
  ).execute();
  await db.schema
    .createIndex('evidence_links_case')
    .on('evidence_links')
    .columns(['case_id', 'item_key'])
    .execute();
  await db.schema.createIndex('evidence_links_document').on('evidence_links').column('document_id').execute();
  await db.schema.createIndex('evidence_links_event').on('evidence_links').column('event_id').execute();

  await stamps(
    db.schema
      .createTable('evidence_item_statuses')
      .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
      .addColumn('case_id', 'integer', (column) =>
        column.notNull().references('cases.id').onDelete('cascade'),
      )
      .addColumn('item_key', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('reason', 'text')
      .addUniqueConstraint('evidence_item_statuses_case_key', ['case_id', 'item_key']),
  ).execute();

  await db.schema
    .createTable('case_evidence_summaries')
    .addColumn('case_id', 'integer', (column) =>
      column.primaryKey().references('cases.id').onDelete('cascade'),
    )
    .addColumn('readiness_percent', 'integer', (column) => column.notNull())
    .addColumn('done_count', 'integer', (column) => column.notNull())
    .addColumn('partial_count', 'integer', (column) => column.notNull())
    .addColumn('applicable_count', 'integer', (column) => column.notNull())
    .addColumn('computed_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .alterTable('caseload_entries')
    .addColumn('evidence_readiness', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  for (const [name, definition] of [
    [
      'caseload_entry_evidence',
      `AFTER INSERT ON caseload_entries BEGIN ${copyFromSummary('new.case_id')} END`,
    ],
    [
      'caseload_evidence_insert',
      `AFTER INSERT ON case_evidence_summaries BEGIN ${copyFromSummary('new.case_id')} END`,
    ],
    [
      'caseload_evidence_update',
      `AFTER UPDATE ON case_evidence_summaries BEGIN ${copyFromSummary('new.case_id')} END`,
    ],
    [
      'caseload_evidence_delete',
      `AFTER DELETE ON case_evidence_summaries BEGIN ${copyFromSummary('old.case_id')} END`,
    ],
  ] as const) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
  await db.schema
    .createIndex('caseload_entries_by_evidence_readiness')
    .on('caseload_entries')
    .columns(['evidence_readiness', 'case_id'])
    .execute();
}
