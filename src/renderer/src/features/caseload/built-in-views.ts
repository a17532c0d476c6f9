import type { CaseloadViewDefinition } from '@shared/schemas/caseload';

export type BuiltInViewId = 'all' | 'my-urgent' | 'awaiting-payer';

export type BuiltInView = {
  readonly id: BuiltInViewId;
  readonly name: string;
  readonly definition: (myAdvocateName: string | null) => CaseloadViewDefinition;
};

/**
 * The views every advocate starts with. "Appeals due in 14 days" joins them once the deadlines
 * work exposes due dates to the caseload query (see the filter table in caseload-query-service).
 */
export const builtInViews: readonly BuiltInView[] = [
  {
    id: 'all',
    name: 'All cases',
    definition: () => ({ filters: {}, quickFilter: null, sorting: [] }),
  },
  {
    id: 'my-urgent',
    name: 'My urgent',
    definition: (myAdvocateName) => ({
      filters: { isUrgent: true, ...(myAdvocateName ? { advocates: [myAdvocateName] } : {}) },
      quickFilter: null,
      sorting: [{ column: 'updatedAt', descending: false }],
    }),
  },
  {
    id: 'awaiting-payer',
    name: 'Awaiting payer',
    // Submitted and waiting on the payer's answer: a prior authorization, an appeal, an external review.
    definition: () => ({
      filters: {
        stages: [
          'prior_auth_submitted',
          'decision',
          'internal_appeal_1',
          'internal_appeal_2',
          'external_review',
        ],
      },
      quickFilter: null,
      sorting: [{ column: 'updatedAt', descending: false }],
    }),
  },
];
