/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Files Advocase made (docs/security.md §2): for each vault document that is a letter PDF, a letter DOCX or
 * a submission packet, what it was made from (the laid-out letter, the packet's cover), so an
 * attorney bundle can make it again with the chosen fields redacted instead of shipping the
 * original. In the encrypted store, like the letters it copies; gone with its document.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('generated_files')
    .addColumn('document_id', 'integer', (column) =>
      column.primaryKey().references('documents.id').onDelete('cascade'),
    )
    .addColumn('letter_id', 'integer', (column) => column.references('letters.id').onDelete('set null'))
    .addColumn('kind', 'text', (column) => column.notNull())
    // JSON of a GeneratedFileRecipe (src/core/letters/generated-file-recipe.ts).
    .addColumn('recipe', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('generated_files_by_letter')
    .on('generated_files')
    .column('letter_id')
    .execute();
}
