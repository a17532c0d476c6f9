import { afterAll } from 'vitest';

/**
 * Test files share one process (vitest.config.ts, `isolate: false`), and some set variables such
 * as ADVOCASE_TIME_ZONE for the whole file. Whatever a file leaves in process.env is undone after
 * it, so the next file starts from the environment the run began with: a zone left set to New York
 * moved "today" a day back for the file after it whenever the suite ran between 00:00 and 05:00 UTC.
 */
const environmentAtStart = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) {
    if (!(name in environmentAtStart)) delete process.env[name];
  }
  Object.assign(process.env, environmentAtStart);
});
