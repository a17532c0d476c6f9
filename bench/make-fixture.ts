import { parseArgs } from 'node:util';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { ensureBenchFixture } from './fixture';

/**
 * Makes the cached fixture of a size without measuring anything, so a large one can be made
 * ahead of a bench run (at low priority, in the background): `tsx bench/make-fixture.ts --cases N`.
 */
setDefaultLogThreshold('silent');
const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' } } });
const started = performance.now();
const fixture = await ensureBenchFixture(Number(values.cases), (line) => process.stdout.write(`${line}\n`));
process.stdout.write(
  `${fixture.generation ? 'Made' : 'Already cached:'} ${fixture.dataDirectory} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
