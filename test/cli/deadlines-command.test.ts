import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const projectRoot = join(import.meta.dirname, '..', '..');
const newDataDirectory = useTemporaryDataDirectory();

function runDeadlinesCompute(
  stdin: string,
  args: readonly string[] = ['compute'],
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const dataDirectory = newDataDirectory();
  const result = spawnSync(
    join(projectRoot, 'node_modules', '.bin', 'node'),
    ['bin/advocase.mjs', 'deadlines', ...args],
    {
      cwd: projectRoot,
      input: stdin,
      encoding: 'utf8',
      env: { ...process.env, ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_LOG: 'silent', ...extraEnv },
      timeout: 60_000,
    },
  );
  return { ...result, dataDirectory };
}

/**
 * The same command run in this process (test/helpers/run-cli-in-process.ts): the tests above run
 * the real binary, a process each; the ones that only read the command's answer need no process.
 */
async function computeInProcess(stdin: string, args: readonly string[] = ['compute']) {
  const result = await runAdvocase(
    ['deadlines', ...args],
    { ADVOCASE_DATA_DIR: newDataDirectory(), ADVOCASE_LOG: 'silent' },
    stdin,
  );
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe('advocase deadlines compute', () => {
  it('prints the deadlines for a scenario as JSON and touches no data', () => {
    const scenario = {
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      state: 'CA',
      timeZone: 'America/Los_Angeles',
      asOf: '2026-04-10',
      events: [
        { type: 'request-received', date: '2026-03-02' },
        { type: 'denial-notice', date: '2026-03-31', receivedDate: '2026-04-03' },
      ],
    };
    const { status, stdout, stderr, dataDirectory } = runDeadlinesCompute(JSON.stringify(scenario));

    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      deadlines: Array<Record<string, unknown>>;
      missingFacts: string[];
    };
    expect(report.deadlines).toEqual([
      // Mar 2 + 15 = Mar 17; the denial is dated Mar 31, so the plan was late
      expect.objectContaining({
        rule: 'erisa_preservice_initial_decision',
        due: '2026-03-17',
        actor: 'payer',
        status: 'missed',
        citation: 'https://www.ecfr.gov/current/title-29/section-2560.503-1',
      }),
      // received Apr 3; + 180: Apr 27 + May 31 + Jun 30 + Jul 31 + Aug 31 = 150, + 30 → Sep 30
      expect.objectContaining({
        rule: 'erisa_internal_appeal_filing',
        due: '2026-09-30',
        actor: 'claimant',
        status: 'open',
      }),
    ]);
    expect(report.missingFacts).toEqual([]);
    expect(readdirSync(dataDirectory)).toEqual([]);
  });

  it("judges a date-only scenario without timeZone in the machine's zone and says which zone it used", async () => {
    const scenario = {
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-04-10',
      events: [{ type: 'denial-notice', date: '2026-03-31', receivedDate: '2026-04-03' }],
    };
    const { status, stdout, stderr } = runDeadlinesCompute(JSON.stringify(scenario), ['compute'], {
      TZ: 'Asia/Tokyo',
      ADVOCASE_TIME_ZONE: '',
    });

    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { timeZone: string; timeZoneSource: string; deadlines: unknown[] };
    expect(report).toMatchObject({ timeZone: 'Asia/Tokyo', timeZoneSource: 'default' });
    expect(report.deadlines).toEqual([
      expect.objectContaining({ rule: 'erisa_internal_appeal_filing', due: '2026-09-30', status: 'open' }),
    ]);

    // A zone the scenario names wins over the machine's (this process is not in Denver either).
    const given = await computeInProcess(JSON.stringify({ ...scenario, timeZone: 'America/Denver' }));
    expect(JSON.parse(given.stdout)).toMatchObject({
      timeZone: 'America/Denver',
      timeZoneSource: 'scenario',
    });
  });

  it('answers an unknown plan type with an empty list and a missing fact', async () => {
    const scenario = { planType: 'tricare', claimType: 'urgent', timeZone: 'UTC', events: [] };
    const { status, stdout } = await computeInProcess(JSON.stringify(scenario));

    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { deadlines: unknown[]; missingFacts: string[] };
    expect(report.deadlines).toEqual([]);
    expect(report.missingFacts.join(' ')).toContain('no deadline rules are loaded');
  });

  it.each([
    ['input that is not JSON', '{"planType": ', 'input is not valid JSON'],
    [
      'an impossible date',
      JSON.stringify({
        planType: 'medicare',
        timeZone: 'America/New_York',
        events: [
          { type: 'request-received', date: '2026-03-02' },
          { type: 'denial-notice', date: '2026-02-30' },
        ],
      }),
      'events[1].date: must be a real date written YYYY-MM-DD',
    ],
    [
      'an unknown event type',
      JSON.stringify({
        planType: 'medicare',
        timeZone: 'America/New_York',
        events: [{ type: 'letter', date: '2026-03-02' }],
      }),
      'events[0].type: must be one of request-received',
    ],
    [
      'a time zone that does not exist',
      JSON.stringify({ planType: 'medicare', timeZone: 'Mars/Olympus_Mons', events: [] }),
      'timeZone: must be an IANA time zone name such as America/New_York',
    ],
  ])('exits 2 with a clear message for %s', async (_label, stdin, message) => {
    const { status, stdout, stderr } = await computeInProcess(stdin);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('advocase deadlines:');
    expect(stderr).toContain(message);
  });

  it('exits 2 with the usage for a missing subcommand', async () => {
    const { status, stderr } = await computeInProcess('{}', []);

    expect(status).toBe(2);
    expect(stderr).toContain('advocase deadlines compute < scenario.json');
  });
});
