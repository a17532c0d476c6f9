import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type ClientsTable = {
  id: Generated<number>;
  full_name: string;
  /** YYYY-MM-DD */
  date_of_birth: string | null;
  /** USPS state code; decides which state rules apply. */
  state: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferred_language: string | null;
  notes: string | null;
  /** JSON array of strings. */
  tags: Generated<string>;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  /** Set when moved to the trash; the row is kept 30 days. */
  deleted_at: string | null;
};

export type ClientRow = Selectable<ClientsTable>;
export type NewClientRow = Insertable<ClientsTable>;
export type ClientUpdate = Updateable<ClientsTable>;
