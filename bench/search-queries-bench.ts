import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createHandlers } from '../src/core/api/create-handlers';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { Session } from '../src/core/session/session';
import { formatStats, percentile, statsOf } from './figures';
import { benchPassphrase, ensureBenchFixture } from './fixture';
import { call, searchTexts } from './user-operations';

/**
 * `tsx bench/search-queries-bench.ts --cases N [--rounds 5] [--results file.json]`: the bench's
 * 100 global searches (bench/user-operations.ts) one by one, warm, as `npm run bench` times them:
 * each round's p95 (the bench's figure), then the searches that made it, slowest first, with
 * min / median / max over the rounds. The same in CPU time too: on the shared machine the wall
 * clock mostly says how busy it was, while the searches run on this one thread. `--results` writes every search's results, so two builds
 * can be compared for what a user sees; a digest of them is printed either way.
 */

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    results: { type: 'string' },
  },
});
const cases = Number(values.cases);
const rounds = Number(values.rounds);
if (!Number.isInteger(cases) || cases < 1000)
  throw new Error('--cases needs a whole number of at least 1000.');
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a whole number of at least 1.');

setDefaultLogThreshold('silent');
const log = (line: string) => process.stdout.write(`${line}\n`);

const fixture = await ensureBenchFixture(cases, log);
const session = new Session({ dataDirectory: fixture.dataDirectory, actor: 'bench' });
const handlers = createHandlers(session);
await call(handlers, 'session.unlock', { passphrase: benchPassphrase });
try {
  const search = (text: string) => call(handlers, 'search.global', { text });
  const found = [];
  for (const text of searchTexts) found.push({ text, ...(await search(text)) });
  const digest = createHash('sha256').update(JSON.stringify(found)).digest('hex').slice(0, 16);
  if (values.results) writeFileSync(values.results, JSON.stringify(found, null, 1));
  const clocks = ['wall', 'CPU'] as const;
  const times = new Map(
    clocks.map((clock) => [clock, new Map<string, number[]>(searchTexts.map((text) => [text, []]))]),
  );
  const p95s = new Map(clocks.map((clock) => [clock, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    const roundTimes = new Map(clocks.map((clock) => [clock, [] as number[]]));
    for (const text of searchTexts) {
      const started = performance.now();
      const startedCpu = process.cpuUsage();
      await search(text);
      const cpu = process.cpuUsage(startedCpu);
      const taken = { wall: performance.now() - started, CPU: (cpu.user + cpu.system) / 1000 };
      for (const clock of clocks) {
        roundTimes.get(clock)!.push(taken[clock]);
        times.get(clock)!.get(text)!.push(taken[clock]);
      }
    }
    for (const clock of clocks) p95s.get(clock)!.push(percentile(roundTimes.get(clock)!, 0.95));
  }
  log(
    `${cases.toLocaleString('en-US')} cases, ${rounds} rounds of the 100 searches; results digest ${digest}`,
  );
  for (const clock of clocks) {
    log(`${clock}: p95 per round ${formatStats(statsOf(p95s.get(clock)!), 'ms')}; slowest 10 by median:`);
    const slowest = [...times.get(clock)!].map(([text, samples]) => ({ text, stats: statsOf(samples) }));
    slowest.sort((a, b) => b.stats.median - a.stats.median);
    for (const { text, stats } of slowest.slice(0, 10))
      log(`  ${JSON.stringify(text).padEnd(22)} ${formatStats(stats, 'ms')}`);
  }
} finally {
  await session.lock();
}
