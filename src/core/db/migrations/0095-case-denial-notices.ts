/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * A denial notice read into a case: what the advocate confirmed from it (reference, reason and its
 * category, the policy cited, the appeal window the notice states) and the notice's check against
 * the law, kept so the case lists the notice's defects and the appeal letters argue them.
 * The timeline event it recorded is `event_id`; the notice itself is `document_id` in the vault.
 * It goes with its case and its event when the trash is emptied; a notice document purged on its
 * own leaves the recorded facts without their source.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_denial_notices')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (column) =>
      column.notNull().references('events.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'integer', (column) => column.references('documents.id').onDelete('set null'))
    .addColumn('reference_number', 'text')
    .addColumn('reason_text', 'text')
    .addColumn('reason_category', 'text')
    .addColumn('policy_cited', 'text')
    .addColumn('denial_code', 'text')
    .addColumn('stated_window', 'text')
    .addColumn('plan_type', 'text', (column) => column.notNull())
    .addColumn('notice_check', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_denial_notices_by_case')
    .on('case_denial_notices')
    .columns(['case_id', 'deleted_at'])
    .execute();
}
