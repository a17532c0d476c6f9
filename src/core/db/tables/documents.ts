import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DocumentType, MediaType, TextStatus } from '../../../shared/schemas/vault';

/**
 * One encrypted file in the vault, stored once however many documents share its content. The
 * plaintext's hash lives only here, inside the encrypted database, never beside the file.
 */
export type VaultBlobsTable = {
  id: Generated<number>;
  /** The random name of the file under vault/objects/. */
  storage_id: ColumnType<string, string, never>;
  /** SHA-256 of the plaintext, hex: finds an identical file already stored. */
  plaintext_sha256: ColumnType<string, string, never>;
  size_bytes: ColumnType<number, number, never>;
  created_at: ColumnType<string, string, never>;
};

/** A document as the advocate sees it: a file plus what it is, where it came from and what it is filed to. */
export type DocumentsTable = {
  id: Generated<number>;
  blob_id: number;
  file_name: string;
  media_type: MediaType;
  document_type: DocumentType;
  /** The type Advocase guessed; `document_type` equals it until the user confirms or changes it. */
  suggested_type: DocumentType;
  /** 0 until the user has confirmed or chosen the type. */
  is_type_confirmed: number;
  /** YYYY-MM-DD */
  document_date: string | null;
  /** Who sent it: the payer, a clinic, the client. */
  source: string | null;
  page_count: number | null;
  /** JSON array of strings. */
  tags: string;
  text_status: TextStatus;
  /** OCR's confidence (0–100) in the indexed text; null when the text came from the file itself. */
  text_confidence: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the text was recognised by OCR; null when it never was. */
  text_recognised_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  /** When it went to the trash; null while it is in use. */
  deleted_at: string | null;
};

export type DocumentCasesTable = { document_id: number; case_id: number };
export type DocumentClientsTable = { document_id: number; client_id: number };
export type DocumentEventsTable = { document_id: number; event_id: number };

export type VaultBlobRow = Selectable<VaultBlobsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;
