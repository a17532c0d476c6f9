import { parseArgs } from 'node:util';
import {
  addTeamMember,
  assignCase,
  checkTeamAuditTrail,
  disableTeamMember,
  initTeamDatabase,
  listTeamMembers,
  reassignCases,
  setTeamMemberRole,
  shareCase,
} from '../../team/team-administration';
import { importLocalStore } from '../../team/import-local-store';
import { TeamModeError } from '../../team/team-mode-error';
import { teamRoles } from '../../team/team-roles';
import { exitCodes, UsageError, type ExitCode } from '../cli-io';
import type { Command, CommandContext } from '../command';
import { readPassphrase } from '../prompt-secret';
import { describeLocalImport } from './describe-local-import';
import { describeTeamInit } from './describe-team-init';

const subcommands = [
  'init',
  'add-user',
  'set-role',
  'disable-user',
  'reassign',
  'assign',
  'share',
  'list-users',
  'verify-audit',
  'import-local',
] as const;

/**
 * `advocase team …`: sets up a team database on an organisation's PostgreSQL and manages its
 * people (docs/team-mode.md). Each runs with the connection it is given (--database-url or
 * ADVOCASE_DATABASE_URL), as that person: the database decides what they may do.
 */
export const teamCommand: Command = {
  async run(context) {
    const [subcommand, ...rest] = context.argv;
    if (!subcommands.includes(subcommand as (typeof subcommands)[number])) {
      throw new UsageError(
        `Say what to do: advocase team ${subcommands.join(', ')}. Run advocase --help for each one's flags.`,
      );
    }
    try {
      return await runSubcommand(subcommand as (typeof subcommands)[number], { ...context, argv: rest });
    } catch (error) {
      // Bad input and every problem the person can fix (address, password, rights) exit 2.
      if (error instanceof TeamModeError) throw new UsageError(error.message);
      throw error;
    }
  },
};

function databaseUrl(context: CommandContext, flag: string | undefined): string {
  const url = flag ?? context.io.env.ADVOCASE_DATABASE_URL;
  if (!url) {
    throw new UsageError(
      'Say which team database: --database-url postgres://user:password@host:5432/database (or set ADVOCASE_DATABASE_URL).',
    );
  }
  return url;
}

function required(value: string | undefined, flag: string, example: string): string {
  if (!value?.trim()) throw new UsageError(`${flag} is required (for example ${flag} ${example}).`);
  return value.trim();
}

function caseNumber(value: string | undefined): number {
  const id = Number(required(value, '--case', '42'));
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new UsageError(`--case takes a case number, such as 42; "${value}" is not one.`);
  return id;
}

async function runSubcommand(
  subcommand: (typeof subcommands)[number],
  context: CommandContext,
): Promise<ExitCode> {
  const { values } = parseArgs({
    args: context.argv,
    options: {
      'database-url': { type: 'string' },
      login: { type: 'string' },
      role: { type: 'string' },
      'full-name': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      case: { type: 'string' },
      with: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const url = databaseUrl(context, values['database-url']);
  const say = (line: string) => context.io.stderr.write(`${line}\n`);
  switch (subcommand) {
    case 'init': {
      context.io.stdout.write(describeTeamInit(await initTeamDatabase(url)));
      return exitCodes.ok;
    }
    case 'add-user': {
      const login = required(values.login, '--login', 'jrivera');
      const role = required(values.role, '--role', teamRoles.join('|'));
      const fullName = required(values['full-name'], '--full-name', '"Jordan Rivera"');
      const password = await addTeamMember(url, { login, fullName, role });
      // Only the password on standard output, so a script can capture it; it is shown this once.
      context.io.stdout.write(`${password}\n`);
      say(
        `Added ${login} (${fullName}) as ${role}. The password above is shown once: give it to them privately.`,
      );
      return exitCodes.ok;
    }
    case 'set-role': {
      const login = required(values.login, '--login', 'jrivera');
      const role = required(values.role, '--role', teamRoles.join('|'));
      await setTeamMemberRole(url, login, role);
      context.io.stdout.write(`${login} is now ${role === 'admin' ? 'an' : 'a'} ${role}.\n`);
      return exitCodes.ok;
    }
    case 'disable-user': {
      const login = required(values.login, '--login', 'jrivera');
      const ended = await disableTeamMember(url, login);
      context.io.stdout.write(
        `${login} can no longer connect (${ended} open session${ended === 1 ? '' : 's'} ended). Their cases stay; hand them over with advocase team reassign --from ${login} --to LOGIN.\n`,
      );
      return exitCodes.ok;
    }
    case 'reassign': {
      const from = required(values.from, '--from', 'jrivera');
      const to = required(values.to, '--to', 'mchen');
      const moved = await reassignCases(url, from, to);
      context.io.stdout.write(
        `Moved ${moved} case${moved === 1 ? '' : 's'} and their clients from ${from} to ${to}.\n`,
      );
      return exitCodes.ok;
    }
    case 'assign': {
      const id = caseNumber(values.case);
      const to = required(values.to, '--to', 'mchen');
      await assignCase(url, id, to);
      context.io.stdout.write(`Case ${id} is now assigned to ${to}.\n`);
      return exitCodes.ok;
    }
    case 'share': {
      const id = caseNumber(values.case);
      const login = required(values.with, '--with', 'attorney1');
      const until = required(values.until, '--until', '2027-03-31');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until))
        throw new UsageError(`--until takes the share's last day as YYYY-MM-DD; "${until}" is not one.`);
      await shareCase(url, id, login, until);
      context.io.stdout.write(`Case ${id} is shared with ${login} through ${until}.\n`);
      return exitCodes.ok;
    }
    case 'list-users': {
      const members = await listTeamMembers(url);
      if (values.json) {
        context.io.stdout.write(`${JSON.stringify(members, null, 2)}\n`);
      } else {
        for (const member of members) {
          context.io.stdout.write(
            `${member.login}\t${member.fullName}\t${member.role}${member.disabled ? ' (disabled)' : ''}\t${member.assignedCases} cases\n`,
          );
        }
      }
      return exitCodes.ok;
    }
    case 'import-local': {
      const dataDirectory = required(values['data-dir'], '--data-dir', '~/.config/Advocase');
      const passphrase = await readPassphrase(context.io);
      say('Moving the local caseload and its documents into the team database (one transaction)…');
      const report = await importLocalStore({ dataDirectory, passphrase, databaseUrl: url });
      context.io.stdout.write(describeLocalImport(report, dataDirectory));
      return exitCodes.ok;
    }
    case 'verify-audit': {
      const report = await checkTeamAuditTrail(url);
      (report.isIntact ? context.io.stdout : context.io.stderr).write(`${report.message}\n`);
      return report.isIntact ? exitCodes.ok : exitCodes.failure;
    }
  }
}
