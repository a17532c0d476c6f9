import type { CaseOutcome, CaseStage } from '../../shared/domain/case-stages';
import type { TreatmentKind } from '../../shared/domain/treatments';

/**
 * How each demo case got where it is: the payer's decisions and the appeals between
 * them, so that the stage the timeline leads to (shared/domain/case-lifecycle.ts) is the stage
 * the demo chose, and some cases are closed with an outcome and an amount saved.
 */

/** One step of the fight after the prior-authorization request. */
export type DemoStep =
  | { readonly kind: 'decision'; readonly level: number; readonly decision: 'approved' | 'denied' }
  | { readonly kind: 'appeal'; readonly level: number }
  | { readonly kind: 'external-review' }
  | { readonly kind: 'funding-note' };

/** Stages as a real caseload holds them: many waiting on a denial's appeal, some closed. */
const stageWeights: ReadonlyArray<readonly [CaseStage, number]> = [
  ['intake', 8],
  ['benefits_verification', 7],
  ['evidence_gathering', 10],
  ['prior_auth_submitted', 11],
  ['decision', 5],
  ['denied', 16],
  ['internal_appeal_1', 10],
  ['internal_appeal_2', 5],
  ['external_review', 4],
  ['approved', 8],
  ['alternative_funding', 4],
  ['resolved', 14],
];

const outcomeWeights: ReadonlyArray<readonly [CaseOutcome, number]> = [
  ['approved', 45],
  ['partially_approved', 15],
  ['denied_final', 15],
  ['self_pay', 10],
  ['alternative_funding', 8],
  ['withdrawn', 7],
];

function weighted<T>(choices: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  return choices[choices.length - 1]![0];
}

export function pickDemoStage(random: () => number): CaseStage {
  return weighted(stageWeights, random);
}

export function pickDemoOutcome(random: () => number): CaseOutcome {
  return weighted(outcomeWeights, random);
}

const deny = (level: number): DemoStep => ({ kind: 'decision', level, decision: 'denied' });
const approve = (level: number): DemoStep => ({ kind: 'decision', level, decision: 'approved' });
const appeal = (level: number): DemoStep => ({ kind: 'appeal', level });
const wonOnAppeal = [deny(0), appeal(1), approve(1)];
const exhausted = [deny(0), appeal(1), deny(1), appeal(2), deny(2)];

/** The steps after the request that lead to `stage` (and, for a closed case, to its outcome). */
export function demoStepsFor(
  stage: CaseStage,
  outcome: CaseOutcome | null,
  random: () => number,
): DemoStep[] {
  switch (stage) {
    case 'denied':
      return [deny(0)];
    case 'internal_appeal_1':
      return [deny(0), appeal(1)];
    case 'internal_appeal_2':
      return [deny(0), appeal(1), deny(1), appeal(2)];
    case 'external_review':
      return [...exhausted, { kind: 'external-review' }];
    case 'approved':
      return random() < 0.6 ? [approve(0)] : wonOnAppeal;
    case 'alternative_funding':
      return [deny(0), { kind: 'funding-note' }];
    case 'resolved':
      if (outcome === 'approved' || outcome === 'partially_approved')
        return random() < 0.5 ? [approve(0)] : wonOnAppeal;
      if (outcome === 'denied_final') return exhausted;
      return [deny(0), { kind: 'funding-note' }];
    default:
      return [];
  }
}

/** Whether a case at `stage` has had its prior-authorization request sent. */
export function hasRequestedAuthorization(stage: CaseStage): boolean {
  return !['intake', 'benefits_verification', 'evidence_gathering'].includes(stage);
}

/** A course of treatment's cash price, for the amount an approval saved (ranges in dollars). */
const coursePrices: Readonly<Record<TreatmentKind, readonly [number, number]>> = {
  esketamine: [18_000, 36_000],
  iv_ketamine: [4_000, 9_000],
  tms: [9_000, 15_000],
  other: [3_000, 12_000],
};

/** What closing saved the client, in cents; null when nothing was saved. */
export function demoSavedCents(
  outcome: CaseOutcome,
  treatment: TreatmentKind,
  random: () => number,
): number | null {
  const [least, most] = coursePrices[treatment];
  const course = least + Math.floor(random() * (most - least));
  const share = outcome === 'approved' ? 1 : outcome === 'partially_approved' ? 0.5 : 0;
  if (outcome === 'alternative_funding') return (2_000 + Math.floor(random() * 6_000)) * 100;
  return share === 0 ? null : Math.round(course * share) * 100;
}
