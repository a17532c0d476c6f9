import type { ColumnType, Generated, Selectable } from 'kysely';
import type { NetworkStatus, ProviderKind } from '../../../shared/domain/coverage';

export type ProvidersTable = {
  id: Generated<number>;
  name: string;
  kind: ProviderKind;
  /** National Provider Identifier: 10 digits. */
  npi: string | null;
  specialty: string | null;
  phone: string | null;
  fax: string | null;
  address: string | null;
  notes: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

/** Whether a provider is in a given plan's network, and on which tier. */
export type ProviderNetworksTable = {
  coverage_id: number;
  provider_id: number;
  status: NetworkStatus;
  tier: string | null;
  referral_required: number;
};

export type ProviderRow = Selectable<ProvidersTable>;
export type ProviderNetworkRow = Selectable<ProviderNetworksTable>;
