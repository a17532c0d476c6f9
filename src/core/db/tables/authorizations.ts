import type { ColumnType, Generated, Selectable } from 'kysely';
import type { AuthorizationKind } from '../../../shared/domain/authorizations';

/** A client's written permission for the advocate to act for them. */
export type AuthorizationsTable = {
  id: Generated<number>;
  client_id: number;
  kind: AuthorizationKind;
  signed_on: string;
  expires_on: string | null;
  notes: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type AuthorizationRow = Selectable<AuthorizationsTable>;
