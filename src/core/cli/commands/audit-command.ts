import { parseArgs } from 'node:util';
import { exitCodes, UsageError } from '../cli-io';
import type { Command } from '../command';
import { openData } from '../open-data';

export const auditCommand: Command = {
  async run(context) {
    const [subcommand, ...rest] = context.argv;
    if (subcommand !== 'verify') throw new UsageError('Say what to do: advocase audit verify.');
    parseArgs({ args: rest, options: {}, strict: true });
    await openData(context);
    const report = await context.call('audit.verify', {});
    (report.isIntact ? context.io.stdout : context.io.stderr).write(`${report.message}\n`);
    // Exit 1 when broken: nothing the user typed is wrong, the log itself is.
    return report.isIntact ? exitCodes.ok : exitCodes.failure;
  },
};
