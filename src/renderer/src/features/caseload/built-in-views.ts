import type { CaseloadViewDefinition } from '@shared/schemas/caseload';

export type BuiltInViewId = 'all' | 'my-urgent' | 'awaiting-payer' | 'appeals-due-14';

export type BuiltInView = {
  readonly id: BuiltInViewId;
  readonly name: string;
  readonly definition: (myAdvocateName: string | null) => CaseloadViewDefinition;
};

/** The views every advocate starts with; the user's own saved views come after them. */
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
  {
    id: 'appeals-due-14',
    name: 'Appeals due in 14 days',
    // The claimant's own deadlines from the deadline engine: filing an appeal or an external review.
    definition: () => ({
      filters: { claimantDeadlineWithinDays: 14 },
      quickFilter: null,
      sorting: [{ column: 'priority', descending: true }],
    }),
  },
];
