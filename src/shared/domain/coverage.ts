export const networkTypes = ['HMO', 'PPO', 'EPO', 'POS', 'other'] as const;
export type NetworkType = (typeof networkTypes)[number];

/** How each network type reads in lists and facts; the stored value 'other' stays lowercase. */
export const networkTypeLabels: Readonly<Record<NetworkType, string>> = {
  HMO: 'HMO',
  PPO: 'PPO',
  EPO: 'EPO',
  POS: 'POS',
  other: 'Other',
};

export const providerKinds = ['clinician', 'facility'] as const;
export type ProviderKind = (typeof providerKinds)[number];

export const networkStatuses = ['in_network', 'out_of_network', 'unknown'] as const;
export type NetworkStatus = (typeof networkStatuses)[number];

export const networkStatusLabels: Readonly<Record<NetworkStatus, string>> = {
  in_network: 'In network',
  out_of_network: 'Out of network',
  unknown: 'Not yet verified',
};
