import { afterAll, describe, expect, it } from 'vitest';
import { caseloadOfSize } from '../../bench/synthetic-caseload';
import { fillTeamDatabase } from '../../bench/team-fill';
import { filterQueries, quickFilterQueries, sortQueries } from '../../bench/user-operations';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { recomputeCaseDeadlines } from '../../src/core/deadlines/recompute';
import { Session } from '../../src/core/session/session';
import type { MethodName } from '../../src/shared/contract';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The team bench's bulk fill (bench/team-fill.ts: triggers off for its session, secondary indexes
 * built after the rows, the derived rows built once by the migrations' refresh functions) leaves a
 * team database equal to the same caseload written with every trigger and index in place and each
 * case assigned through `advocase_team_assign_case`: the same schema, rows, derived rows (caseload,
 * stage counts, outcome facts, search indexes, deadlines, assignments, row versions), and the same
 * answers to a navigator through the app's handlers, row-level security on. Its deadlines, computed
 * once for every case, equal what recomputing each case after an edit stores.
 *
 * Not compared, on purpose: the audit trail (the bulk fill writes no entries for its rows, see
 * team-fill.ts), caseload_changes (a number that only has to move) and the moments rows were
 * written (assigned_at, changed_at).
 */

const newDataDirectory = useTemporaryDataDirectory();
const clock = { now: new Date('2026-11-23T15:00:00Z'), timeZone: 'America/Chicago' };
const trashedAt = '2026-11-20T10:00:00.000Z';
const size = caseloadOfSize(600);
const navigatorCount = 3;

type Filled = { readonly team: TeamTestDatabase; readonly navigators: readonly TeamPerson[] };
const databases: TeamTestDatabase[] = [];
afterAll(async () => {
  for (const team of databases) await team.drop();
});

async function filledTeam(isUpkeepDeferred: boolean): Promise<Filled> {
  const team = await createTeamTestDatabase();
  databases.push(team);
  const navigators: TeamPerson[] = [];
  for (let index = 0; index < navigatorCount; index += 1)
    navigators.push(await team.addPerson(`nav${index}`, 'navigator'));
  await fillTeamDatabase(
    team.ownerUrl,
    size,
    navigators.map((person) => person.login),
    { log: () => {}, isUpkeepDeferred, clock, trashedAt },
  );
  return { team, navigators };
}

const comparedTables: ReadonlyArray<readonly [table: string, select: string, order: string]> = [
  ['coverages', '*', 'id'],
  ['clients', '*', 'id'],
  ['cases', '*', 'id'],
  ['events', '*', 'id'],
  ['caseload_entries', '*', 'case_id'],
  ['caseload_stage_counts', '*', 'stage_rank'],
  ['case_outcome_facts', '*', 'case_id'],
  ['outcome_event_facts', '*', 'event_id'],
  ['outcome_decision_months', '*', 'month, assigned_advocate, payer, treatment, level, decision, reason'],
  ['outcome_deadline_days', '*', 'due_on, advocate, standing'],
  ['client_search', 'record_id, vector::text', 'record_id'],
  ['case_search', 'record_id, vector::text', 'record_id'],
  ['event_search', 'record_id, vector::text', 'record_id'],
  // Without the ids a rebuild renumbers.
  ['case_deadlines', `to_jsonb(case_deadlines) - 'id' AS deadline`, 'case_id, deadline_key'],
  ['case_deadline_summaries', '*', 'case_id'],
  ['team_case_assignments', 'case_id, navigator_login, assigned_by', 'case_id'],
  ['record_versions', 'table_name, row_id, version, changed_by', 'table_name, row_id'],
];

async function contentsOf({ team, navigators }: Filled) {
  const client = await team.connect(team.ownerUrl);
  // Each database has its own logins (they are server-wide): compared by their place in the list.
  const asPlace = (value: unknown) => {
    const place = navigators.findIndex((person) => person.login === value);
    return place >= 0 ? `navigator ${place}` : value;
  };
  const rowsOf = async (text: string) =>
    (await client.query<Record<string, unknown>>(text)).rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, asPlace(value)])),
    );
  const tables: Record<string, unknown[]> = {};
  for (const [table, select, order] of comparedTables)
    tables[table] = await rowsOf(`SELECT ${select} FROM ${table} ORDER BY ${order}`);
  return {
    indexes: await rowsOf(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`,
    ),
    triggers: await rowsOf(
      `SELECT tgrelid::regclass::text AS "table", tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    ),
    sequences: await rowsOf(
      `SELECT sequencename, last_value FROM pg_sequences WHERE sequencename IN
         ('coverages_id_seq', 'clients_id_seq', 'cases_id_seq', 'events_id_seq') ORDER BY 1`,
    ),
    tables,
  };
}

const answered: ReadonlyArray<readonly [MethodName, unknown]> = [
  ...[
    sortQueries[0]!,
    sortQueries[5]!,
    filterQueries[0]!,
    filterQueries[1]!,
    ...quickFilterQueries.slice(0, 3),
  ].map(([, input]) => ['caseload.query', input] as const),
  ['search.global', { text: 'Tanya' }],
  ['search.global', { text: 'Aetna' }],
  ['search.global', { text: 'REF-1' }],
  ['deadlines.agenda', {}],
  ['outcomes.report', { from: '2025-11-24', to: '2026-11-23' }],
];

/** What navigator 0 is answered through the app's handlers, connected with their own login. */
async function answersOf({ navigators }: Filled) {
  const session = new Session({
    dataDirectory: newDataDirectory(),
    actor: navigators[0]!.login,
    teamDatabaseUrl: navigators[0]!.url,
    now: () => clock.now.getTime(),
  });
  const handlers = createHandlers(session);
  const call = async (method: MethodName, input: unknown) => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  try {
    const answers: unknown[] = [];
    for (const [method, input] of answered) answers.push(await call(method, input));
    // A case of theirs opened as CasePage opens it.
    answers.push(await call('cases.get', { caseId: 1 }));
    answers.push(await call('events.list', { caseId: 1, order: 'newest_first', types: [], text: null }));
    return answers;
  } finally {
    await session.lock();
  }
}

async function deadlinesRecomputedCaseByCase({ team }: Filled) {
  const maintenance = new URL(team.ownerUrl);
  maintenance.searchParams.set('options', '-c advocase.owner_maintenance=on');
  const db = openPostgresConnection<AdvocaseDatabase>({ url: maintenance.toString() });
  try {
    const cases = await db.selectFrom('cases').select('id').orderBy('id').execute();
    for (const { id } of cases) await recomputeCaseDeadlines(db, 'test', id, clock);
  } finally {
    await db.destroy();
  }
}

describe('the team bench database filled in bulk', () => {
  it(
    'equals the same caseload written with every trigger and index in place',
    { timeout: 900_000 },
    async () => {
      const rowByRow = await filledTeam(false);
      const inBulk = await filledTeam(true);
      const expected = await contentsOf(rowByRow);
      // Not vacuous: the caseload, its deadlines, search rows and assignments are all there.
      expect(expected.tables.caseload_entries!.length).toBeGreaterThan(500);
      expect(expected.tables.case_deadlines!.length).toBeGreaterThan(50);
      expect(expected.tables.event_search!.length).toBeGreaterThan(5000);
      expect(expected.tables.team_case_assignments!.length).toBe(600);
      expect(await contentsOf(inBulk)).toEqual(expected);

      const answers = await answersOf(rowByRow);
      expect(answers.length).toBe(answered.length + 2);
      expect(JSON.stringify(answers)).toContain('Tanya');
      expect(await answersOf(inBulk)).toEqual(answers);

      await deadlinesRecomputedCaseByCase(rowByRow);
      const recomputed = await contentsOf(rowByRow);
      expect(recomputed.tables.case_deadlines).toEqual(expected.tables.case_deadlines);
      expect(recomputed.tables.case_deadline_summaries).toEqual(expected.tables.case_deadline_summaries);
    },
  );
});
