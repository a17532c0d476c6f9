import { describe, expect, it } from 'vitest';
import { evidenceItemKeys } from '../../shared/domain/evidence-checklist';
import { judgeChecklist, type ChecklistFacts } from './judge-checklist';

const none: ChecklistFacts = { links: [], manual: new Map(), trials: [], scores: [] };
const sourcedTrial = {
  kind: 'medication',
  weeksAtTherapeuticDose: 8,
  outcome: 'no_response',
  hasLiveSource: true,
} as const;

const statusOf = (facts: ChecklistFacts, key: (typeof evidenceItemKeys)[number]) =>
  judgeChecklist(facts).items.find((item) => item.key === key)!.status;

describe('judgeChecklist', () => {
  it.each([
    ['nothing recorded', none, 'missing'],
    ['a trial with weeks, outcome and source', { ...none, trials: [sourcedTrial] }, 'done'],
    [
      'a medication trial without weeks',
      { ...none, trials: [{ ...sourcedTrial, weeksAtTherapeuticDose: null }] },
      'partial',
    ],
    // Psychotherapy is not judged by weeks at a therapeutic dose.
    [
      'psychotherapy without weeks',
      { ...none, trials: [{ ...sourcedTrial, kind: 'psychotherapy', weeksAtTherapeuticDose: null }] },
      'done',
    ],
    [
      'a trial whose outcome is not documented',
      { ...none, trials: [{ ...sourcedTrial, outcome: 'unknown' }] },
      'partial',
    ],
    [
      'a trial whose source is in the trash',
      { ...none, trials: [{ ...sourcedTrial, hasLiveSource: false }] },
      'partial',
    ],
    ['only a linked record', { ...none, links: [{ itemKey: 'treatment_history', isLive: true }] }, 'partial'],
  ] as const)('treatment history with %s is %s', (_name, facts, expected) => {
    expect(statusOf(facts, 'treatment_history')).toBe(expected);
  });

  it.each([
    ['no scores', none, 'missing'],
    ['scores each with a source', { ...none, scores: [{ hasLiveSource: true }] }, 'done'],
    ['a score without a source', { ...none, scores: [{ hasLiveSource: false }] }, 'partial'],
    [
      'a score without a source and a linked record',
      { ...none, scores: [{ hasLiveSource: false }], links: [{ itemKey: 'symptom_scores', isLive: true }] },
      'done',
    ],
  ] as const)('symptom scores with %s are %s', (_name, facts, expected) => {
    expect(statusOf(facts, 'symptom_scores')).toBe(expected);
  });

  it('counts a partial item as half and leaves out items that do not apply', () => {
    const judged = judgeChecklist({
      ...none,
      links: [
        { itemKey: 'medical_records', isLive: true },
        { itemKey: 'letter_of_medical_necessity', isLive: false },
        { itemKey: 'consistency', isLive: true },
      ],
      manual: new Map([
        ['second_opinion', { status: 'not_applicable', reason: 'Not asked for' }],
        ['payer_policy', { status: 'not_applicable', reason: 'Policy not published' }],
        ['copies_kept', { status: 'done', reason: null }],
      ]),
    });
    // Done: medical records, copies kept (2); partial: consistency (½); 11 apply. 2.5 / 11 = 22.7%.
    expect(judged.readiness).toEqual({ percent: 23, done: 2, partial: 1, missing: 8, applicable: 11 });
    expect(judged.items.find((item) => item.key === 'letter_of_medical_necessity')).toMatchObject({
      status: 'missing',
      explanation: 'What was linked is in the trash. Restore it or link another.',
    });
  });

  it('gives 0 when every item is marked not applicable, not a division by zero', () => {
    const manual = new Map(
      evidenceItemKeys.map((key) => [key, { status: 'not_applicable', reason: 'n/a' }] as const),
    );
    expect(judgeChecklist({ ...none, manual }).readiness.percent).toBe(0);
  });
});
