import { afterEach, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * One case's open work, as every screen counts it: the case's Deadlines tab (and the header
 * summary and Close case, which read the tab's `openItems`), the Agenda and the caseload's next
 * deadline. A newcomer logged a call where the payer promised a decision by a date: the Agenda and
 * the reminder banner counted it, the Deadlines tab and Close case did not.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession | undefined;
afterEach(async () => {
  await contract?.close();
  contract = undefined;
});

const today = localToday();
const inDays = (days: number) => addCalendarDays(today, days);

describe.each(storeEngines)('on %s', (engine) => {
  async function deniedCaseWithPromise() {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    const { call } = contract;
    const client = await call('clients.create', { fullName: 'Nora Lindqvist' });
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
    // A denial received 100 days ago: the appeal is due in 80 days (180 from receipt).
    const noticeDate = inDays(-100);
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: `${noticeDate}T15:00:00Z`,
        summary: 'Denied',
        details: { decision: 'denied', noticeDate, receivedOn: noticeDate },
      },
    });
    const call_ = await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'phone_call',
        occurredAt: new Date().toISOString(),
        summary: 'Called Aetna about the peer-to-peer',
        details: {
          direction: 'outbound',
          withWhom: 'Aetna',
          followUp: { title: 'Aetna calls back with the peer-to-peer decision', dueOn: inDays(5) },
        },
      },
    });
    return { call, caseId: opened.id, callId: call_.id, callAt: call_.occurredAt };
  }

  it('a promise made on a call is open work on the Deadlines tab, the Agenda and the caseload alike', async () => {
    const { call, caseId, callAt } = await deniedCaseWithPromise();

    const tab = await call('deadlines.listForCase', { caseId });
    const agenda = (await call('deadlines.agenda', {})).items.filter((item) => item.caseId === caseId);
    expect(tab.openItems.map((item) => item.id).sort()).toEqual(agenda.map((item) => item.id).sort());
    expect(tab.openItems).toHaveLength(2);
    const promise = tab.openItems.find((item) => item.source === 'task');
    expect(promise).toMatchObject({
      title: 'Aetna calls back with the peer-to-peer decision',
      dueOn: inDays(5),
      status: 'due-soon',
      promisedOnCallAt: callAt,
    });
    // The legal deadline is the other one, and it is not a promise.
    expect(tab.openItems.find((item) => item.source === 'deadline')).toMatchObject({
      dueOn: inDays(80),
      promisedOnCallAt: null,
    });

    // The caseload's next deadline is the legal one: a promise due sooner is not a deadline and
    // must not hide the appeal's date (shared/domain/next-deadline.ts).
    const row = (await call('caseload.query', {})).rows.find((candidate) => candidate.id === caseId);
    expect(row?.nextDeadlineOn).toBe(inDays(80));

    // Marked done from the tab (the Agenda's own "Mark done"): it leaves every count.
    await call('deadlines.markDone', { item: { source: 'task', taskId: promise!.taskId! }, note: null });
    expect((await call('deadlines.listForCase', { caseId })).openItems).toHaveLength(1);
    expect((await call('deadlines.agenda', {})).items).toHaveLength(1);
    const after = (await call('caseload.query', {})).rows.find((candidate) => candidate.id === caseId);
    expect(after?.nextDeadlineOn).toBe(inDays(80));

    // Ticked back as not done on the timeline's task list: it is open again everywhere.
    await call('tasks.setDone', { taskId: promise!.taskId!, isDone: false });
    expect((await call('deadlines.listForCase', { caseId })).openItems).toHaveLength(2);
    const again = (await call('caseload.query', {})).rows.find((candidate) => candidate.id === caseId);
    expect(again?.nextDeadlineOn).toBe(inDays(80));
  });

  it('an overdue to-do makes the case overdue on the caseload, as it is on the Agenda, beside its appeal deadline', async () => {
    const { call, caseId } = await deniedCaseWithPromise();
    const added = await call('deadlines.addManual', {
      caseId,
      title: 'Fax the signed release',
      dueOn: inDays(-2),
    });
    const tab = await call('deadlines.listForCase', { caseId });
    expect(tab.openItems.find((item) => item.taskId === added.id)).toMatchObject({
      status: 'missed',
      bucket: 'overdue',
      promisedOnCallAt: null,
    });
    const row = (await call('caseload.query', {})).rows.find((candidate) => candidate.id === caseId);
    expect(row).toMatchObject({ nextDeadlineOn: inDays(80), overdueCount: 1 });
  });

  it('closing the case can close out the promise: it is marked done with a note on the timeline', async () => {
    const { call, caseId } = await deniedCaseWithPromise();
    await call('cases.close', { caseId, outcome: 'approved', closeOutFollowUps: true });

    const tasks = await call('tasks.listForCase', { caseId });
    expect(tasks.every((task) => task.doneAt !== null)).toBe(true);
    const timeline = await call('events.list', { caseId, types: ['note'] });
    expect(timeline.events.map((event) => event.summary)).toContain(
      'Done: Aetna calls back with the peer-to-peer decision — closed out with the case',
    );
    expect((await call('deadlines.listForCase', { caseId })).openItems).toEqual([]);
    expect((await call('deadlines.agenda', {})).items).toEqual([]);
    expect((await call('cases.get', { caseId })).stage).toBe('resolved');

    // One step for Undo: the case is open again, and so is the promise.
    expect((await call('history.undo', { count: 1 })).message).toBe(
      `Undone: Closed ${(await call('cases.get', { caseId })).caseNumber} as Approved and marked its open follow-ups done.`,
    );
    expect((await call('cases.get', { caseId })).stage).toBe('denied');
    expect((await call('deadlines.listForCase', { caseId })).openItems).toHaveLength(2);
    expect((await call('deadlines.agenda', {})).items).toHaveLength(2);
  });

  it('closing without closing it out leaves the promise open but untracked, like the deadlines', async () => {
    const { call, caseId } = await deniedCaseWithPromise();
    await call('cases.close', { caseId, outcome: 'approved' });

    expect((await call('tasks.listForCase', { caseId })).filter((task) => task.doneAt === null)).toHaveLength(
      1,
    );
    expect((await call('deadlines.listForCase', { caseId })).openItems).toEqual([]);
    expect((await call('deadlines.agenda', {})).items).toEqual([]);
    const row = (await call('caseload.query', {})).rows.find((candidate) => candidate.id === caseId);
    expect(row?.nextDeadlineOn).toBeNull();
  });
});
