import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createHandlers } from '../src/core/api/create-handlers';
import { dispatch } from '../src/core/api/dispatch';
import { Session } from '../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract';
import type { CaseloadQueryInput } from '../src/shared/schemas/caseload';
import { percentile, type Figure, type Stats } from './figures';
import { serverMemory, type ServerMemory } from './server-processes';
import type { TeamBenchDatabase, TeamPerson } from './team-fixture';
import { filterQueries, searchTexts, sortQueries } from './user-operations';

/**
 * The team bench's load: `sessions` navigators at once, each connected with their own login
 * (row-level security on) through the handlers the app uses, each repeating a navigator's day
 * for `minutes`: open the caseload, sort it, filter it, open one of their cases as CasePage does,
 * add a call to it, search. A pause between steps (a person reading the screen) averages
 * `thinkMs`. Meanwhile two navigators who share a case save it at the same moment every few
 * seconds through `cases.update` (one saved, one EDIT_CONFLICT), and the server's memory is sampled from /proc every second.
 * At the end every call each session added is looked for.
 */

export type TeamLoadOptions = {
  readonly sessions: number;
  readonly minutes: number;
  readonly thinkMs: number;
  readonly log: (line: string) => void;
};

/** Each timed call of the day, by what the person did. */
const operations = [
  'caseload.query (open)',
  'caseload.query (sort)',
  'caseload.query (filter)',
  'cases.get',
  'events.list',
  'tasks.listForCase',
  'events.add (a call)',
  'search.global',
] as const;
type Operation = (typeof operations)[number];

const p95Goal = 150;
/** The server's memory is flat when the last quarter of the run stays within this of the second. */
const memoryGrowthAllowed = 1.1;
const conflictEveryMs = 5_000;

/** The first page as CaseloadView asks for it (use-caseload-window.ts). */
const firstPage = {
  filters: {},
  quickFilter: null,
  sorting: [],
  offset: 0,
  limit: 100,
  includeStageCounts: true,
} satisfies CaseloadQueryInput;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Tally = {
  readonly times: Map<Operation, number[]>;
  readonly errors: Map<Operation, number>;
  readonly errorMessages: Set<string>;
};

/** One navigator's session, as the app opens it, and a timed caller through dispatch. */
function navigatorSession(person: TeamPerson, tally: Tally) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-team-bench-'));
  const session = new Session({ dataDirectory, actor: person.login, teamDatabaseUrl: person.url });
  const handlers = createHandlers(session);
  const timed = async <M extends MethodName>(
    operation: Operation,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M> | null> => {
    const started = performance.now();
    const result = await dispatch(handlers, method, input);
    const ms = performance.now() - started;
    if (!result.ok) {
      tally.errors.set(operation, (tally.errors.get(operation) ?? 0) + 1);
      tally.errorMessages.add(`${method}: ${result.error.message}`);
      return null;
    }
    tally.times.get(operation)!.push(ms);
    return result.value as MethodOutput<M>;
  };
  return {
    session,
    timed,
    close: async () => {
      await session.lock();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** A navigator's day, over and over until `until`; returns the ids of the calls it added. */
async function navigatorsDay(
  navigator: ReturnType<typeof navigatorSession>,
  index: number,
  runId: string,
  until: number,
  thinkMs: number,
): Promise<number[]> {
  const random = seededRandom(7_919 * (index + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const think = () => pause(random() * 2 * thinkMs);
  const added: number[] = [];
  let caseId: number | null = null;
  let day = 0;
  // The day's steps in order, each followed by a pause; the run's end stops it between two steps.
  const steps: ReadonlyArray<() => Promise<unknown>> = [
    async () => {
      const page = await navigator.timed('caseload.query (open)', 'caseload.query', firstPage);
      caseId = page?.rows.length ? pick(page.rows).id : null;
    },
    () => navigator.timed('caseload.query (sort)', 'caseload.query', pick(sortQueries)[1]),
    () => navigator.timed('caseload.query (filter)', 'caseload.query', pick(filterQueries)[1]),
    // A case of theirs opened as CasePage opens it.
    async () => {
      if (caseId === null) return;
      await Promise.all([
        navigator.timed('cases.get', 'cases.get', { caseId }),
        navigator.timed('events.list', 'events.list', {
          caseId,
          order: 'newest_first',
          types: [],
          text: null,
        }),
        navigator.timed('tasks.listForCase', 'tasks.listForCase', { caseId }),
      ]);
    },
    async () => {
      if (caseId === null) return;
      const call = await navigator.timed('events.add (a call)', 'events.add', {
        caseId,
        event: {
          type: 'phone_call',
          occurredAt: new Date().toISOString(),
          summary: `Bench call ${runId} session ${index} day ${day}: rep confirmed the appeal was received`,
          details: {
            direction: 'outbound',
            repName: 'Tanya',
            referenceNumber: `REF-${day}`,
            durationMinutes: 9,
          },
        },
      });
      if (call) added.push(call.id);
    },
    () => navigator.timed('search.global', 'search.global', { text: pick(searchTexts) }),
  ];
  for (; ; day += 1) {
    for (const step of steps) {
      if (performance.now() >= until) return added;
      await step();
      await think();
    }
  }
}

type ConflictTally = { rounds: number; oneSavedOneRefused: number; wrongEndings: string[] };

/**
 * Two navigators who share a case save it at once, each through their own session and the app's
 * `cases.update` from the version they read: every round must end with one save and one refusal
 * (EDIT_CONFLICT) naming the other person, and the case must hold the saved value.
 */
async function concurrentEdits(
  database: TeamBenchDatabase,
  owner: pg.Client,
  until: number,
): Promise<ConflictTally> {
  const people = database.navigators.slice(0, 2) as [TeamPerson, TeamPerson];
  const { rows } = await owner.query<{ case_id: string }>(
    `SELECT case_id FROM team_case_assignments WHERE navigator_login = $1 ORDER BY case_id LIMIT 1`,
    [people[0].login],
  );
  const caseId = Number(rows[0]!.case_id);
  await owner.query(`SELECT advocase_team_share_case($1, $2, '2099-12-31')`, [caseId, people[1].login]);
  const { rows: names } = await owner.query<{ login: string; full_name: string }>(
    'SELECT login, full_name FROM team_members WHERE login = ANY($1)',
    [people.map((person) => person.login)],
  );
  const fullNameOf = new Map(names.map((row) => [row.login, row.full_name]));
  const sessions = people.map((person) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-team-bench-edit-'));
    const session = new Session({ dataDirectory, actor: person.login, teamDatabaseUrl: person.url });
    return { session, handlers: createHandlers(session), dataDirectory };
  });
  const tally: ConflictTally = { rounds: 0, oneSavedOneRefused: 0, wrongEndings: [] };
  try {
    while (performance.now() < until) {
      await pause(conflictEveryMs);
      const seen = await Promise.all(
        sessions.map(async ({ handlers }) => {
          const result = await dispatch(handlers, 'cases.get', { caseId });
          return result.ok ? (result.value as MethodOutput<'cases.get'>).version : null;
        }),
      );
      const wanted = tally.rounds % 2 === 0 ? (['high', 'low'] as const) : (['low', 'high'] as const);
      tally.rounds += 1;
      if (seen.includes(null)) {
        tally.wrongEndings.push(`round ${tally.rounds}: a navigator could not read the shared case`);
        continue;
      }
      const results = await Promise.all(
        sessions.map(({ handlers }, person) =>
          dispatch(handlers, 'cases.update', {
            caseId,
            version: seen[person]!,
            changes: { priority: wanted[person]! },
          }),
        ),
      );
      const saved = results.flatMap((result, person) => (result.ok ? [person] : []));
      const refused = results.flatMap((result) => (result.ok ? [] : [result.error]));
      const { rows: stored } = await owner.query<{ priority: string }>(
        'SELECT priority FROM cases WHERE id = $1',
        [caseId],
      );
      const winner = saved.length === 1 ? people[saved[0]!] : null;
      if (
        winner &&
        refused.length === 1 &&
        refused[0]!.code === 'EDIT_CONFLICT' &&
        refused[0]!.conflict?.changedBy === fullNameOf.get(winner.login) &&
        stored[0]!.priority === wanted[saved[0]!]
      )
        tally.oneSavedOneRefused += 1;
      else
        tally.wrongEndings.push(
          `round ${tally.rounds}: ${saved.length} saved, ${refused.map((error) => error.code).join('/') || 'none'} refused, case holds ${stored[0]?.priority}`,
        );
    }
  } finally {
    for (const { session, dataDirectory } of sessions) {
      await session.lock();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  }
  return tally;
}

/** min / median / max with the p95, without keeping every sample in the results. */
function summaryOf(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: [],
    min: sorted[0] ?? Number.NaN,
    median: percentile(sorted, 0.5),
    max: sorted.at(-1) ?? Number.NaN,
    p95: percentile(sorted, 0.95),
  };
}

export type TeamLoadResult = {
  readonly figures: Figure[];
  readonly loadAverage: { readonly before: number[]; readonly after: number[] };
  readonly callsPerSecond: number;
  readonly errorMessages: string[];
  readonly memory: readonly ServerMemory[];
};

export async function runTeamLoad(
  database: TeamBenchDatabase,
  options: TeamLoadOptions,
): Promise<TeamLoadResult> {
  const { sessions, minutes, thinkMs, log } = options;
  if (database.navigators.length < Math.max(2, sessions))
    throw new Error(
      `--sessions ${sessions} needs as many navigators; the team database has ${database.navigators.length}.`,
    );
  const runId = Date.now().toString(36);
  const tally: Tally = {
    times: new Map(operations.map((operation) => [operation, []])),
    errors: new Map(),
    errorMessages: new Set(),
  };
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  const navigators = database.navigators.slice(0, sessions).map((person) => navigatorSession(person, tally));
  try {
    log(`  connecting ${sessions} navigators, each with their own login…`);
    for (const navigator of navigators) await navigator.session.connectTeamDatabase();

    const postmaster = database.server.pid()!;
    const memory: ServerMemory[] = [serverMemory(postmaster)];
    const sampler = setInterval(() => memory.push(serverMemory(postmaster)), 1_000);
    const loadBefore = loadavg();
    const started = performance.now();
    const until = started + minutes * 60_000;
    const progress = setInterval(() => {
      const calls = [...tally.times.values()].reduce((sum, times) => sum + times.length, 0);
      const latest = memory.at(-1)!;
      log(
        `    ${((performance.now() - started) / 1000).toFixed(0)} s: ${calls.toLocaleString('en-US')} calls, server ${latest.pssMb.toFixed(0)} MB (PSS) in ${latest.processes} processes, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }, 30_000);
    log(`  ${sessions} navigators repeating their day for ${minutes} min (pauses averaging ${thinkMs} ms)…`);
    const [added, conflicts] = await Promise.all([
      Promise.all(
        navigators.map((navigator, index) => navigatorsDay(navigator, index, runId, until, thinkMs)),
      ),
      concurrentEdits(database, owner, until),
    ]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(progress);
    clearInterval(sampler);
    const loadAfter = loadavg();

    // Every call a session saw saved is there, and nothing else of this run's.
    const addedIds = added.flat();
    const { rows } = await owner.query<{ found: string; of_run: string }>(
      `SELECT count(*) FILTER (WHERE id = ANY ($1::bigint[])) AS found,
              count(*) AS of_run
       FROM events WHERE summary LIKE $2`,
      [addedIds, `Bench call ${runId} %`],
    );
    const found = Number(rows[0]!.found);
    const ofRun = Number(rows[0]!.of_run);

    const calls = [...tally.times.values()].reduce((sum, times) => sum + times.length, 0);
    const errors = [...tally.errors.values()].reduce((sum, count) => sum + count, 0);
    const figures: Figure[] = operations.map((operation) => {
      const times = tally.times.get(operation)!;
      const failed = tally.errors.get(operation) ?? 0;
      const stats = summaryOf(times);
      return {
        id: `team-${operation
          .replace(/[^a-z]+/gi, '-')
          .replace(/-$/, '')
          .toLowerCase()}`,
        name: `Team, ${sessions} navigators at once: ${operation}`,
        unit: 'ms',
        cold: null,
        warm: stats,
        goal: `p95 ≤ ${p95Goal} ms, no error`,
        passed: times.length > 0 && stats.p95! <= p95Goal && failed === 0,
        detail: `${times.length.toLocaleString('en-US')} calls, ${failed} failed`,
      };
    });
    const second = memory.slice(Math.floor(memory.length / 4), Math.floor(memory.length / 2));
    const last = memory.slice(Math.floor((3 * memory.length) / 4));
    const peakOf = (samples: readonly ServerMemory[]) => Math.max(...samples.map((sample) => sample.pssMb));
    const pss = summaryOf(memory.map((sample) => sample.pssMb));
    figures.push(
      {
        id: 'team-lost-updates',
        name: 'Team: calls added, found at the end',
        unit: 'calls',
        cold: null,
        warm: { samples: [found], min: found, median: found, max: found },
        goal: 'every one, nothing else',
        passed: found === addedIds.length && ofRun === addedIds.length,
        detail: `${addedIds.length.toLocaleString('en-US')} saved by ${sessions} sessions, ${found.toLocaleString('en-US')} found by id, ${ofRun.toLocaleString('en-US')} of this run by their text`,
      },
      {
        id: 'team-concurrent-edit',
        name: 'Team: two navigators save one case at once',
        unit: 'rounds',
        cold: null,
        warm: {
          samples: [conflicts.oneSavedOneRefused],
          min: conflicts.oneSavedOneRefused,
          median: conflicts.oneSavedOneRefused,
          max: conflicts.oneSavedOneRefused,
        },
        goal: 'one saved, one conflict, every round',
        passed: conflicts.rounds > 0 && conflicts.oneSavedOneRefused === conflicts.rounds,
        detail: `${conflicts.oneSavedOneRefused} of ${conflicts.rounds} rounds ended with one save and one refusal naming the other${conflicts.wrongEndings.length ? `; ${conflicts.wrongEndings.slice(0, 3).join('; ')}` : ''}`,
      },
      {
        id: 'team-server-memory',
        name: 'Team: server memory under load (PSS, all its processes)',
        unit: 'MB',
        cold: null,
        warm: { samples: [], min: pss.min, median: pss.median, max: pss.max },
        goal: 'flat: last quarter ≤ 110 % of the second',
        passed: memory.length >= 8 && peakOf(last) <= memoryGrowthAllowed * peakOf(second),
        detail: `peak ${peakOf(second).toFixed(0)} MB in the second quarter, ${peakOf(last).toFixed(0)} MB in the last; RSS summed over processes ${memory[0]!.rssMb.toFixed(0)} → ${memory.at(-1)!.rssMb.toFixed(0)} MB (counts shared buffers once per process); ${memory.length} samples`,
      },
      {
        id: 'team-throughput',
        name: `Team: calls answered a second, ${sessions} navigators`,
        unit: 'calls/s',
        cold: null,
        warm: {
          samples: [calls / seconds],
          min: calls / seconds,
          median: calls / seconds,
          max: calls / seconds,
        },
        goal: '—',
        passed: null,
        detail: `${calls.toLocaleString('en-US')} calls and ${errors} errors in ${seconds.toFixed(0)} s; load average ${loadBefore.map((value) => value.toFixed(1)).join(' ')} before, ${loadAfter.map((value) => value.toFixed(1)).join(' ')} after`,
      },
    );
    return {
      figures,
      loadAverage: { before: loadBefore, after: loadAfter },
      callsPerSecond: calls / seconds,
      errorMessages: [...tally.errorMessages].slice(0, 10),
      memory,
    };
  } finally {
    for (const navigator of navigators) await navigator.close();
    await owner.end();
  }
}
