import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { up as upOnSqlite } from '../../src/core/db/migrations/0205-outcome-decision-months';
import { up as upOnPostgres } from '../../src/core/db/dialect/postgres/migrations/0205-outcome-decision-months';
import { comparableMonthRows, type DecisionMonthRow } from '../helpers/decision-month-rows';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * 0205 counts the payer decisions a store already holds per UTC month as its triggers would have:
 * the step is run again on a store whose month counts were taken away, and its rows must be those
 * the triggers kept, and a plain count of the kept decisions. On a real encrypted store and a
 * team's database.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession | undefined;
afterEach(async () => {
  await contract?.close();
  contract = undefined;
});

describe.each(storeEngines)('0205 on %s', (engine) => {
  it('counts the decisions already kept, per month, as its triggers count new ones', async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    const { call, session } = contract;
    const client = await call('clients.create', { fullName: 'Maria Lopez' });
    for (const [treatment, payer] of [
      ['tms', 'Aetna'],
      ['esketamine', 'Cigna'],
    ] as const) {
      const opened = await call('cases.create', {
        clientId: client.id,
        treatment,
        payer,
        openedOn: '2026-01-05',
      });
      for (const [day, decision, reason] of [
        ['2026-02-10', 'denied', 'Not medically necessary'],
        ['2026-02-20', 'denied', 'not medically necessary.'],
        ['2026-02-21', 'approved', null],
        ['2026-03-02', 'denied', 'Experimental'],
      ] as const)
        await call('events.add', {
          caseId: opened.id,
          event: {
            type: 'payer_decision',
            occurredAt: `${day}T12:00:00.000Z`,
            summary: `Decision of ${day}`,
            details: { decision, level: 0, noticeDate: day, ...(reason === null ? {} : { reason }) },
          },
        });
    }

    const rows = await session.useStore(async ({ db }) => {
      const kept = (await db
        .selectFrom('outcome_decision_months')
        .selectAll()
        .execute()) as DecisionMonthRow[];
      if (engine === 'sqlite') {
        await sql`DROP TRIGGER outcome_decision_months_insert`.execute(db);
        await sql`DROP TRIGGER outcome_decision_months_delete`.execute(db);
        await sql`DROP TABLE outcome_decision_months`.execute(db);
        await upOnSqlite(db);
      } else {
        await sql`DROP FUNCTION outcome_decision_months_follow_facts CASCADE`.execute(db);
        await sql`DROP TABLE outcome_decision_months`.execute(db);
        await upOnPostgres(db as unknown as Kysely<unknown>);
      }
      const backfilled = (await db
        .selectFrom('outcome_decision_months')
        .selectAll()
        .execute()) as DecisionMonthRow[];
      const { rows: counted } = await sql<DecisionMonthRow>`
        select substr(occurred_at, 1, 7) as month, assigned_advocate, payer, treatment, level, decision,
          case when decision = 'denied' then reason end as reason, count(*) as decisions,
          min(occurred_at) as first_at
        from outcome_event_facts where type = 'payer_decision' group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
      return { kept, backfilled, counted };
    });
    expect(rows.kept).toHaveLength(8);
    expect(comparableMonthRows(rows.backfilled)).toEqual(comparableMonthRows(rows.kept));
    expect(comparableMonthRows(rows.backfilled)).toEqual(comparableMonthRows(rows.counted));
  });
});
