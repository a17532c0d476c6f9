/**
 * Every namespace of the contract, once. The contract (index.ts), the core's handlers
 * (core/api/create-handlers.ts) and the renderer's query keys (renderer lib/query-keys.ts) are each
 * a record over this list, so a namespace added here and left out of any of them, or a method
 * file whose namespace is not here, fails to compile.
 */
export const namespaces = [
  'session',
  'settings',
  'clients',
  'cases',
  'caseload',
  'coverages',
  'providers',
  'events',
  'tasks',
  'verification',
  'search',
  'deadlines',
  'history',
  'trash',
  'import',
  'vault',
  'exports',
  'treatmentHistory',
  'symptomScores',
  'evidence',
  'clinicalFacts',
  'criteria',
  'evidencePacks',
  'letterTemplates',
  'letters',
  'costs',
  'plans',
  'funding',
  'tracks',
  'time',
  'billing',
  'invoices',
  'resources',
  'outcomes',
  'profile',
  'audit',
  'backup',
  'denials',
  'live',
  'team',
  'assignments',
  'teamViews',
] as const;

export type Namespace = (typeof namespaces)[number];
