import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCaseload } from '../../src/core/demo/generate-demo-caseload';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { findUnfilledPrompts } from '../../src/shared/domain/letter-prompts';
import type { LetterDocument } from '../../src/shared/domain/letter-document';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, type ContractSession } from '../helpers/contract-session';

/**
 * The demo caseload shows the product: closed cases with outcomes and amounts saved that Outcomes
 * counts as the caseload does, readiness spread from 0 to 100 %, deadlines over the next six months
 * (none of them overdue on a closed case), funding options on part of the caseload, and appeals sent
 * with proof of delivery. One demo is made on a real encrypted store for the whole file (making it
 * takes seconds) and only read by the tests below, through the contract as the screens read it.
 */

let dataDirectory: string;
let contract: ContractSession;

beforeAll(async () => {
  dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-test-'));
  contract = await startContractSession(dataDirectory);
  await contract.session.useStore(({ db }) =>
    db.transaction().execute((trx) => generateDemoCaseload(trx, { clientCount: 80, today: new Date() })),
  );
}, 120_000);

afterAll(async () => {
  await contract.session.lock();
  rmSync(dataDirectory, { recursive: true, force: true });
});

describe('the demo caseload', () => {
  it('has closed cases with outcomes and savings, spread readiness and dates over six months', async () => {
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
  });

  it('puts funding options on part of the caseload, some granted, their dates on the agenda over the months ahead', async () => {
    const options = await contract.session.useStore(({ db }) =>
      db
        .selectFrom('funding_options')
        .select([
          'case_id',
          'option_type',
          'status',
          'amount_granted_cents',
          'next_step_on',
          'apply_by',
          'renewal_on',
        ])
        .execute(),
    );
    const cases = await contract.call('cases.list', {});
    const casesWithOptions = new Set(options.map((option) => option.case_id));
    // Part of the caseload, not all of it.
    expect(casesWithOptions.size).toBeGreaterThanOrEqual(5);
    expect(casesWithOptions.size).toBeLessThan(cases.length / 2);
    expect(options.filter((option) => option.status === 'granted').length).toBeGreaterThanOrEqual(2);
    expect(
      options
        .filter((option) => option.status === 'granted')
        .every((option) => (option.amount_granted_cents ?? 0) > 0),
    ).toBe(true);
    // Dates spread over the coming months, not all in the agenda's first month.
    const today = localToday();
    const dates = options.flatMap((option) => [option.next_step_on, option.apply_by, option.renewal_on]);
    const ahead = dates.filter((date): date is string => date !== null && date >= today);
    expect(ahead.some((date) => date <= addCalendarDays(today, 30))).toBe(true);
    expect(ahead.some((date) => date > addCalendarDays(today, 90))).toBe(true);

    // The Funding tab of a case with options, and the agenda, read them.
    const [firstCase] = [...casesWithOptions];
    const funding = await contract.call('funding.getForCase', { caseId: firstCase! });
    expect(funding.options.length).toBeGreaterThan(0);
    const agenda = await contract.call('deadlines.agenda', {});
    expect(agenda.items.some((item) => item.rule?.startsWith('funding_'))).toBe(true);
  });

  it('has every appeal as a finished letter marked sent by fax, with a "letter sent" entry and its proof', async () => {
    const { appeals, letters, sentEntries } = await contract.session.useStore(async ({ db }) => ({
      appeals: await db
        .selectFrom('events')
        .select(['case_id', 'occurred_at'])
        .where('type', '=', 'appeal_filed')
        .execute(),
      letters: await db.selectFrom('letters').selectAll().execute(),
      sentEntries: await db
        .selectFrom('events')
        .select(['case_id', 'occurred_at', 'details'])
        .where('type', '=', 'letter_sent')
        .execute(),
    }));
    expect(appeals.length).toBeGreaterThan(3);
    expect(letters).toHaveLength(appeals.length);
    expect(sentEntries).toHaveLength(appeals.length);
    for (const letter of letters) {
      expect(letter).toMatchObject({ status: 'sent', sent_via: 'fax', kind: 'internal_appeal' });
      expect(findUnfilledPrompts(JSON.parse(letter.body) as LetterDocument)).toEqual([]);
      const entry = sentEntries.find(
        (candidate) =>
          candidate.case_id === letter.case_id && candidate.occurred_at.slice(0, 10) === letter.sent_on,
      );
      expect(entry).toBeDefined();
    }
    const proofs = sentEntries.map(
      (entry) => (JSON.parse(entry.details) as { deliveryProof: { method: string } | null }).deliveryProof,
    );
    expect(proofs.filter((proof) => proof?.method === 'fax_confirmation').length).toBeGreaterThan(
      proofs.length / 2,
    );
  });
});
