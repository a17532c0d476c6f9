import { computeDeadlines } from '../../deadlines/compute-deadlines';
import { parseDeadlineScenario } from '../../deadlines/scenario-schema';
import { userTimeZone } from '../../deadlines/time-zone';
import { exitCodes, readAll, UsageError } from '../cli-io';
import type { Command } from '../command';

/** Needs no database: reads one JSON scenario on stdin and prints the deadline report as JSON. */
export const deadlinesCommand: Command = {
  async run({ io, argv, usage }) {
    const [subcommand, ...extra] = argv;
    if (subcommand !== 'compute' || extra.length > 0) throw new UsageError(`Usage: ${usage}`);
    // The machine's zone (ADVOCASE_TIME_ZONE to choose another), as the app uses the user's setting.
    const parsed = parseDeadlineScenario(await readAll(io.stdin), userTimeZone());
    if (!parsed.ok) throw new UsageError(`bad scenario:\n${parsed.message}`);
    const { scenario, timeZoneSource } = parsed;
    const report = computeDeadlines(scenario);
    io.stdout.write(
      `${JSON.stringify({ timeZone: scenario.timeZone, timeZoneSource, ...report }, null, 2)}\n`,
    );
    return exitCodes.ok;
  },
};
