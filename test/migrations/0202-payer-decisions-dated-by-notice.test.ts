import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { up as upOnSqlite } from '../../src/core/db/migrations/0202-payer-decisions-dated-by-notice';
import { up as upOnPostgres } from '../../src/core/db/dialect/postgres/migrations/0202-payer-decisions-dated-by-notice';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * Payer decisions recorded before a decision was dated by its notice sit where the form's "now"
 * put them: 0202 moves them to their notice's day, so the timeline lists them there and Outcomes
 * counts them there; one already on its notice's day (somewhere in the US) keeps its time, and one
 * whose notice is dated in the future stays put. On a real encrypted store and a team's database.
 */

process.env['ADVOCASE_TIME_ZONE'] = 'America/New_York';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession | undefined;
afterEach(async () => {
  await contract?.close();
  contract = undefined;
});

describe.each(storeEngines)('0202 on %s', (engine) => {
  it('moves each decision recorded on another day than its notice to the notice’s day', async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    const { call, session } = contract;
    const client = await call('clients.create', { fullName: 'Maria Lopez' });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'tms',
      openedOn: '2026-02-01',
    });
    const decide = (noticeDate: string, summary: string) =>
      call('events.add', {
        caseId: opened.id,
        event: {
          type: 'payer_decision',
          occurredAt: new Date().toISOString(),
          summary,
          details: { decision: 'denied', level: 0, noticeDate },
        },
      });
    const typedWeeksLater = await decide('2026-02-10', 'Denied by Aetna');
    const typedThatEvening = await decide('2026-02-12', 'Denied on appeal');
    const datedAhead = await decide('2099-01-04', 'Misdated notice');
    // As the form left them before: at the moment each was typed in.
    const givenAt = [
      [typedWeeksLater.id, '2026-03-03T15:00:00.000Z'],
      [typedThatEvening.id, '2026-02-13T02:30:00.000Z'],
      [datedAhead.id, '2026-03-04T15:00:00.000Z'],
    ] as const;
    await session.useStore(async ({ db }) => {
      for (const [id, occurredAt] of givenAt)
        await sql`UPDATE events SET occurred_at = ${occurredAt} WHERE id = ${id}`.execute(db);
    });
    expect((await call('outcomes.report', { from: '2026-02-01', to: '2026-02-28' })).headline.decisions).toBe(
      1,
    );

    await session.useStore(({ db }) =>
      engine === 'sqlite' ? upOnSqlite(db) : upOnPostgres(db as unknown as Kysely<unknown>),
    );

    const { events } = await call('events.list', { caseId: opened.id, order: 'oldest_first' });
    expect(events.map((event) => [event.summary, event.occurredAt])).toEqual([
      ['Denied by Aetna', '2026-02-10T12:00:00.000Z'],
      ['Denied on appeal', '2026-02-13T02:30:00.000Z'],
      ['Misdated notice', '2026-03-04T15:00:00.000Z'],
    ]);
    const february = await call('outcomes.report', { from: '2026-02-01', to: '2026-02-28' });
    expect(february.headline.decisions).toBe(2);
    // 1 February to 10 February: the first decision after intake.
    expect(february.headline.medianDaysToDecision).toBe(9);
  });
});
