import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figureTable } from './figures';
import { ensureTeamBenchDatabase, recordedTeamGeneration, type StepTime } from './team-fixture';
import { runTeamLoad } from './team-load-bench';

/**
 * `npm run bench -- --team [--team-cases N] [--sessions 50] [--minutes 5] [--think-ms 1000] [--json]`:
 * the team database under load (docs/performance.md, "Team database under load"). Makes or reuses
 * the cached team database of N cases (bench/team-fixture.ts), runs the load (bench/team-load-bench.ts)
 * and prints each figure with min / median / max, its goal and a verdict; the results go to
 * bench/results/team-N.json too, and with --json to stdout.
 */

/** The navigators the team database has (the 200); each session is one of them. */
const navigatorCount = 200;

export type TeamBenchOptions = {
  readonly cases: number;
  readonly sessions: number;
  readonly minutes: number;
  readonly thinkMs: number;
  readonly json: boolean;
  readonly machine: string;
  readonly log: (line: string) => void;
};

const formatStep = (name: string, time: StepTime) =>
  `    ${name}: ${time.wallSeconds.toFixed(1)} s (CPU: bench ${time.benchCpuSeconds.toFixed(1)} s, server ${time.serverCpuSeconds.toFixed(1)} s)`;

export async function runTeamBench(options: TeamBenchOptions): Promise<void> {
  const { log } = options;
  const database = await ensureTeamBenchDatabase(options.cases, navigatorCount, log);
  try {
    const { size } = database;
    log(
      `Team database: ${size.cases.toLocaleString('en-US')} cases, ${size.clients.toLocaleString('en-US')} clients, ${size.events.toLocaleString('en-US')} timeline events, ${navigatorCount} navigators, on the embedded PostgreSQL at 127.0.0.1, cached in ${database.folder}.`,
    );
    const generation = database.generation ?? recordedTeamGeneration(database.folder);
    if (generation) {
      const total = Object.values(generation).reduce((sum, step) => sum + step.wallSeconds, 0);
      log(`It took ${total.toFixed(0)} s to make${database.generation ? '' : ' (when it was made)'}:`);
      for (const [name, time] of Object.entries(generation)) log(formatStep(name, time));
    }
    const load = await runTeamLoad(database, options);
    log('');
    for (const line of figureTable(load.figures)) log(line);
    log('');
    for (const figure of load.figures) if (figure.detail) log(`  ${figure.name}: ${figure.detail}`);
    for (const message of load.errorMessages) log(`  error seen: ${message}`);
    const results = {
      madeAt: new Date().toISOString(),
      machine: options.machine,
      size,
      navigators: navigatorCount,
      sessions: options.sessions,
      minutes: options.minutes,
      thinkMs: options.thinkMs,
      generation,
      loadAverage: load.loadAverage,
      figures: load.figures,
      errorMessages: load.errorMessages,
      serverMemoryMb: load.memory.map((sample) => Math.round(sample.pssMb)),
    };
    mkdirSync(join('bench', 'results'), { recursive: true });
    const file = join('bench', 'results', `team-${options.cases}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify(results)}\n`);
    log(`Results in ${file}.`);
  } finally {
    await database.server.stop();
  }
}
