import type { ColumnType, Selectable } from 'kysely';

/** The column mapping remembered per import source: the name the user gave it, or its header row. */
export type ImportMappingsTable = {
  source_key: string;
  /** JSON object: import field → CSV header. */
  mapping: string;
  updated_at: string;
  /** Migration 0080, JSON object: import field → value as written in the file → Advocase's code. */
  value_mappings: ColumnType<string, string | undefined, string>;
};

export type ImportMappingRow = Selectable<ImportMappingsTable>;
