import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { up } from '../../src/core/db/migrations/0209-next-deadline-never-a-follow-up';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, testPassphrase, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * A store whose deadline summaries named a follow-up's date as a case's next deadline (before
 * shared/domain/next-deadline.ts): after 0209, the refresh that follows the next unlock names the
 * appeal's date, even on the day whose refresh already ran. On a real encrypted store.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession | undefined;
afterEach(async () => {
  await contract?.close();
  contract = undefined;
});

describe('0209: a follow-up no longer stands as the next deadline of existing stores', () => {
  it('the caseload names the appeal deadline again after the update', async () => {
    contract = await startContractSession(newDataDirectory());
    const { call, session } = contract;
    const today = localToday();
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
    // Received 100 days ago: the appeal is due in 80 days (180 from receipt, 29 CFR 2560.503-1(h)(3)(i)).
    const noticeDate = addCalendarDays(today, -100);
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: `${noticeDate}T15:00:00Z`,
        summary: 'Denied',
        details: { decision: 'denied', noticeDate, receivedOn: noticeDate },
      },
    });
    const promisedOn = addCalendarDays(today, -30);
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'phone_call',
        occurredAt: `${addCalendarDays(today, -40)}T15:00:00Z`,
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
    expect(await nextDeadline()).toBe(addCalendarDays(today, 80));

    // As a summary written before the change left it, with today's refresh already run.
    await session.useStore(({ db }) =>
      sql`UPDATE case_deadline_summaries SET next_due_on = ${promisedOn}`.execute(db),
    );
    await call('deadlines.agenda', {});
    expect(await nextDeadline()).toBe(promisedOn);

    // The update: the step, then the app opened again (as after installing it).
    await session.useStore(({ db }) => up(db));
    await session.lock();
    await call('session.unlock', { passphrase: testPassphrase });
    await call('deadlines.agenda', {});
    expect(await nextDeadline()).toBe(addCalendarDays(today, 80));
  });
});
