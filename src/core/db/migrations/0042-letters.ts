/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Letters: `letters`, one per drafted letter, its text as a LetterDocument in JSON
 * (never HTML) with its enclosures in order; and `letter_templates`, the user's own templates.
 * Both live in the encrypted store because both hold what users type, which can be PHI.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_templates')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    // The template's id in its file's front matter; shipped templates' ids are never used here.
    .addColumn('template_key', 'text', (column) => column.notNull().unique())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('letters')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // The template it was filled from (shipped or user); kept as text, the template may go later.
    .addColumn('template_id', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    // JSON array of document ids, in the order the letter lists them.
    .addColumn('enclosure_document_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('draft'))
    .addColumn('sent_on', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('letters_case_id').on('letters').columns(['case_id', 'updated_at']).execute();
}
