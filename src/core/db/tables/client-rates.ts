import type { ColumnType, Generated, Selectable } from 'kysely';

/** A client's own hourly rate; without one, the default rate in the billing settings applies. */
export type ClientRatesTable = {
  id: Generated<number>;
  client_id: number;
  rate_cents: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type ClientRateRow = Selectable<ClientRatesTable>;
