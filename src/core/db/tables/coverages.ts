import type { ColumnType, Generated, Selectable } from 'kysely';
import type { NetworkType } from '../../../shared/domain/coverage';
import type { PlanType } from '../../../shared/domain/plan-types';

/** One health plan a client has (or had); a client can hold several over time, and two at once. */
export type CoveragesTable = {
  id: Generated<number>;
  client_id: number;
  payer: string;
  plan_name: string | null;
  plan_type: PlanType;
  member_id: string | null;
  group_number: string | null;
  effective_on: string | null;
  ends_on: string | null;
  network_type: NetworkType | null;
  deductible_cents: number | null;
  deductible_met_cents: number | null;
  out_of_pocket_max_cents: number | null;
  out_of_pocket_met_cents: number | null;
  copay_cents: number | null;
  coinsurance_percent: number | null;
  prior_auth_rules: string | null;
  exclusions: string | null;
  payer_phone: string | null;
  payer_fax: string | null;
  portal_url: string | null;
  appeals_address: string | null;
  notes: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type CoverageRow = Selectable<CoveragesTable>;
