import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { up } from '../../src/core/db/migrations/0199-open-tasks-in-deadline-summaries';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, testPassphrase, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * A store whose deadline summaries were written before open dated tasks counted in a case's next
 * date: after 0199, the refresh that follows the next unlock puts the promise from a call in the
 * caseload's "Next deadline", as the Deadlines tab and the Agenda already show it, even on the
 * day whose refresh already ran before the update. On a real encrypted store.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession | undefined;
afterEach(async () => {
  await contract?.close();
  contract = undefined;
});

describe('0199: open tasks in the deadline summaries of existing stores', () => {
  it("a promise from a call written before reaches the caseload's next deadline", async () => {
    contract = await startContractSession(newDataDirectory());
    const { call, session } = contract;
    const client = await call('clients.create', { fullName: 'Nora Lindqvist' });
    const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
    const promisedOn = addCalendarDays(localToday(), 5);
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'phone_call',
        occurredAt: new Date().toISOString(),
        summary: 'Called Aetna',
        details: {
          direction: 'outbound',
          withWhom: 'Aetna',
          followUp: { title: 'Aetna calls back', dueOn: promisedOn },
        },
      },
    });
    await call('deadlines.agenda', {});
    const nextDeadline = async () =>
      (await call('caseload.query', { filters: {}, quickFilter: null, sorting: [], offset: 0, limit: 10 }))
        .rows[0]!.nextDeadlineOn;
    expect(await nextDeadline()).toBe(promisedOn);

    // As a summary written before the change left it, with today's refresh already run.
    await session.useStore(({ db }) =>
      sql`UPDATE case_deadline_summaries SET next_due_on = NULL, overdue_count = 0`.execute(db),
    );
    await call('deadlines.agenda', {});
    expect(await nextDeadline()).toBeNull();

    // The update: the step, then the app opened again (as after installing it).
    await session.useStore(({ db }) => up(db));
    await session.lock();
    await call('session.unlock', { passphrase: testPassphrase });
    await call('deadlines.agenda', {});
    expect(await nextDeadline()).toBe(promisedOn);
  });
});
