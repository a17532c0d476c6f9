import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type ClientsTable = {
  id: Generated<number>;
  full_name: string;
  /** YYYY-MM-DD */
  date_of_birth: string | null;
  /** USPS state code; decides which state rules apply. */
  state: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type ClientRow = Selectable<ClientsTable>;
export type NewClientRow = Insertable<ClientsTable>;
