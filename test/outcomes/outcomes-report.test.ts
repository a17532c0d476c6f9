import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutcomesReport } from '../../src/shared/schemas/outcomes';
import { pdfPageCount, pdfText } from '../exports/export-fixture';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import {
  appealsAddresses,
  cignaAppealsUnit,
  enterOutcomesFixture,
  fixtureCases,
  payerFaxes,
} from './outcomes-fixture';

// Instants in the fixture are 15:00 UTC; in UTC every one falls on the day it names.
process.env['ADVOCASE_TIME_ZONE'] = 'UTC';

const newDataDirectory = useTemporaryDataDirectory();
const year2026 = { from: '2026-01-01', to: '2026-12-31' };
let contract: ContractSession;
let caseIds: ReadonlyMap<string, number>;
let report: OutcomesReport;
const outputFolder = mkdtempSync(join(tmpdir(), 'advocase-outcomes-'));

afterAll(() => rmSync(outputFolder, { recursive: true, force: true }));

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeAll(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    caseIds = await enterOutcomesFixture(contract.call);
    report = await contract.call('outcomes.report', year2026);
  }, 60_000);
  afterAll(async () => {
    await contract.close();
  });

  describe('outcomes figures for 2026, against hand counts on the fixture', () => {
    it('counts cases and clients the way the caseload does', () => {
      expect(report.headline).toMatchObject({
        // Open at some time in 2026: C1–C14 (C15 closed in 2025; C16 is in the trash).
        casesActive: 14,
        // C1/C5 share client K1 and C7/C8 client K6: 14 cases, 12 clients.
        clientsServed: 12,
        // Opened in 2026: C1–C13 (C14 opened in Nov 2025).
        casesOpened: 13,
        // Closed in 2026: C14 Jan, C1 Mar, C5 Apr, C6 May, C7+C9 Jun, C8+C10 Jul, C13 Aug, C2 Sep.
        casesClosed: 10,
      });
      expect(report.months.map((month) => [month.month, month.opened, month.closed])).toEqual([
        ['2026-01', 2, 1],
        ['2026-02', 2, 0],
        ['2026-03', 2, 1],
        ['2026-04', 2, 1],
        ['2026-05', 2, 1],
        ['2026-06', 2, 2],
        ['2026-07', 1, 2],
        ['2026-08', 0, 1],
        ['2026-09', 0, 1],
        ['2026-10', 0, 0],
        ['2026-11', 0, 0],
        ['2026-12', 0, 0],
      ]);
      expect(report.advocates).toEqual(['Rosa Diaz', 'Sam Lee']);
    });

    it('gives the outcome mix of the cases closed in the period', () => {
      // Approved: C1, C5, C7, C9, C10, C14; partially: C6; denied: C2; self-pay: C8; withdrawn: C13.
      expect(report.outcomeMix.map((share) => [share.label, share.count])).toEqual([
        ['Approved', 6],
        ['Partially approved', 1],
        ['Denied (final)', 1],
        ['Self-pay', 1],
        ['Withdrawn', 1],
      ]);
    });

    it('counts money saved on cases closed in the period, plus funding granted in it', () => {
      // C1 12,000 + C5 8,500 + C6 3,000 + C7 9,000 + C9 10,000 + C10 7,000 + C14 5,000 = $54,500.
      // C15 saved $4,000 but closed in 2025.
      expect(report.headline.savedOnCasesCents).toBe(5_450_000);
      // C8's $2,500 grant (decided Jul 10); C2's charity care was denied; C15's help came in 2025.
      expect(report.headline.fundingGrantedCents).toBe(250_000);
      expect(report.headline.moneySavedCents).toBe(5_700_000);
    });

    it('rates approvals by payer, by treatment and by appeal level', () => {
      // 16 decisions dated 2026 on live cases (C14's 2025 denial, C15 and trashed C16 excluded);
      // approvals: C1 L1, C5, C6 (partial), C7 L1, C9, C10 L1, C11, C14 L1 = 8.
      expect(report.headline).toMatchObject({ decisions: 16, approvals: 8 });
      const rows = (tallies: OutcomesReport['approvalByPayer']) =>
        tallies.map((tally) => [
          tally.label,
          tally.decisions,
          tally.approved,
          tally.partiallyApproved,
          tally.denied,
        ]);
      // Aetna: C1 den+app, C2 den, C9 app, C14 L1 app. Cigna: C4 den+den, C10 den+app, C11 app.
      // UnitedHealthcare: C5 app, C6 partial, C7 den+app, C8 den+den. Most decisions first.
      expect(rows(report.approvalByPayer)).toEqual([
        ['UnitedHealthcare', 6, 2, 1, 3],
        ['Aetna', 5, 3, 0, 2],
        ['Cigna', 5, 2, 0, 3],
      ]);
      expect(report.approvalByPayer.map((tally) => tally.approvalRate)).toEqual([3 / 6, 3 / 5, 2 / 5]);
      // Esketamine: C1×2, C5, C7×2, C9, C10×2, C14 = 9, of which 6 approved. TMS: C2, C4×2, C6, C8×2, C11 = 7.
      expect(rows(report.approvalByTreatment)).toEqual([
        ['Esketamine (Spravato)', 9, 6, 0, 3],
        ['TMS', 7, 1, 1, 5],
      ]);
      expect(report.approvalByTreatment[1]?.approvalRate).toBeCloseTo(2 / 7);
      // Initial: C1, C2, C4, C5, C6, C7, C8, C9, C10, C11. Level 1: C1, C4, C7, C8, C10, C14.
      expect(rows(report.approvalByLevel)).toEqual([
        ['Initial decision', 10, 3, 1, 6],
        ['Appeal level 1', 6, 4, 0, 2],
      ]);
    });

    it('rates approval over the closed cases the payer answered: the outcome mix, never another story', () => {
      // Closed as approved 6 + partially approved 1 = 7, of 8 the payer answered (denied final: C2);
      // self-pay C8 and withdrawn C13 had no answer from the payer to count.
      expect(report.headline).toMatchObject({
        casesApproved: 7,
        casesAnsweredByPayer: 8,
        approvalRate: 7 / 8,
      });
    });

    it('takes the median days from intake to the first decision', () => {
      // C1 11, C2 41, C4 10, C5 18, C6 26, C7 20, C8 20, C9 21, C10 14, C11 21 (C14's first was in 2025):
      // sorted 10 11 14 18 20 | 20 21 21 26 41 → (20 + 20) / 2.
      expect(report.headline.medianDaysToDecision).toBe(20);
    });

    it("counts the advocate's own deadlines met and missed", () => {
      // Appeal windows (180 days from the denial's arrival): C1 due Jul 17, appeal Feb 12: met; C4 due
      // Aug 20, appeal Mar 10: met; C2 due Aug 31, no appeal: missed. C4 external review (4 months
      // from the appeal denial's arrival, Apr 3): due Aug 3, none filed: missed.
      expect(report.headline).toMatchObject({ deadlinesMet: 2, deadlinesMissed: 2, deadlinesMetRate: 0.5 });
    });

    it("learns each payer's behaviour from the advocate's own cases", () => {
      const [aetna, cigna, united] = report.payers;
      // Aetna, 15 days for a pre-service decision: C1 10 days (on time); C1 appeal 8 days of 15 (on
      // time); C2 28 days (late). Medians 10 and 15. Overturned on appeal: C1 and C14, 2 of 2.
      expect(aetna).toMatchObject({
        payer: 'Aetna',
        appealDecisions: 2,
        overturned: 2,
        overturnRate: 1,
        answeredOnTime: 2,
        answeredLate: 1,
        unansweredPastDue: 0,
        medianResponseDays: 10,
        medianAllowedDays: 15,
      });
      // C1's prior auth and C2's, both faxed with a confirmation; C1's appeal by certified mail.
      expect(aetna?.destinations).toEqual([
        { channel: 'fax', destination: payerFaxes.Aetna, deliveries: 2 },
        { channel: 'mail', destination: appealsAddresses.Aetna, deliveries: 1 },
      ]);
      // "Not medically necessary." and "not medically necessary" are one reason; C14's was in 2025.
      expect(aetna?.recurringDenialReasons).toEqual([{ reason: 'Not medically necessary', count: 2 }]);

      // Cigna: C3 never answered (due Feb 19); C4 9 days (on time); C4 appeal 22 days of 15 (late).
      // Median response (9, 22) = 15.5. Overturned: C10 yes, C4 no.
      expect(cigna).toMatchObject({
        payer: 'Cigna',
        overturnRate: 0.5,
        answeredOnTime: 1,
        answeredLate: 1,
        unansweredPastDue: 1,
        medianResponseDays: 15.5,
        medianAllowedDays: 15,
      });
      // C4's prior auth was faxed without proof and C3's went by portal: neither counts. The letter
      // C10 received is not a delivery.
      expect(cigna?.destinations).toEqual([
        { channel: 'fax', destination: payerFaxes.Cigna, deliveries: 1 },
        { channel: 'correspondence', destination: cignaAppealsUnit, deliveries: 1 },
      ]);
      // C10's single "Not medically necessary" is not recurring.
      expect(cigna?.recurringDenialReasons).toEqual([
        { reason: 'Experimental or investigational', count: 2 },
      ]);

      // UnitedHealthcare has no dated deadlines (no coverage recorded) and three step-therapy denials.
      expect(united).toMatchObject({
        payer: 'UnitedHealthcare',
        medianResponseDays: null,
        overturnRate: 0.5,
      });
      expect(united?.recurringDenialReasons).toEqual([{ reason: 'Step therapy not met', count: 3 }]);
    });
  });

  describe('filters', () => {
    it("narrows every figure to one advocate's cases", async () => {
      const rosa = await contract.call('outcomes.report', { ...year2026, advocate: 'Rosa Diaz' });
      // Rosa: C1, C2, C5, C6, C10, C12, C14 (C16 trashed); clients K1 (C1, C5), K2, K5, K8, K10, K12.
      expect(rosa.headline).toMatchObject({
        casesActive: 7,
        clientsServed: 6,
        // C1×2, C2, C5, C6, C10×2, C14 L1 = 8; approvals C1 L1, C5, C6, C10 L1, C14 L1 = 5.
        decisions: 8,
        approvals: 5,
        // C1 12,000 + C5 8,500 + C6 3,000 + C10 7,000 + C14 5,000; C8's grant is Sam's.
        savedOnCasesCents: 3_550_000,
        fundingGrantedCents: 0,
        // C1's appeal window met, C2's missed.
        deadlinesMet: 1,
        deadlinesMissed: 1,
      });
      expect(rosa.filters.advocate).toBe('Rosa Diaz');
    });

    it('narrows to a date range: the first quarter of 2026', async () => {
      const quarter = await contract.call('outcomes.report', { from: '2026-01-01', to: '2026-03-31' });
      // Opened Jan–Mar: C1–C6. Closed: C14 (Jan 20), C1 (Mar 1). Decisions: C14 L1 Jan 12, C1 Jan 16
      // and Feb 20, C4 Feb 20, C2 Mar 2, C5 Mar 20 = 6, approvals C14, C1 L1, C5 = 3.
      expect(quarter.headline).toMatchObject({ casesOpened: 6, casesClosed: 2, decisions: 6, approvals: 3 });
      expect(quarter.months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03']);
      // No deadline of the advocate's fell due in the quarter.
      expect(quarter.headline.deadlinesMetRate).toBeNull();
    });

    it('says which field is wrong for a period that runs backwards, and for a missing organisation name', async () => {
      const backwards = await contract.failure('outcomes.report', { from: '2026-06-01', to: '2026-01-01' });
      expect(backwards).toMatchObject({ field: 'to', message: '"From" is after "To". Check both dates.' });
      const badDate = await contract.failure('outcomes.report', { from: '2026-02-30', to: '2026-03-01' });
      expect(badDate.field).toBe('from');
      const unnamed = await contract.failure('outcomes.exportFunderPdf', {
        filters: year2026,
        organisationName: '  ',
      });
      expect(unnamed).toMatchObject({ field: 'organisationName', message: 'Organisation name is required.' });
    });
  });

  describe('exports', () => {
    it('writes the figures and their definitions as CSV', async () => {
      const { fileName, csv } = await contract.call('outcomes.exportCsv', year2026);
      expect(fileName).toBe('outcomes-2026-01-01-to-2026-12-31.csv');
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('Section,Item,Measure,Value');
      expect(lines).toContain('Headline,Clients served,Count,12');
      expect(lines).toContain('Headline,Money saved for clients,Dollars,57000.00');
      expect(lines).toContain('Payer decisions approved by appeal level,Appeal level 1,Approval rate,66.7%');
      expect(lines).toContain('Headline,Approval rate,Percent,87.5%');
      expect(lines).toContain('Headline,Payer decisions approved,Count,8');
      expect(lines).toContain('Payer behaviour,Cigna,Denial reason: Experimental or investigational,2');
      expect(lines.some((line) => line.startsWith('Definitions,Money saved for clients,Definition,'))).toBe(
        true,
      );
      for (const fact of fixtureCases)
        expect(csv).not.toContain(fact.client.slice(fact.client.indexOf(' ') + 1));
    });

    it('makes a one-page funder report with the headline numbers and no client names', async () => {
      const file = await contract.call('outcomes.exportFunderPdf', {
        filters: year2026,
        organisationName: 'Harbor Mental Health Navigators',
      });
      expect(file.fileName).toBe('outcomes-2026-01-01-to-2026-12-31-funder-report.pdf');
      const path = join(outputFolder, file.fileName);
      writeFileSync(path, Buffer.from(file.data, 'base64'));
      expect(pdfPageCount(path)).toBe(1);
      expect(file.pageCount).toBe(1);
      const text = pdfText(path).replace(/\s+/g, ' ');
      for (const expected of [
        'Harbor Mental Health Navigators',
        'January 1, 2026 to December 31, 2026',
        // The headline row: the five numbers, then their labels, left to right.
        '12 14 87.5% $57,000 50.0% Clients served Cases worked Approval rate Money saved for clients Deadlines met',
        'incl. $2,500 funding granted',
        // The card's detail wraps in its narrow column: "7 of 8 closed cases the payer / answered".
        '7 of 8 closed cases the payer',
        '2 of 4 that fell due',
        'Median time from intake to the first payer decision after it: 20 days. Payer decisions approved: 8 of 16 payer decisions.',
        'Opened 2 2 2 2 2 2 1 0 0 0 0 0 Closed 1 0 1 1 1 2 2 1 1 0 0 0',
        'How these figures are counted',
        'no client names',
      ])
        expect(text).toContain(expected);
      for (const fact of fixtureCases)
        expect(text).not.toContain(fact.client.slice(fact.client.indexOf(' ') + 1));
    });
  });

  describe('the date that counts', () => {
    it('dates a granted funding option with no decision date by the day it was saved', async () => {
      // The store judges dates in UTC here (ADVOCASE_TIME_ZONE above).
      const today = new Date().toISOString().slice(0, 10);
      const thisYear = { from: `${today.slice(0, 4)}-01-01`, to: today };
      const before = await contract.call('outcomes.report', thisYear);
      await contract.call('funding.add', {
        caseId: caseIds.get('C12')!,
        optionType: 'payment_plan',
        programName: 'Clinic payment plan',
        status: 'granted',
        amountGrantedCents: 50_000,
      });
      const after = await contract.call('outcomes.report', thisYear);
      expect(after.headline.fundingGrantedCents - before.headline.fundingGrantedCents).toBe(50_000);
      expect(after.headline.moneySavedCents - before.headline.moneySavedCents).toBe(50_000);
    });

    it('follows an override out of the period, and an empty store reports nothing', async () => {
      const c2 = caseIds.get('C2')!;
      const window = (await contract.call('deadlines.listForCase', { caseId: c2 })).deadlines.find(
        (deadline) => deadline.rule === 'erisa_internal_appeal_filing',
      );
      await contract.call('deadlines.override', {
        caseId: c2,
        deadlineKey: window!.key,
        dueOn: '2027-01-15',
        reason: 'The plan gives 180 days from the notice the member received late.',
      });
      const after = await contract.call('outcomes.report', year2026);
      // C2's window now falls in 2027: only C4's external review is missed.
      expect(after.headline).toMatchObject({ deadlinesMet: 2, deadlinesMissed: 1 });
      // It counts on the day it was moved to, and marked done before that day it was met there.
      const movedTo = { from: '2027-01-15', to: '2027-01-15' };
      expect((await contract.call('outcomes.report', movedTo)).headline).toMatchObject({
        deadlinesMet: 0,
        deadlinesMissed: 0,
      });
      await contract.call('deadlines.markDone', {
        item: { source: 'deadline', caseId: c2, deadlineKey: window!.key },
      });
      expect((await contract.call('outcomes.report', movedTo)).headline).toMatchObject({
        deadlinesMet: 1,
        deadlinesMissed: 0,
      });

      const empty = await contract.call('outcomes.report', { from: '2030-01-01', to: '2030-12-31' });
      expect(empty.headline).toMatchObject({
        // C3, C4, C11 and C12 have not closed, so they are still being worked in 2030.
        casesActive: 4,
        casesOpened: 0,
        decisions: 0,
        approvalRate: null,
        medianDaysToDecision: null,
        moneySavedCents: 0,
        deadlinesMetRate: null,
      });
      expect(empty.outcomeMix).toEqual([]);
    });
  });
});

describe('a case the client brought with a denial, closed as approved', () => {
  it('measures intake to decision from the first decision after intake, and rates it approved as the outcome mix does', async () => {
    const own = await startContractSession(newDataDirectory());
    try {
      const client = await own.call('clients.create', { fullName: 'Nadia Brandt' });
      const opened = await own.call('cases.create', {
        clientId: client.id,
        treatment: 'tms',
        payer: 'Aetna',
        openedOn: '2026-04-10',
      });
      const decide = (on: string, decision: 'denied' | 'approved', level: number) =>
        own.call('events.add', {
          caseId: opened.id,
          event: {
            type: 'payer_decision',
            occurredAt: `${on}T15:00:00Z`,
            summary: `Payer decision: ${decision}`,
            details: { decision, level, noticeDate: on },
          },
        });
      // The denial is dated eight days before the case was opened: the client brought it.
      await decide('2026-04-02', 'denied', 0);
      const beforeAppeal = await own.call('outcomes.report', year2026);
      // Nothing decided since intake yet: no figure, rather than -8 days, and the case is said to be left out.
      expect(beforeAppeal.headline.medianDaysToDecision).toBeNull();
      expect(beforeAppeal.headline.casesDecidedOnlyBeforeIntake).toBe(1);

      await decide('2026-05-15', 'approved', 1);
      await own.call('cases.update', {
        caseId: opened.id,
        changes: { stage: 'resolved', closedOn: '2026-05-20', outcome: 'approved' },
      });
      const closed = await own.call('outcomes.report', year2026);
      // Opened Apr 10, approved on appeal May 15: 35 days.
      expect(closed.headline.medianDaysToDecision).toBe(35);
      expect(closed.headline.casesDecidedOnlyBeforeIntake).toBe(0);
      expect(closed.outcomeMix.map((share) => [share.label, share.count])).toEqual([['Approved', 1]]);
      expect(closed.headline).toMatchObject({
        casesApproved: 1,
        casesAnsweredByPayer: 1,
        approvalRate: 1,
        decisions: 2,
        approvals: 1,
      });
    } finally {
      await own.session.lock();
    }
  });
});
