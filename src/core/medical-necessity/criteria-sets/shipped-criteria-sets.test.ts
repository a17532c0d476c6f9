import { describe, expect, it } from 'vitest';
import { criteriaSetDefinitionSchema } from '../../../shared/schemas/criteria-sets';
import { evidencePackSchema } from '../../../shared/schemas/evidence-packs';
import { shippedEvidencePacks } from '../evidence-packs/shipped-evidence-packs';
import { evaluateCriteriaSet } from '../evaluate-criteria';
import type { CaseClinicalFacts } from '../case-clinical-facts';
import { defaultCriteriaSetFor, shippedCriteriaSets } from './shipped-criteria-sets';

const byId = (id: string) => {
  const set = shippedCriteriaSets.find((candidate) => candidate.id === id);
  if (!set) throw new Error(`no shipped set ${id}`);
  return set;
};

describe('shipped criteria sets', () => {
  it('each passes the schema a user set must pass, with https sources', () => {
    for (const set of shippedCriteriaSets) {
      expect(criteriaSetDefinitionSchema.safeParse(set.definition).success).toBe(true);
      for (const source of set.definition.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('marks the sets read through a policy aggregator', () => {
    expect(byId('cigna-spravato-trd').isSeenViaAggregator).toBe(true);
    expect(byId('carefirst-spravato-trd').isSeenViaAggregator).toBe(true);
    expect(byId('evicore-spravato-trd').isSeenViaAggregator).toBe(true);
    expect(byId('bcbs-nd-spravato-a').isSeenViaAggregator).toBe(false);
  });

  it('ships both BCBS North Dakota versions, each marked', () => {
    expect(byId('bcbs-nd-spravato-a').definition.versionNote).toMatch(/Version A of two/);
    expect(byId('bcbs-nd-spravato-b').definition.versionNote).toMatch(/Version B of two/);
  });

  it('ships TMS without invented criteria and IV ketamine as a position, not criteria', () => {
    expect(byId('tms-to-complete').definition.criteria).toEqual([]);
    expect(byId('tms-to-complete').definition.versionNote).toMatch(/No TMS criteria in our sources/);
    expect(byId('aetna-iv-ketamine').definition.position).toBe('experimental_investigational');
    expect(byId('usual-iv-ketamine').definition.criteria).toEqual([]);
  });

  it.each([
    ['Cigna Healthcare', 'esketamine', 'cigna-spravato-trd'],
    ['UnitedHealthcare Choice Plus', 'esketamine', 'uhc-spravato-trd'],
    ['Blue Cross Blue Shield of Massachusetts', 'iv_ketamine', 'bcbs-ma-iv-ketamine'],
    ['Aetna', 'iv_ketamine', 'aetna-iv-ketamine'],
    ['Aetna', 'esketamine', 'common-spravato'],
    [null, 'tms', 'tms-to-complete'],
    ['Kaiser', 'iv_ketamine', 'usual-iv-ketamine'],
  ] as const)('a %s %s case defaults to %s', (payer, treatment, expected) => {
    expect(defaultCriteriaSetFor(shippedCriteriaSets, payer, treatment)?.id).toBe(expected);
  });

  it('has nothing to default to for an "other" treatment', () => {
    expect(defaultCriteriaSetFor(shippedCriteriaSets, 'Cigna', 'other')).toBeNull();
  });
});

describe('a whole shipped set judged against one case', () => {
  // Cigna TRD: age, MDD, 2 ADs/2 classes ≥ 6 w current episode, ≤ 25 % (manual), psychiatrist, PDMP, no psychosis.
  const facts: CaseClinicalFacts = {
    caseId: 4,
    treatment: 'esketamine',
    asOf: '2025-06-01',
    ageYears: 35, // ≥ 18 → met
    diagnosisCodes: ['F33.2'], // F33 → met
    procedureCodes: [],
    trials: [
      // 8 w SSRI → counts; 3 w SNRI → too short → 1 of 2 → not met
      {
        id: 1,
        kind: 'medication',
        name: 'escitalopram',
        drugClass: 'ssri',
        peakDose: '20 mg',
        startedOn: '2024-10-01',
        endedOn: '2024-12-01',
        weeksAtTherapeuticDose: 8,
        isDoseAdequate: true,
        outcome: 'no_response',
        isInCurrentEpisode: true,
        source: { documentId: 3, eventId: null, label: 'Pharmacy fill history' },
        notes: null,
      },
      {
        id: 2,
        kind: 'medication',
        name: 'duloxetine',
        drugClass: 'snri',
        peakDose: '60 mg',
        startedOn: '2025-01-01',
        endedOn: '2025-01-22',
        weeksAtTherapeuticDose: 3,
        isDoseAdequate: true,
        outcome: 'side_effects',
        isInCurrentEpisode: true,
        source: { documentId: 3, eventId: null, label: 'Pharmacy fill history' },
        notes: null,
      },
    ],
    scores: [],
    facts: [
      {
        key: 'prescriber_is_psychiatrist',
        answer: 'yes',
        source: { documentId: 5, eventId: null, label: 'Referral' },
      }, // met
      { key: 'psychosis_history', answer: 'no', source: null }, // recorded without a document → unknown
      // PDMP not recorded → unknown; the ≤ 25 % criterion is manual and unjudged → unknown
    ],
  };

  it('gives 3 met, 1 not met, 3 unknown, with the policy it came from', () => {
    const evaluation = evaluateCriteriaSet(byId('cigna-spravato-trd'), facts, []);
    expect(evaluation.payer).toBe('Cigna');
    expect(evaluation.policyDate).toBeNull();
    expect(evaluation.sourceUrl).toMatch(/^https:\/\/coverage\.pharmacistwrite\.com/);
    expect(evaluation.results.map((result) => [result.criterionId, result.status])).toEqual([
      ['age', 'met'],
      ['diagnosis', 'met'],
      ['failed-ads', 'not_met'],
      ['non-response', 'unknown'],
      ['prescriber', 'met'],
      ['pdmp', 'unknown'],
      ['psychosis', 'unknown'],
    ]);
    expect(evaluation.results[2]?.explanation).toMatch(/duloxetine was too short: 3 weeks/);
  });

  it('counts the side-effect trial where the policy lets intolerance count (common pattern)', () => {
    const evaluation = evaluateCriteriaSet(byId('common-spravato'), facts, []);
    const trials = evaluation.results.find((result) => result.criterionId === 'failed-ads');
    // escitalopram (SSRI) + duloxetine stopped for side effects (SNRI, exempt from the 6 weeks) → 2 drugs, 2 classes.
    expect(trials?.status).toBe('met');
    expect(trials?.evidence).toHaveLength(2);
  });
});

describe('shipped evidence packs', () => {
  it('has one pack per treatment, every fact with an https source', () => {
    expect([...shippedEvidencePacks.keys()].sort()).toEqual(['esketamine', 'iv_ketamine', 'tms']);
    for (const pack of shippedEvidencePacks.values()) {
      expect(evidencePackSchema.safeParse(pack).success).toBe(true);
      for (const fact of pack.sections.flatMap((section) => section.facts))
        for (const source of fact.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('says what to add where our sources hold nothing (TMS clearance, guidelines)', () => {
    const tms = shippedEvidencePacks.get('tms');
    const regulatory = tms?.sections.find((section) => section.kind === 'regulatory_status');
    expect(regulatory?.facts).toEqual([]);
    expect(regulatory?.emptyHint).toMatch(/Add the FDA clearance and guideline citations you rely on/);
  });

  it('carries the January 2025 monotherapy approval and the parity rule', () => {
    const texts = shippedEvidencePacks
      .get('esketamine')
      ?.sections.flatMap((section) => section.facts.map((fact) => fact.text));
    expect(texts?.some((text) => text.includes('January 21, 2025'))).toBe(true);
    const parity = shippedEvidencePacks
      .get('iv_ketamine')
      ?.sections.find((section) => section.kind === 'parity');
    expect(parity?.facts[0]?.sources[0]?.url).toBe('https://www.ecfr.gov/current/title-29/section-2590.712');
  });
});
