import { beforeEach, describe, expect, it } from 'vitest';
import { loadCaseClinicalFacts } from '../../src/core/medical-necessity/load-case-clinical-facts';
import type { TreatmentTrialFieldsInput } from '../../src/shared/schemas/treatment-history';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile } from '../vault/vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function clientWithCase(fullName = 'Lena Ortiz') {
    const client = await call('clients.create', { fullName, dateOfBirth: '1979-05-02', state: 'TX' });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Cigna',
    });
    return { clientId: client.id, caseId: opened.id };
  }

  async function documentOn(caseId: number, fileName: string) {
    const added = await addFile(call, fileName, Buffer.from(`Records for ${fileName}`), { caseId });
    return added.document!.id;
  }

  const sertraline: TreatmentTrialFieldsInput = {
    kind: 'medication',
    name: 'Sertraline',
    drugClass: 'ssri',
    peakDose: '200 mg/day',
    startedOn: '2025-01-06',
    endedOn: '2025-03-31',
    weeksAtTherapeuticDose: 8,
    isDoseAdequate: true,
    outcome: 'no_response',
    isInCurrentEpisode: true,
  };

  async function readiness(caseId: number) {
    const { rows } = await call('caseload.query', { offset: 0, limit: 50 });
    const checklist = await call('evidence.checklist', { caseId });
    return {
      checklist: checklist.readiness.percent,
      caseload: rows.find((row) => row.id === caseId)!.evidenceReadiness,
    };
  }

  describe('treatment history', () => {
    // Needs documents, which a team database does not keep yet.
    it.skipIf(engine === 'postgres')(
      'keeps trials per client, oldest first, and every case of the client reads them',
      async () => {
        const { clientId, caseId } = await clientWithCase();
        const pharmacy = await documentOn(caseId, 'pharmacy-fills.txt');
        await call('treatmentHistory.add', {
          clientId,
          trial: {
            ...sertraline,
            name: 'Bupropion',
            drugClass: 'atypical',
            startedOn: '2025-05-01',
            endedOn: null,
            weeksAtTherapeuticDose: 3,
            outcome: 'ongoing',
          },
        });
        const added = await call('treatmentHistory.add', {
          clientId,
          trial: { ...sertraline, sourceDocumentId: pharmacy },
        });
        expect(added).toMatchObject({
          name: 'Sertraline',
          weeksAtTherapeuticDose: 8,
          isDoseAdequate: true,
          source: { documentId: pharmacy, label: 'pharmacy-fills.txt', isInTrash: false },
        });
        const second = await call('cases.create', { clientId, treatment: 'tms', payer: 'Cigna' });
        const facts = await contract.session.useStore(({ db }) =>
          loadCaseClinicalFacts(db, second.id, '2026-02-01'),
        );
        expect(facts.trials.map((trial) => [trial.name, trial.weeksAtTherapeuticDose])).toEqual([
          ['Sertraline', 8],
          ['Bupropion', 3],
        ]);
        expect(facts.ageYears).toBe(46);
        expect(facts.trials[0]!.source).toEqual({
          documentId: pharmacy,
          eventId: null,
          label: 'pharmacy-fills.txt',
        });
      },
    );

    it.each([
      [
        'an end date before the start',
        { endedOn: '2024-12-01' },
        'trial.endedOn',
        /End date is before the start date/,
      ],
      [
        'negative weeks',
        { weeksAtTherapeuticDose: -2 },
        'trial.weeksAtTherapeuticDose',
        /cannot be negative/,
      ],
      [
        'more weeks at dose than the trial lasted',
        { weeksAtTherapeuticDose: 30 },
        'trial.weeksAtTherapeuticDose',
        /more than the 12 weeks between the start and end dates/,
      ],
      ['a blank name', { name: '  ' }, 'trial.name', /Name is required/],
      [
        'an unknown drug class',
        { drugClass: 'vitamin' },
        'trial.drugClass',
        /Drug class is not one Advocase knows/,
      ],
      [
        'a document that does not exist',
        { sourceDocumentId: 9999 },
        'trial.sourceDocumentId',
        /no document with id 9999/,
      ],
    ])('refuses %s, at the field, and keeps what was saved', async (_name, change, field, message) => {
      const { clientId } = await clientWithCase();
      const saved = await call('treatmentHistory.add', { clientId, trial: sertraline });
      const error = await failure('treatmentHistory.update', {
        trialId: saved.id,
        trial: { ...sertraline, ...change },
      });
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(await call('treatmentHistory.list', { clientId })).toEqual([saved]);
    });

    // Needs documents, which a team database does not keep yet.
    it.skipIf(engine === 'postgres')('refuses a source document filed on another client', async () => {
      const { clientId } = await clientWithCase();
      const other = await clientWithCase('Sam Other');
      const theirs = await documentOn(other.caseId, 'someone-else.txt');
      const error = await failure('treatmentHistory.add', {
        clientId,
        trial: { ...sertraline, sourceDocumentId: theirs },
      });
      expect(error.field).toBe('trial.sourceDocumentId');
      expect(error.message).toMatch(/not filed on this client/);
      expect(await call('treatmentHistory.list', { clientId })).toEqual([]);
    });

    it('removes a trial, and Undo brings it back', async () => {
      const { clientId } = await clientWithCase();
      const saved = await call('treatmentHistory.add', { clientId, trial: sertraline });
      await call('treatmentHistory.remove', { trialId: saved.id });
      expect(await call('treatmentHistory.list', { clientId })).toEqual([]);
      const undone = await call('history.undo', { count: 1 });
      expect(undone.message).toBe('Undone: Removed treatment Sertraline.');
      expect(await call('treatmentHistory.list', { clientId })).toEqual([saved]);
    });
  });

  describe('symptom scores', () => {
    it('records scores oldest first', async () => {
      const { clientId } = await clientWithCase();
      await call('symptomScores.add', {
        clientId,
        score: { instrument: 'PHQ-9', score: 19, takenOn: '2025-09-01' },
      });
      await call('symptomScores.add', {
        clientId,
        score: { instrument: 'MADRS', score: 34, takenOn: '2025-06-01' },
      });
      const scores = await call('symptomScores.list', { clientId });
      expect(scores.map((score) => [score.instrument, score.score, score.takenOn])).toEqual([
        ['MADRS', 34, '2025-06-01'],
        ['PHQ-9', 19, '2025-09-01'],
      ]);
    });

    it.each([
      [
        'a PHQ-9 above 27',
        { instrument: 'PHQ-9', score: 31 },
        'score.score',
        /A PHQ-9 score is between 0 and 27; 31 is outside that/,
      ],
      [
        'a GAD-7 below 0',
        { instrument: 'GAD-7', score: -1 },
        'score.score',
        /A GAD-7 score is between 0 and 21/,
      ],
      ['a fractional score', { score: 12.5 }, 'score.score', /whole number/],
      ['a date in the future', { takenOn: '2999-01-01' }, 'score.takenOn', /cannot be in the future/],
      ['no date', { takenOn: undefined }, 'score.takenOn', /Date taken is required/],
      ['an unknown scale', { instrument: 'XYZ-3' }, 'score.instrument', /Choose the rating scale/],
    ])('refuses %s, at the field, and keeps what was saved', async (_name, change, field, message) => {
      const { clientId } = await clientWithCase();
      const valid = { instrument: 'PHQ-9', score: 14, takenOn: '2025-09-01' } as const;
      const saved = await call('symptomScores.add', { clientId, score: valid });
      const error = await failure('symptomScores.update', {
        scoreId: saved.id,
        score: { ...valid, ...change },
      });
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(await call('symptomScores.list', { clientId })).toEqual([saved]);
    });
  });

  describe('evidence checklist and readiness', () => {
    // Needs documents, which a team database does not keep yet.
    it.skipIf(engine === 'postgres')(
      'rises as records are linked and trials documented, and the caseload column follows',
      async () => {
        const { clientId, caseId } = await clientWithCase();
        // 13 items, none applicable yet missing.
        expect(await readiness(caseId)).toEqual({ checklist: 0, caseload: 0 });

        const letter = await documentOn(caseId, 'letter-of-medical-necessity.txt');
        const records = await documentOn(caseId, 'clinic-notes.txt');
        await call('evidence.link', { caseId, itemKey: 'letter_of_medical_necessity', documentId: letter });
        await call('evidence.link', {
          caseId,
          itemKey: 'medical_records',
          documentId: records,
          note: 'Notes 2025',
        });
        // 2 of 13 done: 15%.
        expect(await readiness(caseId)).toEqual({ checklist: 15, caseload: 15 });

        // A trial with no source and no weeks documented: the treatment-history item is partial (½).
        const trial = await call('treatmentHistory.add', {
          clientId,
          trial: { ...sertraline, weeksAtTherapeuticDose: null },
        });
        const checklist = await call('evidence.checklist', { caseId });
        const history = checklist.items.find((item) => item.key === 'treatment_history')!;
        expect(history).toMatchObject({
          status: 'partial',
          explanation:
            '1 trial has no source document; 1 medication trial has no documented weeks at a therapeutic dose.',
        });
        // 2.5 of 13: 19%.
        expect(await readiness(caseId)).toEqual({ checklist: 19, caseload: 19 });
        await call('treatmentHistory.update', {
          trialId: trial.id,
          trial: { ...sertraline, sourceDocumentId: records },
        });
        // 3 of 13: 23%.
        expect(await readiness(caseId)).toEqual({ checklist: 23, caseload: 23 });

        // Two items marked not applicable leave 11; 3 of 11 done: 27%.
        await call('evidence.setStatus', {
          caseId,
          itemKey: 'second_opinion',
          status: 'not_applicable',
          reason: 'The payer does not ask for one.',
        });
        const afterStatus = await call('evidence.setStatus', {
          caseId,
          itemKey: 'peer_reviewed_studies',
          status: 'not_applicable',
          reason: 'Not an experimental denial.',
        });
        expect(afterStatus.readiness).toEqual({
          percent: 27,
          done: 3,
          partial: 0,
          missing: 8,
          applicable: 11,
        });

        // The letter to the trash: it no longer counts (2 of 11: 18%); restored, it counts again.
        await call('vault.trash', { documentId: letter });
        expect(await readiness(caseId)).toEqual({ checklist: 18, caseload: 18 });
        const trashed = (await call('evidence.checklist', { caseId })).items.find(
          (item) => item.key === 'letter_of_medical_necessity',
        )!;
        expect(trashed).toMatchObject({ status: 'missing', links: [{ target: { isInTrash: true } }] });
        await call('vault.restore', { documentId: letter });
        expect(await readiness(caseId)).toEqual({ checklist: 27, caseload: 27 });

        // Unlinking and Undo.
        const link = trashed.links[0]!;
        await call('evidence.unlink', { linkId: link.id });
        expect(await readiness(caseId)).toEqual({ checklist: 18, caseload: 18 });
        await call('history.undo', { count: 1 });
        expect(await readiness(caseId)).toEqual({ checklist: 27, caseload: 27 });

        // Sorted by readiness, the readier case comes last ascending.
        const other = await clientWithCase('Sam Other');
        const { rows } = await call('caseload.query', {
          sorting: [{ column: 'evidenceReadiness', descending: false }],
          offset: 0,
          limit: 10,
        });
        expect(rows.map((row) => [row.id, row.evidenceReadiness])).toEqual([
          [other.caseId, 0],
          [caseId, 27],
        ]);
        const notReady = await call('caseload.query', {
          filters: { evidenceReadinessBelow: 10 },
          offset: 0,
          limit: 10,
        });
        expect(notReady.rows.map((row) => row.id)).toEqual([other.caseId]);
      },
    );

    // Needs documents, which a team database does not keep yet.
    it.skipIf(engine === 'postgres')(
      'refuses bad links and statuses with the field that is wrong',
      async () => {
        const { caseId } = await clientWithCase();
        const other = await clientWithCase('Sam Other');
        const theirs = await documentOn(other.caseId, 'theirs.txt');
        const mine = await documentOn(caseId, 'mine.txt');
        await call('evidence.link', { caseId, itemKey: 'medical_records', documentId: mine });
        const cases = [
          [
            { caseId, itemKey: 'medical_records', documentId: 9999 },
            'documentId',
            /no document with id 9999/,
          ],
          [
            { caseId, itemKey: 'medical_records', documentId: theirs },
            'documentId',
            /not filed on this case/,
          ],
          [
            { caseId, itemKey: 'medical_records', documentId: mine },
            'documentId',
            /already linked to “Medical records”/,
          ],
          [{ caseId, itemKey: 'medical_records' }, 'documentId', /Choose one document or one timeline entry/],
          [{ caseId, itemKey: 'x-rays', documentId: mine }, 'itemKey', /not one Advocase knows/],
          [
            { caseId, itemKey: 'medical_records', eventId: 4242 },
            'eventId',
            /no timeline entry with id 4242/,
          ],
        ] as const;
        for (const [input, field, message] of cases) {
          const error = await failure('evidence.link', input);
          expect(error.field).toBe(field);
          expect(error.message).toMatch(message);
        }
        const naError = await failure('evidence.setStatus', {
          caseId,
          itemKey: 'consistency',
          status: 'not_applicable',
        });
        expect(naError.field).toBe('reason');
        expect(naError.message).toMatch(/Say why/);
        const checklist = await call('evidence.checklist', { caseId });
        expect(checklist.items.find((item) => item.key === 'medical_records')!.links).toHaveLength(1);
        expect(checklist.readiness.done).toBe(1);
      },
    );

    it('links a timeline entry; a judgement item is only partial until marked done', async () => {
      const { caseId } = await clientWithCase();
      const event = await call('events.add', {
        caseId,
        event: {
          type: 'note',
          occurredAt: '2026-01-10T15:00:00.000Z',
          summary: 'Checked every date against the pharmacy record',
          details: {},
        },
      });
      await call('evidence.link', { caseId, itemKey: 'consistency', eventId: event.id });
      let item = (await call('evidence.checklist', { caseId })).items.find(
        (entry) => entry.key === 'consistency',
      )!;
      expect(item).toMatchObject({
        status: 'partial',
        isManual: false,
        links: [
          {
            target: {
              eventId: event.id,
              label: 'Note, 2026-01-10: Checked every date against the pharmacy record',
            },
          },
        ],
      });
      await call('evidence.setStatus', { caseId, itemKey: 'consistency', status: 'done', reason: null });
      item = (await call('evidence.checklist', { caseId })).items.find(
        (entry) => entry.key === 'consistency',
      )!;
      expect(item).toMatchObject({ status: 'done', isManual: true });
      await call('evidence.setStatus', { caseId, itemKey: 'consistency', status: 'automatic' });
      item = (await call('evidence.checklist', { caseId })).items.find(
        (entry) => entry.key === 'consistency',
      )!;
      expect(item).toMatchObject({ status: 'partial', isManual: false });
    });
  });

  describe('clinical facts', () => {
    // Needs documents, which a team database does not keep yet.
    it.skipIf(engine === 'postgres')(
      'lists every fact as unknown until recorded, and the criteria reader sees only recorded ones',
      async () => {
        const { caseId } = await clientWithCase();
        const rems = await documentOn(caseId, 'rems-certificate.txt');
        const before = await call('clinicalFacts.list', { caseId });
        expect(before.every((fact) => fact.answer === 'unknown')).toBe(true);
        expect(before).toHaveLength(8);
        const saved = await call('clinicalFacts.set', {
          caseId,
          key: 'site_rems_certified',
          answer: 'yes',
          sourceDocumentId: rems,
        });
        expect(saved).toMatchObject({
          answer: 'yes',
          source: { documentId: rems, label: 'rems-certificate.txt' },
        });
        await call('clinicalFacts.set', { caseId, key: 'psychosis_history', answer: 'no' });
        const facts = await contract.session.useStore(({ db }) =>
          loadCaseClinicalFacts(db, caseId, '2026-02-01'),
        );
        expect(facts.facts).toEqual([
          {
            key: 'site_rems_certified',
            answer: 'yes',
            source: { documentId: rems, eventId: null, label: 'rems-certificate.txt' },
          },
          { key: 'psychosis_history', answer: 'no', source: null },
        ]);
        const error = await failure('clinicalFacts.set', { caseId, key: 'pdmp_checked', answer: 'maybe' });
        expect(error).toMatchObject({ field: 'answer', message: 'Answer yes, no or unknown.' });
      },
    );
  });
});
