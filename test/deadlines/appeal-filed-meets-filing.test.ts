import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

/**
 * A case on an employer plan denied Mar 6 (180 days to appeal, 29 CFR 2560.503-1(h)(3)(i): due
 * Sep 2), then an appeal filed as the event form sends it: a level and how it went, no receipt date
 * and no proof of delivery.
 */
async function caseWithAppealFiled(filedAt: string) {
  const contract = await startContractSession(newDataDirectory());
  session = contract.session;
  const { call } = contract;
  const { opened } = await openCaseOnCoverage(call, {
    client: { fullName: 'Dana Cole' },
    treatment: 'esketamine',
    payer: 'Cigna',
    planType: 'employer-self-funded',
  });
  await call('events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: '2026-03-06T15:00:00Z',
      summary: 'Denied',
      details: { decision: 'denied', noticeDate: '2026-03-06', receivedOn: '2026-03-06' },
    },
  });
  await call('events.add', {
    caseId: opened.id,
    event: {
      type: 'appeal_filed',
      occurredAt: filedAt,
      summary: 'Appeal filed',
      details: { level: 1, method: 'fax', isExpedited: false, receivedByPayerOn: null, deliveryProof: null },
    },
  });
  return { call, caseId: opened.id };
}

async function screensOf(call: ContractSession['call'], caseId: number) {
  const { deadlines, missingFacts } = await call('deadlines.listForCase', { caseId });
  const agenda = (await call('deadlines.agenda', {})).items.filter((item) => item.caseId === caseId);
  const { rows } = await call('caseload.query', {
    sorting: [{ column: 'nextDeadline', descending: false }],
    offset: 0,
    limit: 10,
  });
  return {
    filing: deadlines.find((deadline) => deadline.rule === 'erisa_internal_appeal_filing'),
    missingFacts,
    missedOnAgenda: agenda.filter((item) => item.status === 'missed'),
    overdueCount: rows.find((row) => row.id === caseId)?.overdueCount,
  };
}

describe('an appeal filed on the timeline without the payer’s receipt', () => {
  it('meets the filing deadline it answers, on every screen', async () => {
    const { call, caseId } = await caseWithAppealFiled('2026-04-01T16:00:00Z');
    const { filing, missingFacts, missedOnAgenda, overdueCount } = await screensOf(call, caseId);
    expect(filing).toMatchObject({ dueOn: '2026-09-02', status: 'met' });
    expect(filing?.note).toMatch(/^Met: the level-1 appeal filed 2026-04-01\. /);
    expect(filing?.note).not.toMatch(/no filing recorded/);
    // The payer's receipt is still asked for, for the payer's clock only: nothing says the filing is open.
    const receipt = missingFacts.find((fact) => fact.includes('level-1 appeal filed 2026-04-01'));
    expect(receipt).toMatch(/payer's decision deadline/);
    expect(receipt).not.toMatch(/still shows as open/);
    expect(missedOnAgenda).toEqual([]);
    expect(overdueCount).toBe(0);
  });

  it('filed after the due date: missed for the record, answered late, so overdue nowhere', async () => {
    const { call, caseId } = await caseWithAppealFiled('2026-09-10T16:00:00Z');
    const { filing, missedOnAgenda, overdueCount } = await screensOf(call, caseId);
    expect(filing).toMatchObject({ dueOn: '2026-09-02', status: 'missed' });
    expect(filing?.note).toMatch(/^Filed late: the level-1 appeal filed 2026-09-10, after the deadline;/);
    expect(missedOnAgenda).toEqual([]);
    expect(overdueCount).toBe(0);
  });
});
