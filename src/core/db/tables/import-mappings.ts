import type { Selectable } from 'kysely';

/** The column mapping remembered per import source: the name the user gave it, or its header row. */
export type ImportMappingsTable = {
  source_key: string;
  /** JSON object: import field → CSV header. */
  mapping: string;
  updated_at: string;
};

export type ImportMappingRow = Selectable<ImportMappingsTable>;
