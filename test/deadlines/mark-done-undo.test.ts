import { afterEach, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * "Mark done" on the Agenda offers Undo in its toast. Undo took back only the note it wrote on the
 * timeline ("Undone: Added note on case C-00001"): the deadline stayed done and off the Agenda.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession | undefined;
afterEach(async () => {
  await contract?.close();
  contract = undefined;
});

describe.each(storeEngines)('on %s', (engine) => {
  async function caseWithAppealDeadlineAndTask() {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    const { call } = contract;
    const { opened } = await openCaseOnCoverage(call, {
      client: { fullName: 'Nora Lindqvist' },
      treatment: 'tms',
      payer: 'Aetna',
      planType: 'employer-self-funded',
    });
    const noticeDate = addCalendarDays(localToday(), -100);
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: `${noticeDate}T15:00:00Z`,
        summary: 'Denied',
        details: { decision: 'denied', noticeDate, receivedOn: noticeDate },
      },
    });
    await call('deadlines.addManual', {
      caseId: opened.id,
      title: 'Ask Dr. Osei for the letter',
      dueOn: addCalendarDays(localToday(), 3),
    });
    return { call, caseId: opened.id };
  }

  it('Undo after marking a deadline done puts it back on the Agenda and takes the note away', async () => {
    const { call, caseId } = await caseWithAppealDeadlineAndTask();
    const deadline = (await call('deadlines.agenda', {})).items.find((item) => item.source === 'deadline')!;
    const timelineBefore = (await call('events.list', { caseId })).total;

    await call('deadlines.markDone', {
      item: { source: 'deadline', caseId, deadlineKey: deadline.deadlineKey! },
      note: 'Filed by fax',
    });
    expect((await call('deadlines.agenda', {})).items.map((item) => item.id)).not.toContain(deadline.id);

    const undone = await call('history.undo', { count: 1 });
    expect(undone.message).toBe('Undone: Marked a deadline done on case C-00001.');
    const agenda = (await call('deadlines.agenda', {})).items;
    expect(agenda.find((item) => item.id === deadline.id)).toMatchObject({ status: deadline.status });
    expect((await call('deadlines.listForCase', { caseId })).openItems.map((item) => item.id)).toContain(
      deadline.id,
    );
    expect((await call('events.list', { caseId })).total).toBe(timelineBefore);
  });

  it('Undo after marking a task done opens it again and takes the note away, in one step', async () => {
    const { call, caseId } = await caseWithAppealDeadlineAndTask();
    const task = (await call('deadlines.agenda', {})).items.find((item) => item.source === 'task')!;
    const timelineBefore = (await call('events.list', { caseId })).total;

    await call('deadlines.markDone', { item: { source: 'task', taskId: task.taskId! } });
    const undone = await call('history.undo', { count: 1 });
    expect(undone.message).toBe('Undone: Marked task "Ask Dr. Osei for the letter" done.');
    expect((await call('deadlines.agenda', {})).items.map((item) => item.id)).toContain(task.id);
    expect((await call('events.list', { caseId })).total).toBe(timelineBefore);
  });
});
