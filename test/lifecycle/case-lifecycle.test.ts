import { beforeEach, describe, expect, it } from 'vitest';
import { computeOutcomes } from '../../src/core/outcomes/compute-outcomes';
import { decisionTalliesSummary } from '../../src/shared/domain/outcome-format';
import { userTimeZone } from '../../src/core/deadlines/time-zone';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { pickNextDeadline } from '../../src/shared/domain/next-deadline';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * One case lifecycle, through the contract on a real encrypted store:
 * recorded steps move the stage, closed cases stop alarming, Outcomes counts the cases the
 * caseload calls closed, and the Agenda shows every date ahead.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  const today = localToday();
  const daysAgo = (days: number) => addCalendarDays(today, -days);
  const at = (date: string) => `${date}T12:00:00.000Z`;

  /** An esketamine case on an ERISA plan (180-day appeal window from the denial's arrival). */
  async function openCase(name: string, advocate = 'Dana') {
    const client = await call('clients.create', { fullName: name, state: 'NY' });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Cigna',
      openedOn: daysAgo(400),
    });
    const coverage = await call('coverages.create', {
      clientId: client.id,
      payer: 'Cigna',
      planType: 'employer-self-funded',
    });
    await call('cases.update', {
      caseId: opened.id,
      changes: { coverageId: coverage.id, claimType: 'pre-service', assignedAdvocate: advocate },
    });
    return opened.id;
  }

  function requestPriorAuthorization(caseId: number, on: string) {
    return call('events.add', {
      caseId,
      event: {
        type: 'prior_auth_submitted',
        occurredAt: at(on),
        summary: 'Prior authorization faxed',
        details: { method: 'fax' },
      },
    });
  }

  function recordDecision(caseId: number, on: string, decision: 'denied' | 'approved', level = 0) {
    return call('events.add', {
      caseId,
      event: {
        type: 'payer_decision',
        occurredAt: at(on),
        summary: decision === 'denied' ? 'Denied: step therapy not met' : 'Approved',
        details: { decision, level, noticeDate: on, receivedOn: on },
      },
    });
  }

  /** A case denied `days` ago: its appeal window (180 days) ends 180 − days from today. */
  async function deniedCase(name: string, days: number, advocate?: string) {
    const caseId = await openCase(name, advocate);
    await requestPriorAuthorization(caseId, daysAgo(days + 10));
    await recordDecision(caseId, daysAgo(days), 'denied');
    return caseId;
  }

  const stageOf = async (caseId: number) => (await call('cases.get', { caseId })).stage;

  async function agendaItemsOf(caseId: number) {
    return (await call('deadlines.agenda', {})).items.filter((item) => item.caseId === caseId);
  }

  describe('finding 1: the stage follows the case', () => {
    it('moves with a prior-authorization request and a denial, and Undo takes the move back', async () => {
      const caseId = await openCase('Lena Ortiz');
      expect(await stageOf(caseId)).toBe('intake');
      await requestPriorAuthorization(caseId, daysAgo(20));
      expect(await stageOf(caseId)).toBe('prior_auth_submitted');
      await recordDecision(caseId, daysAgo(5), 'denied');
      expect(await stageOf(caseId)).toBe('denied');

      const undone = await call('history.undo', { count: 1 });
      expect(undone.undone).toHaveLength(1);
      expect(await stageOf(caseId)).toBe('prior_auth_submitted');
      // The denial itself is still on the timeline: only the stage move was taken back.
      const timeline = await call('events.list', { caseId });
      expect(timeline.events.map((event) => event.type)).toContain('payer_decision');
    });

    it('follows the latest step by date, through appeals and external review to approval', async () => {
      const caseId = await deniedCase('Ada Moss', 60);
      const steps: [() => Promise<unknown>, string][] = [
        [
          () =>
            call('events.add', {
              caseId,
              event: {
                type: 'appeal_filed',
                occurredAt: at(daysAgo(50)),
                summary: 'First-level appeal faxed',
                details: { level: 1, method: 'fax' },
              },
            }),
          'internal_appeal_1',
        ],
        [() => recordDecision(caseId, daysAgo(30), 'denied', 1), 'denied'],
        [
          () =>
            call('events.add', {
              caseId,
              event: {
                type: 'external_review_requested',
                occurredAt: at(daysAgo(20)),
                summary: 'External review requested',
                details: { reviewer: 'NY DFS' },
              },
            }),
          'external_review',
        ],
        // A step recorded late, dated before the latest one, does not move the stage back.
        [() => requestPriorAuthorization(caseId, daysAgo(100)), 'external_review'],
        [() => recordDecision(caseId, daysAgo(2), 'approved', 2), 'approved'],
      ];
      for (const [step, stage] of steps) {
        await step();
        expect(await stageOf(caseId)).toBe(stage);
      }
    });

    it('an external review request recorded on the timeline meets the window to ask for one', async () => {
      const caseId = await deniedCase('Grace Okafor', 60);
      await call('events.add', {
        caseId,
        event: {
          type: 'payer_decision',
          occurredAt: at(daysAgo(30)),
          summary: 'Final internal appeal upheld',
          details: {
            decision: 'denied',
            level: 1,
            noticeDate: daysAgo(30),
            receivedOn: daysAgo(30),
            isFinal: true,
          },
        },
      });
      const window = async () =>
        (await call('deadlines.listForCase', { caseId })).deadlines.find(
          (deadline) => deadline.rule === 'federal_external_review_request',
        );
      expect((await window())?.status).toBe('open');
      await call('events.add', {
        caseId,
        event: {
          type: 'external_review_requested',
          occurredAt: at(daysAgo(20)),
          summary: 'External review requested',
          details: { reviewer: 'IRO' },
        },
      });
      expect(await window()).toMatchObject({ status: 'met' });
      expect((await agendaItemsOf(caseId)).map((item) => item.title)).not.toContain(
        (await window())?.meaning,
      );
    });

    it('asks before moving a stage set by hand, and remembers the answer', async () => {
      const caseId = await deniedCase('Omar Haddad', 30);
      const setByHand = await call('cases.update', { caseId, changes: { stage: 'evidence_gathering' } });
      // The denial already on the timeline was there when the user chose: only a newer step asks.
      expect(setByHand.stageSuggestion).toBeNull();
      const appeal = await call('events.add', {
        caseId,
        event: {
          type: 'appeal_filed',
          occurredAt: at(daysAgo(3)),
          summary: 'Appeal filed',
          details: { level: 1, method: 'portal' },
        },
      });
      const asked = await call('cases.get', { caseId });
      expect(asked.stage).toBe('evidence_gathering');
      expect(asked.stageSource).toBe('hand');
      expect(asked.stageSuggestion).toMatchObject({ stage: 'internal_appeal_1', eventId: appeal.id });
      expect(asked.stageSuggestion?.reason).toBe('hand');

      const kept = await call('cases.keepStage', { caseId, eventId: appeal.id });
      expect(kept.stage).toBe('evidence_gathering');
      expect(kept.stageSuggestion).toBeNull();

      await recordDecision(caseId, daysAgo(1), 'denied', 1);
      expect((await call('cases.get', { caseId })).stageSuggestion?.stage).toBe('denied');
      const accepted = await call('cases.update', {
        caseId,
        changes: { stage: 'denied', stageFollowsTimeline: true },
      });
      expect(accepted).toMatchObject({ stage: 'denied', stageSource: 'timeline', stageSuggestion: null });
    });

    it('says why a decision dated before the logged request leaves the stage, and moves it when asked', async () => {
      // The request logged with a recent date (the form's default is today), then an older notice read.
      const caseId = await openCase('Rosa Lind');
      const request = await requestPriorAuthorization(caseId, daysAgo(1));
      const denial = await recordDecision(caseId, daysAgo(30), 'denied');
      const held = await call('cases.get', { caseId });
      expect(held.stage).toBe('prior_auth_submitted');
      expect(held.stageSuggestion).toMatchObject({
        stage: 'denied',
        reason: 'older',
        eventId: denial.id,
        laterStep: { eventId: request.id, eventType: 'prior_auth_submitted', occurredAt: at(daysAgo(1)) },
      });
      const moved = await call('cases.update', {
        caseId,
        changes: { stage: 'denied', stageFollowsTimeline: true },
      });
      expect(moved).toMatchObject({ stage: 'denied', stageSource: 'timeline', stageSuggestion: null });
      // The next step recorded moves the stage as usual.
      await call('events.add', {
        caseId,
        event: {
          type: 'appeal_filed',
          occurredAt: at(daysAgo(1)),
          summary: 'Appeal filed',
          details: { level: 1, method: 'portal' },
        },
      });
      expect(await stageOf(caseId)).toBe('internal_appeal_1');
    });

    it('an older step kept where it is is not asked about again', async () => {
      const caseId = await openCase('Ivo Brandt');
      await requestPriorAuthorization(caseId, daysAgo(1));
      const denial = await recordDecision(caseId, daysAgo(30), 'denied');
      const kept = await call('cases.keepStage', { caseId, eventId: denial.id });
      expect(kept).toMatchObject({ stage: 'prior_auth_submitted', stageSuggestion: null });
    });

    it('a closed case asks only about a step recorded after it was closed', async () => {
      const caseId = await deniedCase('Hana Sato', 40);
      const closed = await call('cases.close', { caseId, outcome: 'self_pay' });
      expect(closed.stageSuggestion).toBeNull();
      await recordDecision(caseId, daysAgo(1), 'approved', 1);
      const asked = await call('cases.get', { caseId });
      expect(asked.stage).toBe('resolved');
      expect(asked.stageSuggestion).toMatchObject({ stage: 'approved', reason: 'closed' });
    });
  });

  describe('finding 2: closed cases stop alarming', () => {
    it('a closed case counts as overdue nowhere: banner, Agenda, caseload, saved view, reminders', async () => {
      const overdue = await deniedCase('Ruth Bell', 200); // appeal window ended 20 days ago
      const dueSoon = await deniedCase('Kofi Mensah', 175); // ends in 5 days

      expect((await call('deadlines.reminderSummary', {})).overdue).toBe(1);
      expect((await agendaItemsOf(overdue)).map((item) => item.bucket)).toContain('overdue');
      expect((await call('caseload.query', { filters: { hasOverdueDeadline: true } })).total).toBe(1);
      const appealsDue = { filters: { claimantDeadlineWithinDays: 14 } };
      expect((await call('caseload.query', appealsDue)).rows.map((row) => row.id)).toEqual([dueSoon]);

      await call('cases.close', { caseId: overdue, outcome: 'denied_final', openDeadlines: 'keep' });
      await call('cases.close', { caseId: dueSoon, outcome: 'approved', openDeadlines: 'untrack' });

      expect((await call('deadlines.reminderSummary', {})).overdue).toBe(0);
      expect(await agendaItemsOf(overdue)).toEqual([]);
      expect(await agendaItemsOf(dueSoon)).toEqual([]);
      expect((await call('caseload.query', { filters: { hasOverdueDeadline: true } })).total).toBe(0);
      expect((await call('caseload.query', appealsDue)).total).toBe(0);
      const shown = await call('deadlines.listForCase', { caseId: dueSoon });
      expect(shown.deadlines.find((deadline) => deadline.actor === 'claimant')?.status).toBe('not-tracked');
    });

    it('a closed case shows no evidence readiness on the caseload, nor among the cases not ready to file', async () => {
      const open = await openCase('Tess Moreau');
      const closed = await openCase('Ugo Ferri');
      await call('cases.close', { caseId: closed, outcome: 'approved' });
      const rows = (await call('caseload.query', {})).rows;
      expect(rows.find((row) => row.id === open)?.evidenceReadiness).toBe(0);
      expect(rows.find((row) => row.id === closed)?.evidenceReadiness).toBeNull();
      const notReady = await call('caseload.query', { filters: { evidenceReadinessBelow: 50 } });
      expect(notReady.rows.map((row) => row.id)).toEqual([open]);
    });

    it('keeps the open deadlines of a closed case on the Agenda when asked to, but never as overdue', async () => {
      const caseId = await deniedCase('Mia Chen', 175);
      const closed = await call('cases.close', { caseId, outcome: 'self_pay', openDeadlines: 'keep' });
      expect(closed).toMatchObject({ stage: 'resolved', closingDeadlines: 'keep', closedOn: today });
      expect((await agendaItemsOf(caseId)).map((item) => item.bucket)).toEqual(['this-week']);
      expect((await call('caseload.query', { filters: { claimantDeadlineWithinDays: 14 } })).total).toBe(1);
    });

    it('reopening a case tracks its deadlines again', async () => {
      const caseId = await deniedCase('Ivan Petrov', 200);
      await call('cases.close', { caseId, outcome: 'withdrawn', openDeadlines: 'untrack' });
      expect((await call('deadlines.reminderSummary', {})).overdue).toBe(0);
      const reopened = await call('cases.update', { caseId, changes: { stage: 'denied' } });
      expect(reopened).toMatchObject({ closedOn: null, closingDeadlines: null });
      expect((await call('deadlines.reminderSummary', {})).overdue).toBe(1);
    });
  });

  describe('finding 3: one definition of closed, met and missed', () => {
    const wholePeriod = { from: daysAgo(500), to: today };

    it('a case approved on appeal: 100 % of closed cases, and each payer decision at its own level, said plainly', async () => {
      const caseId = await deniedCase('Wes Okafor', 60);
      await call('events.add', {
        caseId,
        event: {
          type: 'appeal_filed',
          occurredAt: at(daysAgo(50)),
          summary: 'First-level appeal faxed',
          details: { level: 1, method: 'fax' },
        },
      });
      await recordDecision(caseId, daysAgo(20), 'approved', 1);
      await call('cases.close', { caseId, outcome: 'approved' });
      const report = await call('outcomes.report', wholePeriod);
      expect(report.headline).toMatchObject({ approvalRate: 1, casesAnsweredByPayer: 1 });
      expect(report.approvalByLevel.map((tally) => [tally.label, tally.decisions, tally.approved])).toEqual([
        ['Initial decision', 1, 0],
        ['Appeal level 1', 1, 1],
      ]);
      expect(decisionTalliesSummary(report.approvalByLevel)).toBe(
        'Each payer decision counts, not each case: Initial decision 0 of 1 approved; Appeal level 1 1 of 1 approved.',
      );
    });

    it('names a decision on external review as the form does', async () => {
      const caseId = await deniedCase('Xia Lin', 60);
      await recordDecision(caseId, daysAgo(20), 'approved', 3);
      const report = await call('outcomes.report', wholePeriod);
      expect(report.approvalByLevel.map((tally) => tally.label)).toEqual([
        'Initial decision',
        'External review',
      ]);
    });

    it('counts every way of closing a case on Outcomes, with its amount saved', async () => {
      const byStage = await openCase('Case closed from the stage list');
      const byBulk = await openCase('Case closed in bulk');
      const byDialog = await openCase('Case closed with its outcome');
      await call('cases.update', { caseId: byStage, changes: { stage: 'resolved' } });
      await call('caseload.bulkUpdate', { caseIds: [byBulk], changes: { stage: 'resolved' } });
      await call('cases.close', { caseId: byDialog, outcome: 'approved', savedCents: 1_234_500 });

      const caseload = await call('caseload.query', {});
      const report = await call('outcomes.report', wholePeriod);
      expect(caseload.stageCounts?.resolved).toBe(3);
      expect(report.headline.casesClosed).toBe(3);
      expect(report.headline.savedOnCasesCents).toBe(1_234_500);
      expect(report.outcomeMix.map((share) => [share.outcome, share.count])).toEqual([
        ['approved', 1],
        ['not_recorded', 2],
      ]);
    });

    it('refuses a closing date on an open case, and a closed case without one, saying what to do', async () => {
      const caseId = await openCase('Nadia Rahman');
      const refused = await contract.failure('cases.update', { caseId, changes: { closedOn: today } });
      expect(refused).toMatchObject({ field: 'closedOn' });
      expect(refused.message).toContain('Close case');
      expect(await stageOf(caseId)).toBe('intake');

      await call('cases.close', { caseId, outcome: 'withdrawn' });
      const unclosed = await contract.failure('cases.update', { caseId, changes: { closedOn: null } });
      expect(unclosed).toMatchObject({ field: 'closedOn' });
      expect(unclosed.message).toContain('choose its new stage');
      expect(await call('cases.get', { caseId })).toMatchObject({ stage: 'resolved', closedOn: today });
    });

    it('a deadline missed while the case was open stays missed; one untracked at closing is never missed', async () => {
      const missedThenClosed = await deniedCase('Ruth Bell', 200);
      const closedInTime = await deniedCase('Kofi Mensah', 175);
      await call('cases.close', { caseId: missedThenClosed, outcome: 'denied_final' });
      await call('cases.close', { caseId: closedInTime, outcome: 'approved' });
      // Judged 30 days from now, when the second case's window has also passed.
      const later = await contract.session.useStore(({ db }) =>
        computeOutcomes(
          db,
          { from: daysAgo(500), to: addCalendarDays(today, 30), advocate: null },
          { now: new Date(Date.now() + 30 * 86_400_000), timeZone: userTimeZone() },
        ),
      );
      expect(later.headline.deadlinesMissed).toBe(1);
      expect((await call('deadlines.reminderSummary', {})).overdue).toBe(0);
    });
  });

  describe('finding 4: the Agenda shows everything ahead', () => {
    it('lists a 180-day window under "later", and sorting by next deadline puts overdue first, then soonest', async () => {
      const later = await deniedCase('Later Case', 10); // due in 170 days
      const overdue = await deniedCase('Overdue Case', 200); // 20 days ago
      const soon = await deniedCase('Soon Case', 175); // in 5 days
      const undated = await openCase('Undated Case');

      const items = (await call('deadlines.agenda', {})).items.filter((item) => item.source === 'deadline');
      const appealOf = (caseId: number) =>
        items.find((item) => item.caseId === caseId && item.actor === 'claimant')?.bucket;
      expect([appealOf(overdue), appealOf(soon), appealOf(later)]).toEqual(['overdue', 'this-week', 'later']);

      const sorted = await call('caseload.query', {
        sorting: [{ column: 'nextDeadline', descending: false }],
      });
      expect(sorted.rows.map((row) => row.id)).toEqual([overdue, soon, later, undated]);
      expect(sorted.rows[0]).toMatchObject({ nextDeadlineOn: daysAgo(20), overdueCount: 1 });
    });
  });

  describe('the caseload, the banner, the Agenda and Outcomes agree', () => {
    it('on a caseload built by hand', async () => {
      const cases = {
        overdue: await deniedCase('Overdue One', 200, 'Dana'),
        overdueToo: await deniedCase('Overdue Two', 190, 'Luis'),
        soon: await deniedCase('Due Soon', 178, 'Dana'),
        later: await deniedCase('Due Later', 20, 'Luis'),
        closedApproved: await deniedCase('Closed Approved', 40, 'Dana'),
        closedMissed: await deniedCase('Closed After A Miss', 195, 'Dana'),
        closedKept: await deniedCase('Closed Kept', 100, 'Luis'),
        fresh: await openCase('Fresh Intake', 'Luis'),
      };
      await call('deadlines.addManual', { caseId: cases.fresh, title: 'Call the clinic', dueOn: daysAgo(2) });
      await call('deadlines.addManual', {
        caseId: cases.closedApproved,
        title: 'Send the approval to the client',
        dueOn: daysAgo(1),
      });
      await call('cases.close', {
        caseId: cases.closedApproved,
        outcome: 'approved',
        savedCents: 2_400_000,
      });
      await call('cases.close', { caseId: cases.closedMissed, outcome: 'denied_final', savedCents: null });
      await call('cases.close', {
        caseId: cases.closedKept,
        outcome: 'partially_approved',
        savedCents: 600_000,
        openDeadlines: 'keep',
      });

      const caseload = await call('caseload.query', { limit: 1000 });
      const agenda = await call('deadlines.agenda', {});
      const banner = await call('deadlines.reminderSummary', {});
      const report = await call('outcomes.report', { from: daysAgo(500), to: today });

      const overdueItems = agenda.items.filter((item) => item.bucket === 'overdue');
      // The banner counts what the Agenda lists as overdue: two appeal windows and one task.
      expect(banner.overdue).toBe(overdueItems.length);
      expect(overdueItems.map((item) => item.caseId).sort()).toEqual(
        [cases.overdue, cases.overdueToo, cases.fresh].sort(),
      );
      // Each caseload row's overdue count is the Agenda's open work for that case, dated to-dos
      // included (core/deadlines/open-work.ts), and its next deadline the one the case header and
      // the Agenda name by the same rule: a to-do never in a legal deadline's place.
      for (const row of caseload.rows) {
        const ofCase = agenda.items.filter((item) => item.caseId === row.id);
        expect(row.overdueCount).toBe(ofCase.filter((item) => item.bucket === 'overdue').length);
        expect(row.nextDeadlineOn).toBe(pickNextDeadline(ofCase)?.dueOn ?? null);
      }
      const flagged = await call('caseload.query', { filters: { hasOverdueDeadline: true } });
      expect(flagged.rows.map((row) => row.id).sort()).toEqual(
        [cases.overdue, cases.overdueToo, cases.fresh].sort(),
      );

      // Closed is the same cases on both screens, and so is what they saved.
      const closedRows = caseload.rows.filter((row) => row.stage === 'resolved');
      expect(report.headline.casesClosed).toBe(closedRows.length);
      expect(report.headline.casesClosed).toBe(3);
      expect(report.headline.savedOnCasesCents).toBe(3_000_000);
      expect(report.headline.casesActive).toBe(caseload.total);
      // Missed: the windows that passed on open cases (overdue now) and the one missed before closing.
      expect(report.headline.deadlinesMissed).toBe(3);
      // The kept case's window is still ahead and on the Agenda; the untracked ones are not.
      expect(
        agenda.items.filter((item) => item.caseId === cases.closedKept).map((item) => item.bucket),
      ).toEqual(['later']);
      expect(agenda.items.some((item) => item.caseId === cases.closedApproved)).toBe(false);
    });
  });
});
