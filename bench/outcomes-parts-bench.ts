import { parseArgs } from 'node:util';
import { Keyring } from '../src/core/crypto/keyring';
import { openStore } from '../src/core/db/store';
import { civilDateInZone } from '../src/core/deadlines/date-arithmetic';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { caseVolumeFigures } from '../src/core/outcomes/case-volume-figures';
import { computeOutcomes } from '../src/core/outcomes/compute-outcomes';
import { deadlineFigures } from '../src/core/outcomes/deadline-figures';
import { decisionFigures } from '../src/core/outcomes/decision-figures';
import { destinationsThatWorked } from '../src/core/outcomes/delivery-figures';
import { fundingGrantedCents } from '../src/core/outcomes/funding-figures';
import type { OutcomesDb, OutcomesScope } from '../src/core/outcomes/outcomes-scope';
import { dataFilePaths } from '../src/core/storage/data-directory';
import { statsOf } from './figures';
import { benchPassphrase, ensureBenchFixture } from './fixture';
import { outcomesInputs } from './user-operations';

/**
 * `tsx bench/outcomes-parts-bench.ts --cases N [--samples 7]`: the Outcomes report's parts (each
 * figure function of computeOutcomes, then the whole report), warm, min / median / max of the wall
 * clock and of CPU time, for each of the bench's Outcomes inputs. The Outcomes row of the main bench
 * is their sum; this says which part it is.
 */
const { values } = parseArgs({
  options: { cases: { type: 'string', default: '100000' }, samples: { type: 'string', default: '7' } },
});
setDefaultLogThreshold('silent');
const log = (line: string) => process.stdout.write(`${line}\n`);
const samples = Number(values.samples);
const fixture = await ensureBenchFixture(Number(values.cases), log);
const dataKey = await new Keyring(dataFilePaths(fixture.dataDirectory).keyring).openWithPassphrase(
  benchPassphrase,
);
const store = await openStore(dataFilePaths(fixture.dataDirectory).database, dataKey);
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const clock = { now: new Date(), timeZone };

const parts: ReadonlyArray<readonly [string, (db: OutcomesDb, scope: OutcomesScope) => Promise<unknown>]> = [
  ['caseVolumeFigures', caseVolumeFigures],
  ['decisionFigures', decisionFigures],
  ['deadlineFigures', deadlineFigures],
  ['destinationsThatWorked', destinationsThatWorked],
  ['fundingGrantedCents', fundingGrantedCents],
];
try {
  for (const [name, input] of outcomesInputs) {
    const filters = { advocate: null, ...input };
    const scope: OutcomesScope = {
      ...filters,
      timeZone,
      asOf: civilDateInZone(clock.now.getTime(), timeZone),
    };
    log(`${name} (${values.cases} cases, ${samples} warm samples, ms):`);
    // Wall clock, and this process's CPU time beside it: on a shared machine the wall clock mostly
    // says how busy the machine was (the store is read in this thread, so its work is counted).
    const report = async (label: string, work: () => Promise<unknown>) => {
      await work();
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let sample = 0; sample < samples; sample += 1) {
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        await work();
        const used = process.cpuUsage(cpuBefore);
        wall.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
      const [wallStats, cpuStats] = [statsOf(wall), statsOf(cpu)];
      const figure = (value: number) => value.toFixed(1).padStart(7);
      log(
        `  ${label.padEnd(24)} wall min ${figure(wallStats.min)} median ${figure(wallStats.median)} max ${figure(wallStats.max)}` +
          `  |  CPU min ${figure(cpuStats.min)} median ${figure(cpuStats.median)} max ${figure(cpuStats.max)}`,
      );
    };
    for (const [part, figure] of parts) await report(part, () => figure(store.db, scope));
    await report('computeOutcomes', () => computeOutcomes(store.db, filters, clock));
  }
} finally {
  await store.close();
}
