import type { ColumnType, Generated, Selectable } from 'kysely';

/** Time worked on a case: a running timer (no ended_at yet), a stopped one, or a typed entry. */
export type TimeEntriesTable = {
  id: Generated<number>;
  case_id: number;
  /** YYYY-MM-DD in the user's zone. */
  worked_on: string;
  /** UTC instants; null for an entry typed as a number of minutes. */
  started_at: string | null;
  ended_at: string | null;
  /** Minutes as worked (not rounded); null only while the timer runs. */
  minutes: number | null;
  description: string;
  is_billable: number;
  /** Hourly rate in cents when the entry was made (or invoiced); null until a rate is set. */
  rate_cents: number | null;
  invoice_id: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  deleted_at: string | null;
};

export type TimeEntryRow = Selectable<TimeEntriesTable>;
