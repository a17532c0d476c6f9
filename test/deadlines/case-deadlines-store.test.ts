import { beforeEach, describe, expect, it } from 'vitest';
import { getAgenda, markAgendaItemDone } from '../../src/core/deadlines/agenda';
import { exportCalendar } from '../../src/core/deadlines/calendar-export';
import { getCaseDeadlines, overrideDeadline } from '../../src/core/deadlines/case-deadlines-service';
import type { Clock } from '../../src/core/deadlines/deadline-clock';
import { getReminderSummary, planDesktopReminders } from '../../src/core/deadlines/deadline-reminders';
import { refreshDeadlineStatuses } from '../../src/core/deadlines/recompute';
import type { Session } from '../../src/core/session/session';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The deadlines kept per case, in a real encrypted database: written when the timeline, the
 * coverage or the case changes, overridden with a reason (audited), shown in the agenda, marked
 * done with a timeline note.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

const newYork = 'America/New_York';
/** A clock for the day named, at noon in New York. */
const on = (day: string): Clock => ({ now: new Date(`${day}T16:00:00.000Z`), timeZone: newYork });

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function deniedEsketamineCase() {
    const { client, opened, coverage } = await openCaseOnCoverage(call, {
      client: { fullName: 'Lena Ortiz', dateOfBirth: '1979-05-02', state: 'NY' },
      treatment: 'esketamine',
      payer: 'Cigna',
      planType: 'employer-self-funded',
    });
    const denial = await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: '2026-03-13T15:00:00Z',
        summary: 'Spravato denied: step therapy not met',
        details: { decision: 'denied', level: 0, noticeDate: '2026-03-10', receivedOn: '2026-03-13' },
      },
    });
    return { client, caseId: opened.id, coverage, denial };
  }

  const withStore: Session['useStore'] = (work) => contract.session.useStore(work);

  describe('case deadlines in the encrypted store', () => {
    it('says what to record when the case has no coverage, then computes once it has one', async () => {
      const client = await call('clients.create', { fullName: 'Ada Moss', state: 'CA' });
      const opened = await call('cases.create', { clientId: client.id, treatment: 'tms' });
      const before = await call('deadlines.listForCase', { caseId: opened.id });
      expect(before.deadlines).toEqual([]);
      expect(before.missingFacts).toEqual([
        "The case's coverage and its plan type (Coverage tab): the plan type decides which rules set the deadlines.",
      ]);
    });

    it('writes the appeal deadline when a denial is added, and keeps the next date for the caseload', async () => {
      const { caseId, denial } = await deniedEsketamineCase();
      const list = await withStore(({ db }) => getCaseDeadlines(db, 'navigator', caseId, on('2026-04-05')));
      // Received 2026-03-13 + 180 days = 2026-09-09 (worked in case-scenario.test.ts).
      expect(list.deadlines).toEqual([
        expect.objectContaining({
          key: `erisa_internal_appeal_filing@event:${denial.id}`,
          rule: 'erisa_internal_appeal_filing',
          computedDue: '2026-09-09',
          dueOn: '2026-09-09',
          actor: 'claimant',
          status: 'open',
          override: null,
          citationUrl: 'https://www.ecfr.gov/current/title-29/section-2560.503-1',
        }),
      ]);
      const summary = await withStore(({ db }) =>
        db
          .selectFrom('case_deadline_summaries')
          .selectAll()
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow(),
      );
      expect(summary).toMatchObject({
        next_due_on: '2026-09-09',
        next_rule: 'erisa_internal_appeal_filing',
        overdue_count: 0,
      });
    });

    it('keeps the computed date beside an override, writes the reason to the audit log, and survives a rebuild', async () => {
      const { caseId, denial } = await deniedEsketamineCase();
      const key = `erisa_internal_appeal_filing@event:${denial.id}`;
      const updated = await withStore(({ db }) =>
        overrideDeadline(
          db,
          'navigator',
          { caseId, deadlineKey: key, dueOn: '2026-10-15', reason: 'SPD section 7.2 allows 210 days' },
          on('2026-04-05'),
        ),
      );
      expect(updated.deadlines[0]).toMatchObject({
        computedDue: '2026-09-09',
        dueOn: '2026-10-15',
        override: { dueOn: '2026-10-15', reason: 'SPD section 7.2 allows 210 days' },
      });
      const audit = await withStore(({ db }) =>
        db.selectFrom('audit_log').selectAll().where('table_name', '=', 'deadline_adjustments').execute(),
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: 'navigator', action: 'insert' });
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({
        deadline_key: key,
        override_due_on: '2026-10-15',
        override_reason: 'SPD section 7.2 allows 210 days',
      });

      // A later timeline entry rebuilds the rows; the override is found again by its key.
      await call('events.add', {
        caseId,
        event: { type: 'note', occurredAt: '2026-04-06T14:00:00Z', summary: 'Called the plan', details: {} },
      });
      const again = await withStore(({ db }) => getCaseDeadlines(db, 'navigator', caseId, on('2026-04-07')));
      expect(again.deadlines[0]).toMatchObject({ computedDue: '2026-09-09', dueOn: '2026-10-15' });
      const summary = await withStore(({ db }) =>
        db
          .selectFrom('case_deadline_summaries')
          .select('next_due_on')
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow(),
      );
      expect(summary.next_due_on).toBe('2026-10-15');

      expect(
        await failure('deadlines.override', { caseId, deadlineKey: key, dueOn: '2026-10-15', reason: '  ' }),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'reason', message: 'Reason is required.' });
    });

    it('recomputes when the coverage changes plan type', async () => {
      const { caseId, coverage } = await deniedEsketamineCase();
      await call('coverages.update', {
        coverageId: coverage.id,
        changes: { planType: 'medicaid-managed-care' },
      });
      const list = await withStore(({ db }) => getCaseDeadlines(db, 'navigator', caseId, on('2026-04-05')));
      // Medicaid managed care: 60 days from the date on the notice, 2026-03-10 (42 CFR 438.402(c)(2)(ii)):
      // 21 days left in March, +30 April (51), +9 → 2026-05-09.
      expect(list.deadlines.map((deadline) => [deadline.rule, deadline.dueOn])).toEqual([
        ['medicaid_mco_appeal_request', '2026-05-09'],
      ]);
    });

    it('sorts the agenda into overdue, today, this week, the next 30 days and later, and marks done with a timeline note', async () => {
      const { caseId, denial } = await deniedEsketamineCase();
      await call('deadlines.addManual', {
        caseId,
        title: 'Call Cigna back for the reference number',
        dueOn: '2026-09-04',
      });
      const key = `erisa_internal_appeal_filing@event:${denial.id}`;

      const agenda = await withStore(({ db }) => getAgenda(db, on('2026-09-05')));
      expect(
        agenda.items.map((item) => [item.bucket, item.source, item.dueOn, item.caseNumber, item.status]),
      ).toEqual([
        ['overdue', 'task', '2026-09-04', 'C-00001', 'missed'],
        ['this-week', 'deadline', '2026-09-09', 'C-00001', 'due-soon'],
      ]);
      expect((await withStore(({ db }) => getAgenda(db, on('2026-09-09')))).items[1]?.bucket).toBe('today');
      // A month and a day before, it is already on the agenda, under "later".
      expect(
        (await withStore(({ db }) => getAgenda(db, on('2026-08-09')))).items.map((item) => [
          item.source,
          item.bucket,
        ]),
      ).toEqual([
        ['task', 'next-30-days'],
        ['deadline', 'later'],
      ]);

      await withStore(({ db }) =>
        markAgendaItemDone(
          db,
          'navigator',
          { source: 'deadline', caseId, deadlineKey: key },
          'Appeal faxed',
          on('2026-09-05'),
        ),
      );
      const after = await withStore(({ db }) => getAgenda(db, on('2026-09-05')));
      expect(after.items.map((item) => item.source)).toEqual(['task']);
      const timeline = await call('events.list', { caseId, types: ['note'] });
      expect(timeline.events.map((event) => event.summary)).toEqual([
        'Deadline marked done (due 2026-09-09): The claimant has at least 180 days after receiving a denial to file an internal appeal. — Appeal faxed',
      ]);
      const list = await withStore(({ db }) => getCaseDeadlines(db, 'navigator', caseId, on('2026-09-05')));
      expect(list.deadlines[0]?.status).toBe('done');
    });

    it('plans the desktop reminders from the same dates as the summary: 9:00 on each lead day to come, overdue said at once', async () => {
      const { caseId } = await deniedEsketamineCase();
      await call('deadlines.addManual', { caseId, title: 'Call Cigna back', dueOn: '2026-09-04' });

      // Lead days 7, 2 and 0 before the appeal due 2026-09-09: 7 days before has passed on the 5th;
      // 9:00 in New York in September is 13:00 UTC. The task due the 4th is overdue.
      const reminders = await withStore(({ db }) => planDesktopReminders(db, on('2026-09-05')));
      expect(reminders).toEqual({
        plan: [
          {
            fireAt: Date.parse('2026-09-07T13:00:00.000Z'),
            message: '1 deadline or follow-up due in 2 days.',
          },
          { fireAt: Date.parse('2026-09-09T13:00:00.000Z'), message: '1 deadline or follow-up due today.' },
        ],
        // The summary counts within each window: the appeal, 4 days away, is in the 3-to-7-day one.
        message: '1 deadline or follow-up due in 3 to 7 days; 1 overdue.',
      });
      const summary = await withStore(({ db }) => getReminderSummary(db, on('2026-09-05')));
      expect(summary.message).toBe(reminders.message);
    });

    it('creates one re-authorization task for an approval that ends, however often it recomputes', async () => {
      const { caseId } = await deniedEsketamineCase();
      const approvedUntil = '2099-06-30';
      await call('events.add', {
        caseId,
        event: {
          type: 'payer_decision',
          occurredAt: '2026-05-01T15:00:00Z',
          summary: 'Approved on appeal',
          details: {
            decision: 'approved',
            level: 1,
            noticeDate: '2026-04-30',
            approvedUntil,
            approvedUnits: 24,
          },
        },
      });
      await call('cases.update', { caseId, changes: { isUrgent: false } });
      const tasks = await call('tasks.listForCase', { caseId });
      // 2099-06-30 − 30 days = 2099-05-31.
      expect(tasks.map((task) => [task.title, task.dueOn])).toEqual([
        [
          'Request re-authorization: the approval ends 2099-06-30 (the Deadlines tab lists what to send)',
          '2099-05-31',
        ],
      ]);
    });

    it('keeps reminder lead times apart from the general settings, audited, and uses the re-authorization lead', async () => {
      expect(await call('deadlines.reminderSettings', {})).toEqual({
        reminderLeadDays: [7, 2, 0],
        reauthorizationLeadDays: 30,
      });
      const saved = await call('deadlines.updateReminderSettings', {
        reminderLeadDays: [0, 3, 3],
        reauthorizationLeadDays: 45,
      });
      // Deduplicated, furthest first.
      expect(saved).toEqual({ reminderLeadDays: [3, 0], reauthorizationLeadDays: 45 });
      expect(await call('settings.get', {})).toEqual({ autoLockMinutes: 15 });
      expect(await failure('deadlines.updateReminderSettings', { reminderLeadDays: [] })).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Keep at least one reminder (0 means the same day).',
      });

      const { caseId } = await deniedEsketamineCase();
      await call('events.add', {
        caseId,
        event: {
          type: 'payer_decision',
          occurredAt: '2026-05-01T15:00:00Z',
          summary: 'Approved on appeal',
          details: { decision: 'approved', level: 1, noticeDate: '2026-04-30', approvedUntil: '2099-06-30' },
        },
      });
      // 2099-06-30 − 45 days: 30 days back is 05-31, 15 more is 2099-05-16.
      expect((await call('tasks.listForCase', { caseId })).map((task) => task.dueOn)).toEqual(['2099-05-16']);
    });

    it('re-judges stale cases at unlock and computes cases that never were', async () => {
      const { caseId } = await deniedEsketamineCase();
      await withStore(({ db }) =>
        db
          .updateTable('case_deadline_summaries')
          .set({ as_of: '2026-08-01' })
          .where('case_id', '=', caseId)
          .execute(),
      );
      await withStore(({ db }) => db.deleteFrom('case_deadline_summaries').execute());
      const result = await withStore(({ db }) => refreshDeadlineStatuses(db, on('2026-09-10')));
      expect(result.recomputed).toBe(1);
      const summary = await withStore(({ db }) =>
        db
          .selectFrom('case_deadline_summaries')
          .selectAll()
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow(),
      );
      // 2026-09-09 has passed with no appeal recorded: overdue, and still the date to act by.
      expect(summary).toMatchObject({ as_of: '2026-09-10', overdue_count: 1, next_due_on: '2026-09-09' });
    });

    it('exports chosen deadlines as a calendar with case numbers, not names, unless asked', async () => {
      const { caseId, denial } = await deniedEsketamineCase();
      const items = [
        {
          source: 'deadline' as const,
          caseId,
          deadlineKey: `erisa_internal_appeal_filing@event:${denial.id}`,
        },
      ];
      const file = await withStore(({ db }) =>
        exportCalendar(db, { items, includeClientNames: false }, on('2026-04-05')),
      );
      expect(file.fileName).toBe('advocase-deadlines-2026-04-05.ics');
      expect(file.content).toContain('DTSTART;VALUE=DATE:20260909');
      // The title says what the Agenda says, in plain words, never the rule's internal key.
      const unfolded = file.content.replace(/\r\n /g, '');
      expect(unfolded).toContain(
        'SUMMARY:C-00001: You must act — The claimant has at least 180 days after receiving a denial to file an internal appeal.',
      );
      const shown = unfolded.split('\r\n').filter((line) => /^(SUMMARY|DESCRIPTION):/.test(line));
      expect(shown.join('\n')).not.toMatch(/erisa_|\d{4}-\d{2}-\d{2}/);
      expect(shown.join('\n')).toContain('Counted from the day the notice arrived (March 13\\, 2026)');
      expect(file.content).not.toContain('Lena');
      const named = await withStore(({ db }) =>
        exportCalendar(db, { items, includeClientNames: true }, on('2026-04-05')),
      );
      expect(named.content).toContain('SUMMARY:C-00001 (Lena Ortiz): You must act — The claimant');
    });

    it('writes a changed date in the calendar the way people read dates', async () => {
      const { caseId, denial } = await deniedEsketamineCase();
      const deadlineKey = `erisa_internal_appeal_filing@event:${denial.id}`;
      await withStore(({ db }) =>
        overrideDeadline(
          db,
          'navigator',
          { caseId, deadlineKey, dueOn: '2026-10-15', reason: 'SPD section 7.2 allows 210 days' },
          on('2026-04-05'),
        ),
      );
      const file = await withStore(({ db }) =>
        exportCalendar(
          db,
          { items: [{ source: 'deadline' as const, caseId, deadlineKey }], includeClientNames: false },
          on('2026-04-05'),
        ),
      );
      const unfolded = file.content.replace(/\r\n /g, '');
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20261015');
      expect(unfolded).toContain(
        'Date changed by the user from September 9\\, 2026 to October 15\\, 2026: SPD section 7.2 allows 210 days',
      );
    });
  });
});
