import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ResourceKind } from '../../../shared/domain/resource-kinds';

/** An organisation or contact in the advocate's resource directory. */
export type ResourcesTable = {
  id: Generated<number>;
  name: string;
  kind: ResourceKind;
  /** Two-letter state, or null for a national resource. */
  state: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  /** JSON array of tags. */
  tags: string;
  source_url: string | null;
  needs_verification: number;
  starter_key: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

export type ResourceRow = Selectable<ResourcesTable>;

/** A resource noted on a case ("sent the appeal to the state's Consumer Assistance Program"). */
export type ResourceCasesTable = {
  id: Generated<number>;
  resource_id: number;
  case_id: number;
  note: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

export type ResourceCaseRow = Selectable<ResourceCasesTable>;
