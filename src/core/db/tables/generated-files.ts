import type { ColumnType } from 'kysely';

/** What a letter PDF, letter DOCX or submission packet in the vault was made from (migration 0060). */
export type GeneratedFilesTable = {
  document_id: number;
  letter_id: number | null;
  kind: 'letter_pdf' | 'letter_docx' | 'submission_packet';
  /** JSON of a GeneratedFileRecipe. */
  recipe: string;
  created_at: ColumnType<string, string, never>;
};
