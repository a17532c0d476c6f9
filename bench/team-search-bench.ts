import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgresConnection } from '../src/core/db/dialect/postgres/open-postgres-connection';
import type { AdvocaseDatabase } from '../src/core/db/schema';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { searchEverything } from '../src/core/search/search-everything';
import { formatStats, sampleMs, statsOf } from './figures';
import { ensureTeamBenchDatabase, type TeamPerson } from './team-fixture';

/**
 * `tsx bench/team-search-bench.ts [--team-cases 50000] [--samples 9] [--navigator 50]`: global
 * search in the team bench's database (bench/team-fixture.ts, made once per size and cached), as
 * one navigator and as the supervisor, each through the app's own store on their own login, for
 * common words, a word of one of the navigator's own records, a prefix and a word nothing holds:
 * min / median / max of `--samples` searches after one to warm up (docs/performance.md, "A
 * navigator's search in a team database"). The navigator's common words match hundreds of
 * thousands of the team's records and a few hundred of theirs.
 */

const { values } = parseArgs({
  options: {
    'team-cases': { type: 'string', default: '50000' },
    samples: { type: 'string', default: '9' },
    navigator: { type: 'string', default: '50' },
  },
});
const cases = Number(values['team-cases']);
const samples = Number(values.samples);
const navigatorNumber = Number(values.navigator);
if (!Number.isInteger(cases) || cases < 1000)
  throw new Error('--team-cases needs a whole number of at least 1000.');
if (!Number.isInteger(samples) || samples < 3)
  throw new Error('--samples needs a whole number of at least 3.');
if (!Number.isInteger(navigatorNumber) || navigatorNumber < 1 || navigatorNumber > 200)
  throw new Error('--navigator needs a whole number from 1 to 200.');

setDefaultLogThreshold('silent');
const log = (line: string) => process.stdout.write(`${line}\n`);

/** A call reference and a denial reference of the navigator's own cases: words few records hold. */
async function ownReferences(person: TeamPerson): Promise<{ call: string; denial: string }> {
  const client = new pg.Client({ connectionString: person.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ call: string; denial: string }>(
      `SELECT (SELECT details::jsonb ->> 'referenceNumber' FROM events WHERE type = 'phone_call' ORDER BY id LIMIT 1) AS call,
              (SELECT details::jsonb ->> 'referenceNumber' FROM events WHERE type = 'payer_decision' ORDER BY id LIMIT 1) AS denial`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

const database = await ensureTeamBenchDatabase(cases, 200, log);
try {
  const navigator = database.navigators[navigatorNumber - 1]!;
  const references = await ownReferences(navigator);
  const words = [
    ['common: "medical"', 'medical'],
    ['common: "Maria"', 'Maria'],
    ['common: "Aetna"', 'Aetna'],
    ['prefix: "med"', 'med'],
    [`rare: their call "${references.call}"`, references.call],
    [`rare: their denial "${references.denial}"`, references.denial],
    ['none: "zzzq"', 'zzzq'],
  ] as const;
  log(
    `Global search, ${cases.toLocaleString('en-US')} cases, 200 navigators; ${samples} samples after one to warm up, ms:`,
  );
  for (const person of [navigator, database.supervisor]) {
    const db = openPostgresConnection<AdvocaseDatabase>({ url: person.url });
    try {
      for (const [label, text] of words) {
        const search = () => searchEverything(db, { text, limitPerKind: 5 });
        const { groups } = await search();
        const stats = statsOf(await sampleMs(samples, search));
        const found = groups.map(
          (group) => `${group.kind} ${group.results.length}${group.hasMore ? '+' : ''}`,
        );
        log(
          `  ${person.login.padEnd(6)} ${label.padEnd(34)} ${formatStats(stats, 'ms').padEnd(26)} ${found.join(', ') || 'nothing'}`,
        );
      }
    } finally {
      await db.destroy();
    }
  }
} finally {
  await database.server.stop();
}
