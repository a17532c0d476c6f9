import {
  evidenceItemKeys,
  evidenceItems,
  readinessPercent,
  type EvidenceItemKey,
  type EvidenceStatus,
} from '../../shared/domain/evidence-checklist';
import type { TrialKind, TrialOutcome } from '../../shared/domain/treatment-history';

/** What the checklist is judged from; built by the readiness store, kept free of the database for tests. */
export type ChecklistFacts = {
  /** Links per item; `isLive` is false when the document or entry is in the trash. */
  readonly links: ReadonlyArray<{ readonly itemKey: EvidenceItemKey; readonly isLive: boolean }>;
  readonly manual: ReadonlyMap<
    EvidenceItemKey,
    { readonly status: EvidenceStatus; readonly reason: string | null }
  >;
  readonly trials: ReadonlyArray<{
    readonly kind: TrialKind;
    readonly weeksAtTherapeuticDose: number | null;
    readonly outcome: TrialOutcome;
    readonly hasLiveSource: boolean;
  }>;
  readonly scores: ReadonlyArray<{ readonly hasLiveSource: boolean }>;
};

export type JudgedItem = {
  readonly key: EvidenceItemKey;
  readonly status: EvidenceStatus;
  readonly isManual: boolean;
  readonly reason: string | null;
  readonly explanation: string | null;
};

export type JudgedChecklist = {
  readonly items: readonly JudgedItem[];
  readonly readiness: {
    readonly percent: number;
    readonly done: number;
    readonly partial: number;
    readonly missing: number;
    readonly applicable: number;
  };
};

/** Trials whose adequacy payers judge by weeks at a therapeutic dose (payer-criteria.md §2.1 item 2). */
const kindsJudgedByWeeks: ReadonlySet<TrialKind> = new Set(['medication', 'augmentation']);

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function judgeTrials(
  facts: ChecklistFacts,
  hasLiveLink: boolean,
): Omit<JudgedItem, 'key' | 'isManual' | 'reason'> {
  if (facts.trials.length === 0) {
    return hasLiveLink
      ? {
          status: 'partial',
          explanation: 'A record is linked, but no prior treatment is in the ledger yet. Add each trial.',
        }
      : { status: 'missing', explanation: 'No prior treatment recorded. Add each trial to the ledger.' };
  }
  const gaps: string[] = [];
  const unsourced = facts.trials.filter((trial) => !trial.hasLiveSource).length;
  if (unsourced > 0) gaps.push(`${count(unsourced, 'trial has', 'trials have')} no source document`);
  const undatedWeeks = facts.trials.filter(
    (trial) => kindsJudgedByWeeks.has(trial.kind) && trial.weeksAtTherapeuticDose === null,
  ).length;
  if (undatedWeeks > 0)
    gaps.push(
      `${count(undatedWeeks, 'medication trial has', 'medication trials have')} no documented weeks at a therapeutic dose`,
    );
  const noOutcome = facts.trials.filter((trial) => trial.outcome === 'unknown').length;
  if (noOutcome > 0) gaps.push(`${count(noOutcome, 'trial has', 'trials have')} no documented outcome`);
  if (gaps.length === 0) return { status: 'done', explanation: null };
  return { status: 'partial', explanation: `${gaps.join('; ')}.` };
}

function judgeScores(
  facts: ChecklistFacts,
  hasLiveLink: boolean,
): Omit<JudgedItem, 'key' | 'isManual' | 'reason'> {
  if (facts.scores.length === 0) {
    return hasLiveLink
      ? {
          status: 'partial',
          explanation: 'A record is linked, but no score is recorded yet. Add the scores.',
        }
      : { status: 'missing', explanation: 'No rating-scale score recorded.' };
  }
  const unsourced = facts.scores.filter((score) => !score.hasLiveSource).length;
  if (unsourced === 0 || hasLiveLink) return { status: 'done', explanation: null };
  return {
    status: 'partial',
    explanation: `${count(unsourced, 'score has', 'scores have')} no source. Choose the record each came from, or link one here.`,
  };
}

/** Judges every checklist item and the readiness figure; a status set by hand wins. */
export function judgeChecklist(facts: ChecklistFacts): JudgedChecklist {
  const items = evidenceItemKeys.map((key): JudgedItem => {
    const links = facts.links.filter((link) => link.itemKey === key);
    const hasLiveLink = links.some((link) => link.isLive);
    const onlyTrashed = links.length > 0 && !hasLiveLink;
    let automatic: Omit<JudgedItem, 'key' | 'isManual' | 'reason'>;
    switch (evidenceItems[key].rule) {
      case 'trials':
        automatic = judgeTrials(facts, hasLiveLink);
        break;
      case 'scores':
        automatic = judgeScores(facts, hasLiveLink);
        break;
      case 'link':
        automatic = hasLiveLink
          ? { status: 'done', explanation: null }
          : {
              status: 'missing',
              explanation: onlyTrashed
                ? 'What was linked is in the trash. Restore it or link another.'
                : 'Nothing linked yet.',
            };
        break;
      case 'judgement':
        automatic = hasLiveLink
          ? {
              status: 'partial',
              explanation: 'Linked. Only you can judge it: mark it done once you have checked.',
            }
          : { status: 'missing', explanation: 'Not yet checked. Mark it done once you have.' };
        break;
    }
    const manual = facts.manual.get(key);
    if (manual) {
      return {
        key,
        status: manual.status,
        isManual: true,
        reason: manual.reason,
        // What the links alone would say, so the advocate sees when a status set by hand is stale.
        explanation: `Set by hand. From the links alone: ${automatic.status === 'done' ? 'done' : (automatic.explanation ?? automatic.status)}`,
      };
    }
    return { key, isManual: false, reason: null, ...automatic };
  });
  const tally = (status: EvidenceStatus) => items.filter((item) => item.status === status).length;
  const done = tally('done');
  const partial = tally('partial');
  const missing = tally('missing');
  const applicable = items.length - tally('not_applicable');
  return {
    items,
    readiness: {
      percent: readinessPercent({ done, partial, applicable }),
      done,
      partial,
      missing,
      applicable,
    },
  };
}
