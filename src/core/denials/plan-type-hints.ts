import type { PlanType } from '../../shared/domain/plan-types';

/**
 * What a notice's own words say about the kind of coverage, in the deadline engine's words.
 * Only what the text supports: "ERISA" says an employer plan but not how it is funded, so it
 * hints both employer types unless the notice says "self-funded" or "fully insured". Weight
 * orders the hints; the heaviest is the default plan type. Patterns are for foldPattern.
 */
export type PlanTypeSignal = {
  readonly pattern: string;
  readonly planTypes: readonly PlanType[];
  readonly weight: number;
};

const erisaEmployerPlan: readonly PlanType[] = ['employer-self-funded', 'employer-fully-insured'];

export const planTypeSignals: readonly PlanTypeSignal[] = [
  {
    pattern: '\\bnotice\\s+of\\s+denial\\s+of\\s+medical\\s+coverage\\b',
    planTypes: ['medicare-advantage'],
    weight: 5,
  },
  { pattern: '\\bmedicare\\s+advantage\\b', planTypes: ['medicare-advantage'], weight: 5 },
  {
    pattern: '\\bindependent\\s+review\\s+entity\\b|\\(ire\\)',
    planTypes: ['medicare-advantage'],
    weight: 3,
  },
  // Maximus also runs the federal external review for Marketplace plans: only with Medicare named.
  {
    pattern: '\\bmaximus\\b(?=[\\s\\S]*\\bmedicare\\b)|\\bmedicare\\b(?=[\\s\\S]*\\bmaximus\\b)',
    planTypes: ['medicare-advantage'],
    weight: 2,
  },
  {
    pattern: '\\bmedicaid\\s+managed\\s+care\\b|\\bmanaged\\s+care\\b(?=.{0,40}\\bmedicaid\\b)',
    planTypes: ['medicaid-managed-care'],
    weight: 5,
  },
  { pattern: '\\bstate\\s+fair\\s+hearing\\b', planTypes: ['medicaid-managed-care'], weight: 3 },
  { pattern: '\\bmedicaid\\b', planTypes: ['medicaid-managed-care'], weight: 2 },
  {
    pattern: '\\bhealth\\s+insurance\\s+marketplace\\b|\\bhealthcare\\.gov\\b|\\bcovered\\s+california\\b',
    planTypes: ['individual'],
    weight: 5,
  },
  {
    pattern:
      '\\bmarketplace\\b|\\bqualified\\s+health\\s+plan\\b|\\bindividual\\s+(?:plan|policy|coverage)\\b',
    planTypes: ['individual'],
    weight: 3,
  },
  {
    pattern:
      '\\bself[\\s-]*(?:funded|insured)\\b(?=[\\s\\S]*\\b(?:erisa|employee\\s+retirement\\s+income\\s+security\\s+act)\\b)',
    planTypes: ['employer-self-funded'],
    weight: 5,
  },
  {
    pattern:
      '\\bfully[\\s-]+insured\\b(?=[\\s\\S]*\\b(?:erisa|employee\\s+retirement\\s+income\\s+security\\s+act)\\b)',
    planTypes: ['employer-fully-insured'],
    weight: 5,
  },
  {
    pattern: '\\berisa\\b|\\bemployee\\s+retirement\\s+income\\s+security\\s+act\\b|\\b502\\s*\\(a\\)',
    planTypes: erisaEmployerPlan,
    weight: 4,
  },
  {
    pattern: '\\b(?:non-federal\\s+)?governmental\\s+(?:group\\s+)?plan\\b|\\bpublic\\s+employees?\\b',
    planTypes: ['governmental-group'],
    weight: 4,
  },
  {
    pattern: '\\bmedicare\\s+summary\\s+notice\\b|\\bmedicare\\s+administrative\\s+contractor\\b',
    planTypes: ['medicare'],
    weight: 5,
  },
];
