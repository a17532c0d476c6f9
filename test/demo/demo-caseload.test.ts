import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoCaseload } from '../../src/core/demo/generate-demo-caseload';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The demo caseload shows the product: closed cases with outcomes and amounts saved
 * that Outcomes counts as the caseload does, readiness spread from 0 to 100 %, and deadlines over
 * the next six months, none of them overdue on a closed case.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;

beforeEach(async () => {
  contract = await startContractSession(newDataDirectory());
  return () => contract.session.lock();
});

describe('the demo caseload', () => {
  it('has closed cases with outcomes and savings, spread readiness and dates over six months', async () => {
    await contract.session.useStore(({ db }) =>
      db.transaction().execute((trx) => generateDemoCaseload(trx, { clientCount: 80, today: new Date() })),
    );
    const call = contract.call;
    const today = localToday();
    const caseload = await call('caseload.query', { limit: 1000 });
    const closed = caseload.rows.filter((row) => row.stage === 'resolved');
    expect(closed.length).toBeGreaterThanOrEqual(5);

    const report = await call('outcomes.report', { from: addCalendarDays(today, -730), to: today });
    expect(report.headline.casesClosed).toBe(closed.length);
    expect(report.headline.savedOnCasesCents).toBeGreaterThan(0);
    expect(report.outcomeMix.map((share) => share.outcome)).not.toContain('not_recorded');
    expect(report.outcomeMix.length).toBeGreaterThanOrEqual(3);

    const readiness = caseload.rows.map((row) => row.evidenceReadiness ?? 0);
    expect(Math.min(...readiness)).toBe(0);
    expect(Math.max(...readiness)).toBe(100);
    expect(new Set(readiness).size).toBeGreaterThanOrEqual(6);

    const agenda = await call('deadlines.agenda', {});
    const months = new Set(
      agenda.items.filter((item) => item.dueOn >= today).map((item) => item.dueOn.slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(6);
    expect(agenda.items.some((item) => item.bucket === 'later')).toBe(true);
    const closedIds = new Set(closed.map((row) => row.id));
    expect(agenda.items.filter((item) => closedIds.has(item.caseId))).toEqual([]);
    // Stages the timeline leads to, as well as the ones set by hand, all appear.
    const stages = new Set(caseload.rows.map((row) => row.stage));
    for (const stage of ['denied', 'internal_appeal_1', 'approved', 'resolved', 'intake'] as const)
      expect(stages).toContain(stage);
  }, 120_000);
});
