import type { DenialReasonCategory } from '../../shared/schemas/denial-notice';

/**
 * The words that put a denial reason in a category, in plain lower-case English for foldPattern.
 * The reader takes the category whose words come first in the reason as written: a reason that
 * says "not medically necessary, so not covered" is a medical-necessity denial.
 */
export const reasonCategoryWords: Readonly<Record<Exclude<DenialReasonCategory, 'other'>, string>> = {
  'experimental-investigational': '\\b(?:experimental|investigational|unproven|not proven)\\b',
  'not-medically-necessary':
    '\\bnot\\s+(?:deemed\\s+)?(?:a\\s+)?medical(?:ly)?\\s+necess|\\bmedical\\s+necessity\\b|\\bmedically\\s+necessary\\b',
  'not-covered':
    '\\bnot\\s+(?:a\\s+)?covered\\b|\\bnon-?covered\\b|\\bexclu(?:ded|sion)\\b|\\bnot\\s+a\\s+benefit\\b',
  'out-of-network':
    '\\bout[\\s-]+of[\\s-]+network\\b|\\bnon-?participating\\b|\\bnot\\s+in\\s+(?:our|your\\s+plan.s)\\s+network\\b',
  'missing-information':
    "\\b(?:did\\s+not|didn't)\\s+(?:receive|get)\\s+(?:the\\s+)?(?:information|records)\\b|\\b(?:missing|incomplete)\\s+(?:information|records|documentation)\\b|\\bnot\\s+enough\\s+information\\b",
  administrative:
    '\\b(?:precertification|pre-certification|prior\\s+(?:authorization|approval)|referral)\\s+(?:was\\s+)?not\\s+(?:obtained|received)\\b|\\btimely\\s+filing\\b|\\bduplicate\\b|\\bnot\\s+eligible\\b|\\bcoverage\\s+(?:ended|terminated)\\b|\\badministrative\\b',
};
