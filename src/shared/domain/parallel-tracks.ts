/**
 * The routes an advocate pursues at once for one client, shown side by side on the parallel
 * tracks board.
 */
export const parallelTrackRoutes = [
  'prior_auth',
  'internal_appeal',
  'external_review',
  'regulator_complaint',
  'manufacturer_support',
  'copay_foundation',
  'single_case_agreement',
  'self_pay_superbill',
  'other_funding',
] as const;
export type ParallelTrackRoute = (typeof parallelTrackRoutes)[number];

export const parallelTrackRouteLabels: Readonly<Record<ParallelTrackRoute, string>> = {
  prior_auth: 'Prior authorization',
  internal_appeal: 'Internal appeal',
  external_review: 'External review',
  regulator_complaint: 'State insurance department complaint',
  manufacturer_support: 'Manufacturer support program',
  copay_foundation: 'Co-pay foundation',
  single_case_agreement: 'Single case agreement',
  self_pay_superbill: 'Self-pay with superbill',
  other_funding: 'Other funding',
};

export const trackStatuses = ['not_started', 'in_progress', 'waiting', 'won', 'lost'] as const;
export type TrackStatus = (typeof trackStatuses)[number];

export const trackStatusLabels: Readonly<Record<TrackStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  waiting: 'Waiting on payer',
  won: 'Won',
  lost: 'Lost',
};
