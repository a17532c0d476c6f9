import type { CaseCriteriaView } from '../../shared/schemas/case-criteria';
import { coveragePositionLabels, type CriteriaSet } from '../../shared/schemas/criteria-sets';
import type { DenialReasonCategory } from '../../shared/schemas/denial-notice';

export type DenialCriteriaLink = NonNullable<CaseCriteriaView['denialLink']>;

/**
 * Ties the denial's reason to what the appeal must answer. A medical-necessity denial disputes the
 * criteria: each one met, with its evidence, answers it. An experimental/investigational denial
 * disputes the treatment itself, the payer's coverage position, which criteria do not answer
 * (docs/domain/denial-and-appeal-content.md §5.1 items 6 and 9).
 */
export function linkDenialReasonToCriteria(
  reasonCategory: DenialReasonCategory,
  reasonText: string | null,
  set: CriteriaSet | null,
): DenialCriteriaLink {
  const base = { reasonCategory, reasonText };
  if (reasonCategory === 'not-medically-necessary') {
    return {
      ...base,
      disputes: 'criteria',
      explanation: set
        ? `The denial says the treatment is not medically necessary, so it disputes the criteria of ${set.definition.name}: each criterion met, with its evidence, answers it.`
        : 'The denial says the treatment is not medically necessary, so it disputes the medical-necessity criteria: choose the criteria set of the policy the notice cites to answer it criterion by criterion.',
    };
  }
  if (reasonCategory === 'experimental-investigational') {
    const position = set
      ? ` (this set: ${coveragePositionLabels[set.definition.position].toLowerCase()})`
      : '';
    return {
      ...base,
      disputes: 'coverage-position',
      explanation: `The denial says the treatment is experimental or investigational, so it disputes the payer's position on the treatment itself${position}, not whether the criteria are met: answer it with the FDA status, the guidelines and the published evidence.`,
    };
  }
  return {
    ...base,
    disputes: 'neither',
    explanation:
      'The denial gives a reason that is not about the medical criteria: answer the reason itself (coverage, network, information or process).',
  };
}
