import type { ColumnType, Generated, Selectable } from 'kysely';

/** A caseload view the user saved under a name. */
export type CaseloadViewsTable = {
  id: Generated<number>;
  name: string;
  /** JSON of a CaseloadViewDefinition (src/shared/schemas/caseload.ts). */
  definition: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type CaseloadViewRow = Selectable<CaseloadViewsTable>;
