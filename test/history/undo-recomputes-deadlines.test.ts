import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession } from '../helpers/contract-session';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

// The same behaviour on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  describe('undo and the trash keep deadlines current', () => {
    it('drops the appeal deadline when the denial that started it is undone, and brings it back on restore', async () => {
      const contract = await startContractSession(newDataDirectory(), 'navigator', engine);
      session = contract.session;
      const { call } = contract;
      const { opened } = await openCaseOnCoverage(call, {
        client: { fullName: 'Tomas Reyes' },
        treatment: 'esketamine',
        payer: 'Cigna',
        planType: 'employer-self-funded',
      });
      const rules = async () =>
        (await call('deadlines.listForCase', { caseId: opened.id })).deadlines.map(
          (deadline) => deadline.rule,
        );

      const denial = {
        caseId: opened.id,
        event: {
          type: 'payer_decision',
          occurredAt: '2026-11-10T15:00:00Z',
          summary: 'Denied as not medically necessary',
          details: { decision: 'denied', noticeDate: '2026-11-09', receivedOn: '2026-11-12' },
        },
      } as const;
      await call('events.add', denial);
      const withDenial = await rules();
      expect(withDenial.length).toBeGreaterThan(0);

      // The first undo takes back the stage the denial moved the case to (its own step);
      // the second takes back the denial, and its deadline with it.
      await call('history.undo', {});
      expect(await rules()).toEqual(withDenial);
      await call('history.undo', {});
      expect(await rules()).toEqual([]);

      await call('events.add', denial);
      expect(await rules()).toEqual(withDenial);
      await call('trash.moveCase', { caseId: opened.id });
      const summaries = await session.useStore(({ db }) =>
        db.selectFrom('case_deadlines').select('rule').where('case_id', '=', opened.id).execute(),
      );
      expect(summaries).toEqual([]);
      await call('trash.restore', { kind: 'case', id: opened.id });
      expect(await rules()).toEqual(withDenial);
    });
  });
});
