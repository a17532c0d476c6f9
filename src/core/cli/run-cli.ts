import { userInfo } from 'node:os';
import { createHandlers } from '../api/create-handlers';
import { dispatch } from '../api/dispatch';
import { Session } from '../session/session';
import { resolveDataDirectory } from '../storage/data-directory';
import { exitCodes, UsageError, type CliIo, type ExitCode } from './cli-io';
import { MethodCallError, type CallMethod, type Command } from './command';
import { deadlinesCommand } from './commands/deadlines-command';
import { exportSummaryCommand } from './commands/export-commands';
import { importCommand } from './commands/import-command';
import { addCaseCommand, addClientCommand, listCasesCommand } from './commands/record-commands';
import { changePassphraseCommand, initCommand, statusCommand } from './commands/store-commands';
import { vaultCommand } from './commands/vault-commands';
import { auditCommand } from './commands/audit-command';
import { rotateKeyCommand } from './commands/rotate-key-command';
import { backupCommand } from './commands/backup-commands';
import { denialCommand } from './commands/denial-command';
import { teamCommand } from './commands/team-command';

const commands: readonly Command[] = [
  initCommand,
  statusCommand,
  changePassphraseCommand,
  addClientCommand,
  addCaseCommand,
  listCasesCommand,
  deadlinesCommand,
  vaultCommand,
  exportSummaryCommand,
  auditCommand,
  rotateKeyCommand,
  backupCommand,
  importCommand,
  denialCommand,
  teamCommand,
];

/** Contract field names as the CLI's flags call them, so an error points at what the user typed. */
const flagForField: Readonly<Record<string, string>> = {
  fullName: '--name',
  dateOfBirth: '--dob',
  state: '--state',
  clientId: '--client',
  treatment: '--treatment',
  treatmentDetail: '--treatment',
  payer: '--payer',
  valueMappings: '--map-value',
};

function helpText(): string {
  return [
    'Advocase: case management for patient advocates, from the command line.',
    '',
    'Usage:',
    ...commands.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '',
    'Data lives in the folder `advocase status` prints; ADVOCASE_DATA_DIR chooses another.',
    'Passphrases come from ADVOCASE_PASSPHRASE (and ADVOCASE_NEW_PASSPHRASE), or are asked without echo.',
    'Team commands connect to the PostgreSQL database at --database-url or ADVOCASE_DATABASE_URL (docs/team-mode.md).',
  ].join('\n');
}

function describeError(error: unknown): { message: string; code: ExitCode } {
  if (error instanceof UsageError) return { message: error.message, code: exitCodes.badInput };
  if (error instanceof MethodCallError) {
    const { code, message, field } = error.apiError;
    const flag = field === undefined ? undefined : flagForField[field];
    const fixable = code !== 'INTERNAL' && code !== 'DATA_DAMAGED';
    return {
      message: flag ? `${message} (${flag})` : message,
      code: fixable ? exitCodes.badInput : exitCodes.failure,
    };
  }
  // parseArgs reports unknown or malformed flags with a TypeError carrying a code.
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    return {
      message: `${(error as Error).message}. Run advocase --help for usage.`,
      code: exitCodes.badInput,
    };
  }
  return { message: 'Something went wrong; nothing was changed. Try again.', code: exitCodes.failure };
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  extraCommands: readonly Command[] = [],
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${helpText()}\n`);
    return name === undefined ? exitCodes.badInput : exitCodes.ok;
  }
  const command = [...commands, ...extraCommands].find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`Unknown command "${name}". Run advocase --help to see the commands.\n`);
    return exitCodes.badInput;
  }
  const dataDirectory = resolveDataDirectory(io.env);
  const session = new Session({ dataDirectory, actor: `cli:${userInfo().username}` });
  const handlers = createHandlers(session);
  const call: CallMethod = async (method, input) => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new MethodCallError(result.error);
    return result.value as never;
  };
  try {
    return await command.run({ io, argv: rest, dataDirectory, call, session });
  } catch (error) {
    const { message, code } = describeError(error);
    io.stderr.write(`advocase ${name}: ${message}\n`);
    return code;
  } finally {
    await session.lock();
  }
}
