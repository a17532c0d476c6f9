import { isGroupOrIndividualPlan } from '../deadlines/plan-types';
import type { PlanType } from '../../shared/domain/plan-types';
import type { NoticeElementId } from '../../shared/schemas/denial-notice';

/**
 * Which elements a denial notice must contain, by the rule that governs the plan, as the
 * project's research lists them (docs/domain/denial-and-appeal-content.md §1.1–§1.5).
 */
export type NoticeRulebook =
  'group-or-individual' | 'medicare-advantage' | 'medicaid-managed-care' | 'medicaid' | 'none';

export function noticeRulebookFor(planType: PlanType): NoticeRulebook {
  if (isGroupOrIndividualPlan(planType)) return 'group-or-individual';
  switch (planType) {
    case 'medicare-advantage':
    case 'medicaid-managed-care':
    case 'medicaid':
      return planType;
    default:
      return 'none';
  }
}

/** ERISA covers private employers' plans; governmental plans and individual policies are outside it (§1.1 row 4). */
export function isErisaPlan(planType: PlanType): boolean {
  return planType === 'employer-self-funded' || planType === 'employer-fully-insured';
}

const claimsRule = '29 CFR 2560.503-1';
/** §1.2: non-grandfathered group plans (ERISA and governmental) and individual coverage. */
const affordableCareActRule =
  '29 CFR 2590.715-2719(b)(2)(ii)(E); 45 CFR 147.136(b)(2)–(3), non-grandfathered plans';
const medicareAdvantageRule = '42 CFR 422.568(e)';
const medicaidManagedCareRule = '42 CFR 438.404(b)';

/** The citation of each element under each rulebook; an element a rulebook does not list is absent. */
export const elementCitations: Readonly<Record<NoticeRulebook, Partial<Record<NoticeElementId, string>>>> = {
  'group-or-individual': {
    'specific-reason': `${claimsRule}(g)(1)(i)`,
    'plan-provision': `${claimsRule}(g)(1)(ii)`,
    'information-needed': `${claimsRule}(g)(1)(iii)`,
    'appeal-procedures': `${claimsRule}(g)(1)(iv)`,
    'right-to-sue': `${claimsRule}(g)(1)(iv), ERISA plans only`,
    'internal-criterion': `${claimsRule}(g)(1)(v)(A)`,
    'clinical-judgment': `${claimsRule}(g)(1)(v)(B)`,
    'expedited-process': `${claimsRule}(g)(1)(v)(C), urgent care claims`,
    'claim-identification': affordableCareActRule,
    'codes-available': affordableCareActRule,
    'denial-code-and-standard': affordableCareActRule,
    'external-review': affordableCareActRule,
    'consumer-assistance': affordableCareActRule,
  },
  'medicare-advantage': {
    'specific-reason': medicareAdvantageRule,
    'appeal-procedures': medicareAdvantageRule,
    'expedited-process': medicareAdvantageRule,
  },
  'medicaid-managed-care': {
    'specific-reason': medicaidManagedCareRule,
    // The notice must state the right to free copies of the documents, including the medical-necessity criteria.
    'internal-criterion': `${medicaidManagedCareRule}(2)`,
    'appeal-procedures': medicaidManagedCareRule,
    'expedited-process': medicaidManagedCareRule,
  },
  // §1.5: from 2026 a prior-authorization denial must give a specific reason (42 CFR 431.80(a)).
  medicaid: { 'specific-reason': '42 CFR 431.80(a), prior-authorization denials from 2026' },
  none: {},
};

/** Where the research holds no notice-content rule for a plan type, the element is not applicable under it. */
export const rulebookNames: Readonly<Record<NoticeRulebook, string>> = {
  'group-or-individual': claimsRule,
  'medicare-advantage': medicareAdvantageRule,
  'medicaid-managed-care': medicaidManagedCareRule,
  medicaid: '42 CFR 431.80(a)',
  // docs/domain/denial-and-appeal-content.md holds no notice-content rule for these plans.
  none: "no rule known to Advocase on what this kind of plan's notice must contain",
};
