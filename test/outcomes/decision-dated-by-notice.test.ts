import { beforeEach, describe, expect, it } from 'vitest';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * A payer decision is dated by its notice, wherever its date is read: an advocate who records on
 * 3 March a denial dated 10 February sees it on the timeline on 10 February, and Outcomes counts
 * the decision, and the days from intake to it, on 10 February (the payer's decision date), not on
 * the day it was typed in. Real encrypted store and a team's PostgreSQL database, through the contract.
 */

// The advocate works in New York: Outcomes puts each decision on that calendar.
process.env['ADVOCASE_TIME_ZONE'] = 'America/New_York';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);

describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function caseOpenedOn(openedOn: string) {
    const client = await call('clients.create', { fullName: 'Maria Lopez' });
    return call('cases.create', { clientId: client.id, treatment: 'tms', openedOn });
  }

  function recordDecision(caseId: number, occurredAt: string, noticeDate: string) {
    return call('events.add', {
      caseId,
      event: {
        type: 'payer_decision',
        occurredAt,
        summary: 'Denied: not medically necessary',
        details: { decision: 'denied', level: 0, noticeDate },
      },
    });
  }

  it('a denial dated 10 February and recorded on 3 March is on the timeline, and counted, on 10 February', async () => {
    const opened = await caseOpenedOn('2026-02-01');
    // Typed in on 3 March at 10:00 in New York: the form's "now".
    const recorded = await recordDecision(opened.id, '2026-03-03T15:00:00.000Z', '2026-02-10');

    // The timeline knows it by its day alone (12:00 UTC, the same day in every US zone).
    expect(recorded.occurredAt).toBe('2026-02-10T12:00:00.000Z');
    const { events } = await call('events.list', { caseId: opened.id });
    expect(events.map((event) => event.occurredAt)).toEqual(['2026-02-10T12:00:00.000Z']);

    const february = await call('outcomes.report', { from: '2026-02-01', to: '2026-02-28' });
    expect(february.headline.decisions).toBe(1);
    // 1 February to 10 February.
    expect(february.headline.medianDaysToDecision).toBe(9);
    const march = await call('outcomes.report', { from: '2026-03-01', to: '2026-03-31' });
    expect(march.headline.decisions).toBe(0);
    expect(march.headline.medianDaysToDecision).toBeNull();
  });

  it('a decision dated before intake (a denial the client brought) is not measured, whenever it was typed in', async () => {
    const opened = await caseOpenedOn('2026-03-01');
    await recordDecision(opened.id, '2026-03-03T15:00:00.000Z', '2026-02-10');

    const spring = await call('outcomes.report', { from: '2026-02-01', to: '2026-03-31' });
    expect(spring.headline.decisions).toBe(1);
    expect(spring.headline.medianDaysToDecision).toBeNull();
    expect(spring.headline.casesDecidedOnlyBeforeIntake).toBe(1);
  });

  it('a decision typed in on its notice day keeps the time it was given', async () => {
    const opened = await caseOpenedOn('2026-02-01');
    // 10 February, 9:30 PM in New York, already 11 February in UTC.
    const recorded = await recordDecision(opened.id, '2026-02-11T02:30:00.000Z', '2026-02-10');
    expect(recorded.occurredAt).toBe('2026-02-11T02:30:00.000Z');

    const february = await call('outcomes.report', { from: '2026-02-01', to: '2026-02-10' });
    expect(february.headline.decisions).toBe(1);
    expect(february.headline.medianDaysToDecision).toBe(9);
  });
});
