import type { ColumnType, Generated, Selectable } from 'kysely';
import type { LetterDeliveryMethod, LetterKind, LetterStatus } from '../../../shared/domain/letter-kinds';

/** A letter drafted for a case (migration 0042). Edits go through auditedUpdate. */
export type LettersTable = {
  id: Generated<number>;
  case_id: number;
  template_id: string;
  title: string;
  kind: LetterKind;
  /** JSON of a LetterDocument (src/shared/domain/letter-document.ts). */
  body: string;
  /** JSON array of vault document ids, in the order listed. */
  enclosure_document_ids: string;
  status: LetterStatus;
  sent_on: string | null;
  sent_via: LetterDeliveryMethod | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};
export type LetterRow = Selectable<LettersTable>;

/** A template the user wrote, imported or duplicated; shipped templates are not stored. */
export type LetterTemplatesTable = {
  id: Generated<number>;
  template_key: string;
  title: string;
  kind: LetterKind;
  description: string;
  /** The Markdown body with {{placeholders}}, without front matter. */
  body: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};
export type LetterTemplateRow = Selectable<LetterTemplatesTable>;
