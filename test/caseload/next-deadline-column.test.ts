import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

// The same behaviour on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  describe('the caseload’s next-deadline column', () => {
    it('shows each case’s next date to act by, sorts by it with undated cases last, and follows new events', async () => {
      const contract = await startContractSession(newDataDirectory(), 'navigator', engine);
      session = contract.session;
      const { call } = contract;
      const openCase = async (fullName: string, noticeDate: string | null) => {
        const client = await call('clients.create', { fullName });
        const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
        const coverage = await call('coverages.create', {
          clientId: client.id,
          payer: 'Aetna',
          planType: 'employer-self-funded',
        });
        await call('cases.update', {
          caseId: opened.id,
          changes: { coverageId: coverage.id, claimType: 'pre-service' },
        });
        if (noticeDate) {
          await call('events.add', {
            caseId: opened.id,
            event: {
              type: 'payer_decision',
              occurredAt: `${noticeDate}T15:00:00Z`,
              summary: 'Denied',
              details: { decision: 'denied', noticeDate, receivedOn: noticeDate },
            },
          });
        }
        return opened.id;
      };
      // 180 days to appeal from receipt (29 CFR 2560.503-1(h)(3)(i)):
      // Aug 1 + 180 = Jan 28, 2027 (Aug 31, Sep 30, Oct 31, Nov 30, Dec 31 = 152; + 28);
      // Jul 1 + 180 = Dec 28, 2026 (Jul 31, Aug 31, Sep 30, Oct 31, Nov 30 = 152; + 28).
      const later = await openCase('Later Appeal', '2026-08-01');
      const undated = await openCase('No Decision Yet', null);
      const sooner = await openCase('Sooner Appeal', '2026-07-01');

      const order = async (descending: boolean) =>
        (
          await call('caseload.query', {
            sorting: [{ column: 'nextDeadline', descending }],
            offset: 0,
            limit: 10,
          })
        ).rows.map((row) => [row.id, row.nextDeadlineOn]);
      expect(await order(false)).toEqual([
        [sooner, '2026-12-28'],
        [later, '2027-01-28'],
        [undated, null],
      ]);
      expect(await order(true)).toEqual([
        [later, '2027-01-28'],
        [sooner, '2026-12-28'],
        [undated, null],
      ]);

      // Filing the appeal answers the deadline: the case's next date moves on.
      await call('events.add', {
        caseId: sooner,
        event: {
          type: 'appeal_filed',
          occurredAt: '2026-11-02T15:00:00Z',
          summary: 'Appeal faxed',
          details: { level: 1, method: 'fax', receivedByPayerOn: '2026-11-02' },
        },
      });
      const row = (
        await call('caseload.query', {
          sorting: [{ column: 'nextDeadline', descending: false }],
          offset: 0,
          limit: 10,
        })
      ).rows.find((candidate) => candidate.id === sooner);
      expect(row?.nextDeadlineOn).not.toBe('2026-12-28');
    });
  });
});
