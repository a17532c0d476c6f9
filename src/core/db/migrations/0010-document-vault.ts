/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/** The document vault: stored files, documents, their links, and the full-text index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vault_blobs')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('storage_id', 'text', (column) => column.notNull().unique())
    .addColumn('plaintext_sha256', 'text', (column) => column.notNull().unique())
    .addColumn('size_bytes', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('blob_id', 'integer', (column) =>
      column.notNull().references('vault_blobs.id').onDelete('restrict'),
    )
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('media_type', 'text', (column) => column.notNull())
    .addColumn('document_type', 'text', (column) => column.notNull())
    .addColumn('suggested_type', 'text', (column) => column.notNull())
    .addColumn('is_type_confirmed', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('document_date', 'text')
    .addColumn('source', 'text')
    .addColumn('page_count', 'integer')
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo(sql`'[]'`))
    .addColumn('text_status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('documents_blob_id').on('documents').column('blob_id').execute();
  await db.schema.createIndex('documents_deleted_at').on('documents').column('deleted_at').execute();

  for (const [table, column, target] of [
    ['document_cases', 'case_id', 'cases.id'],
    ['document_clients', 'client_id', 'clients.id'],
    ['document_events', 'event_id', 'events.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['document_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }

  // SQLite FTS5, frozen here as history; every query against it lives in
  // src/core/vault/document-text-index.ts. rowid is documents.id. remove_diacritics 2 lets
  // "Muller" find "Müller" (https://www.sqlite.org/fts5.html#unicode61_tokenizer).
  await sql`CREATE VIRTUAL TABLE document_text USING fts5(
    file_name, body, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}
