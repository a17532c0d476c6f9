import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession } from '../helpers/contract-session';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

describe('a payer deadline answered late', () => {
  it('stays missed on the case, for the record, but leaves the agenda and the overdue count', async () => {
    const contract = await startContractSession(newDataDirectory());
    session = contract.session;
    const { call } = contract;
    const { opened } = await openCaseOnCoverage(call, {
      client: { fullName: 'Elena Park' },
      treatment: 'tms',
      payer: 'Aetna',
      planType: 'employer-self-funded',
    });
    // Received Sep 1; 15 days for a pre-service decision (29 CFR 2560.503-1(f)(2)(iii)(A)) ends Sep 16.
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'prior_auth_submitted',
        occurredAt: '2026-09-01T14:00:00Z',
        summary: 'Prior authorization faxed',
        details: { method: 'fax', receivedByPayerAt: '2026-09-01T14:00:00Z' },
      },
    });
    const unanswered = async () =>
      (await call('deadlines.agenda', {})).items.filter((item) => item.caseId === opened.id);
    expect((await unanswered()).map((item) => item.status)).toEqual(['missed']);

    // The denial came on Oct 2: the payer was late, and the appeal window is what matters now.
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: '2026-10-02T15:00:00Z',
        summary: 'Denied',
        details: { decision: 'denied', noticeDate: '2026-10-02', receivedOn: '2026-10-05' },
      },
    });
    const decision = (await call('deadlines.listForCase', { caseId: opened.id })).deadlines.find(
      (deadline) => deadline.rule === 'erisa_preservice_initial_decision',
    );
    expect(decision?.status).toBe('missed');
    expect(decision?.note).toMatch(/Payer was late/);
    expect((await unanswered()).map((item) => item.title)).not.toContainEqual(
      expect.stringMatching(/15 days/),
    );
    const summary = await contract.session.useStore(({ db }) =>
      db
        .selectFrom('case_deadline_summaries')
        .select('overdue_count')
        .where('case_id', '=', opened.id)
        .executeTakeFirstOrThrow(),
    );
    expect(summary.overdue_count).toBe(0);
  });
});
