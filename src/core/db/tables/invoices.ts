import type { ColumnType, Generated, Selectable } from 'kysely';
import type { InvoiceStatus } from '../../../shared/domain/billing';

/** An invoice to a client for the time entries that point at it. */
export type InvoicesTable = {
  id: Generated<number>;
  /** INV-2026-0001: year of issue and a running number. */
  number: string;
  client_id: number;
  period_from: string;
  period_to: string;
  issued_on: string;
  due_on: string | null;
  payment_terms: string;
  /** The rounding the amounts were worked out with, so a reprint gives the same figures. */
  increment_minutes: number;
  total_cents: number;
  status: InvoiceStatus;
  from_name: string;
  from_address: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type InvoiceRow = Selectable<InvoicesTable>;
