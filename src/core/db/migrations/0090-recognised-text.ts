/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Text read from a scan by OCR goes into the same full-text index as any other document's text;
 * the document records that it was recognised, when, and Tesseract's confidence (0–100), so the
 * advocate knows how far to trust it. Both stay null for text read from the file itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('text_confidence', 'integer').execute();
  await db.schema.alterTable('documents').addColumn('text_recognised_at', 'text').execute();
}
