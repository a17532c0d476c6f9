import { beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * A client's parallel tracks board read from the records in a real encrypted database: the
 * payer's decisions on the timeline, the deadlines they start, and the funding options, with the
 * user's own status and next step on top.
 */

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

  const today = localToday();
  const daysAgo = (days: number) => addCalendarDays(today, -days);

  describe('parallel tracks board', () => {
    it('reads each route from the timeline and the funding options, and keeps the user\u2019s next step', async () => {
      const { client, opened } = await openCaseOnCoverage(call, {
        client: { fullName: 'Nina Roy', dateOfBirth: '1985-04-04', state: 'NY' },
        treatment: 'esketamine',
        payer: 'Cigna',
        planType: 'employer-self-funded',
      });
      await call('events.add', {
        caseId: opened.id,
        event: {
          type: 'prior_auth_submitted',
          occurredAt: `${daysAgo(30)}T15:00:00Z`,
          summary: 'PA faxed',
          details: { method: 'fax' },
        },
      });
      await call('events.add', {
        caseId: opened.id,
        event: {
          type: 'payer_decision',
          occurredAt: `${daysAgo(20)}T15:00:00Z`,
          summary: 'Denied: step therapy',
          details: { decision: 'denied', level: 0, noticeDate: daysAgo(21), receivedOn: daysAgo(20) },
        },
      });
      await call('funding.add', {
        caseId: opened.id,
        optionType: 'manufacturer_program',
        programName: 'SPRAVATO withMe',
        status: 'granted',
        appliedOn: daysAgo(10),
        decidedOn: daysAgo(2),
        amountGrantedCents: 125_000,
      });
      await call('funding.add', {
        caseId: opened.id,
        optionType: 'copay_foundation',
        programName: 'HealthWell',
        status: 'pending',
        appliedOn: daysAgo(1),
        nextStep: 'Call for a decision',
        nextStepOn: addCalendarDays(today, 5),
      });

      let board = await call('tracks.getForClient', { clientId: client.id });
      const track = (route: string) => board.tracks.find((candidate) => candidate.route === route)!;
      expect(board.clientName).toBe('Nina Roy');
      expect(board.tracks).toHaveLength(9);
      expect(track('prior_auth')).toMatchObject({
        status: 'lost',
        isStatusFromUser: false,
        // The decision is dated by its notice, not by the day it arrived and was recorded.
        lastActivityOn: daysAgo(21),
      });
      // The denial starts the 180-day appeal window: the internal appeal's next step.
      expect(track('internal_appeal')).toMatchObject({
        status: 'not_started',
        nextStep: expect.stringMatching(/^C-\d{5}: /) as string,
        nextStepDueOn: addCalendarDays(daysAgo(20), 180),
      });
      expect(track('manufacturer_support')).toMatchObject({ status: 'won' });
      expect(track('manufacturer_support').items[0]?.text).toBe(
        'Manufacturer support program: SPRAVATO withMe \u2014 Granted $1,250.00',
      );
      expect(track('copay_foundation')).toMatchObject({
        status: 'waiting',
        nextStep: 'HealthWell: Call for a decision',
        nextStepDueOn: addCalendarDays(today, 5),
      });
      expect(track('external_review')).toMatchObject({ status: 'not_started', items: [] });

      await call('events.add', {
        caseId: opened.id,
        event: {
          type: 'appeal_filed',
          occurredAt: `${daysAgo(1)}T15:00:00Z`,
          summary: 'Level 1 appeal with letter of medical necessity',
          details: { level: 1, method: 'portal' },
        },
      });
      board = await call('tracks.getForClient', { clientId: client.id });
      expect(track('internal_appeal')).toMatchObject({ status: 'waiting', lastActivityOn: daysAgo(1) });

      board = await call('tracks.setNote', {
        clientId: client.id,
        route: 'single_case_agreement',
        status: 'in_progress',
        note: 'Clinic willing to ask Cigna',
        nextStep: 'Send the in-network search log',
        nextStepOn: addCalendarDays(today, 3),
      });
      expect(track('single_case_agreement')).toMatchObject({
        status: 'in_progress',
        isStatusFromUser: true,
        note: 'Clinic willing to ask Cigna',
        nextStep: 'Send the in-network search log',
        nextStepDueOn: addCalendarDays(today, 3),
        lastActivityOn: today,
      });

      const error = await failure('tracks.setNote', {
        clientId: client.id,
        route: 'single_case_agreement',
        status: 'in_progress',
        nextStepOn: '2026-02-30',
      });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'nextStepOn' });
      board = await call('tracks.getForClient', { clientId: client.id });
      expect(track('single_case_agreement').nextStep).toBe('Send the in-network search log');

      await call('history.undo', { count: 1 });
      board = await call('tracks.getForClient', { clientId: client.id });
      expect(track('single_case_agreement')).toMatchObject({
        status: 'not_started',
        note: null,
        isStatusFromUser: false,
      });
    });
  });
});
