import { redactableFields } from '../../shared/domain/redactable-fields';
import { teamRoles } from '../team/team-roles';
import { exitCodes, UsageError, type CliIo, type ExitCode } from './cli-io';
import { AppError } from '../errors';
import type { CliSession } from './cli-session';
import { MethodCallError, type ListedCommand } from './command';

/** Every command, in the order `--help` lists them. */
export const commands: readonly ListedCommand[] = [
  {
    name: 'init',
    usage: 'advocase init',
    summary:
      'Set up the encrypted store and print the recovery key (passphrase from ADVOCASE_PASSPHRASE or asked)',
    load: async () => (await import('./commands/store-commands')).initCommand,
  },
  {
    name: 'status',
    usage: 'advocase status',
    summary: 'Say whether Advocase is set up, and where its data lives',
    load: async () => (await import('./commands/store-commands')).statusCommand,
  },
  {
    name: 'change-passphrase',
    usage: 'advocase change-passphrase',
    summary:
      'Replace the passphrase (current from ADVOCASE_PASSPHRASE, new from ADVOCASE_NEW_PASSPHRASE, or asked)',
    load: async () => (await import('./commands/store-commands')).changePassphraseCommand,
  },
  {
    name: 'add-client',
    usage: 'advocase add-client --name NAME [--dob YYYY-MM-DD] [--state XX]',
    summary: "Add a client; prints only the new client's id",
    load: async () => (await import('./commands/record-commands')).addClientCommand,
  },
  {
    name: 'add-case',
    usage: 'advocase add-case --client ID --treatment TEXT [--payer TEXT]',
    summary: "Open a case for a client; prints only the new case's id",
    load: async () => (await import('./commands/record-commands')).addCaseCommand,
  },
  {
    name: 'list-cases',
    usage: 'advocase list-cases [--json]',
    summary: 'Print the caseload (as JSON with --json)',
    load: async () => (await import('./commands/record-commands')).listCasesCommand,
  },
  {
    name: 'deadlines',
    usage: 'advocase deadlines compute < scenario.json',
    summary:
      'Compute the legal deadlines for one case scenario (JSON in, JSON out); dates are guidance to verify',
    load: async () => (await import('./commands/deadlines-command')).deadlinesCommand,
  },
  {
    name: 'vault',
    usage:
      'advocase vault add --case ID FILE... | vault verify [--remove-leftovers] | vault search TEXT [--json] | vault ocr --all | --document ID',
    summary:
      'The encrypted document vault: add files to a case, check every stored file, search text, recognise the text of scans',
    load: async () => (await import('./commands/vault-commands')).vaultCommand,
  },
  {
    name: 'export-summary',
    usage:
      'advocase export-summary --case ID|--client ID [--out FILE.pdf] [--bundle FILE.zip] [--bates-prefix ADV] [--redact field,...]',
    summary: `Case summary PDF for an attorney, and a Bates-stamped exhibit ZIP (redact: ${redactableFields.join(', ')})`,
    load: async () => (await import('./commands/export-commands')).exportSummaryCommand,
  },
  {
    name: 'audit',
    usage: 'advocase audit verify',
    summary:
      'Check the audit log hash chain; names the first entry changed, removed or blanked outside a purge',
    load: async () => (await import('./commands/audit-command')).auditCommand,
  },
  {
    name: 'rotate-key',
    usage: 'advocase rotate-key',
    summary:
      'Replace the encryption key: re-encrypt the vault and the database, print a new recovery key (resumes if interrupted)',
    load: async () => (await import('./commands/rotate-key-command')).rotateKeyCommand,
  },
  {
    name: 'backup',
    usage:
      'advocase backup create --to DIR | backup list --in DIR [--json] | backup verify FILE | backup restore FILE --data-dir DIR [--replace] [--with-recovery-key]',
    summary:
      'Encrypted backups: write one (prints its path), list a folder, check one, restore one into a data folder',
    load: async () => (await import('./commands/backup-commands')).backupCommand,
  },
  {
    name: 'import',
    usage:
      'advocase import FILE [--source NAME] [--map-value "COLUMN=VALUE:CODE"]… (--dry-run | --skip-invalid [--merge-duplicates]) [--json]',
    summary: 'Import clients, coverage and cases from a CSV; --dry-run lists every row and its problems',
    load: async () => (await import('./commands/import-command')).importCommand,
  },
  {
    name: 'denial',
    usage: 'advocase denial read FILE [--plan-type P] [--json]',
    summary:
      'Read a denial notice (text, PDF, scan or photo, offline) and check it against the law; --json for the fields and the check',
    load: async () => (await import('./commands/denial-command')).denialCommand,
  },
  {
    name: 'team',
    usage:
      'advocase team init | add-user --login NAME --role ROLE --full-name "…" | set-role --login NAME --role ROLE | disable-user --login NAME | reassign --from NAME --to NAME | assign --case ID --to NAME | share --case ID --with NAME --until YYYY-MM-DD | list-users [--json] | verify-audit | import-local --data-dir DIR   [--database-url postgres://…]',
    summary: `Team mode on PostgreSQL: set the database up (as its owner), manage people (${teamRoles.join(', ')}), hand cases over, check the audit trail, move a local caseload in`,
    load: async () => (await import('./commands/team-command')).teamCommand,
  },
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
  // A step the CLI takes outside the contract (connecting to a team database) fails as the contract would.
  const apiError = error instanceof AppError ? error.toApiError() : undefined;
  if (error instanceof MethodCallError || apiError) {
    const { code, message, field } = apiError ?? (error as MethodCallError).apiError;
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
  extraCommands: readonly ListedCommand[] = [],
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${helpText()}\n`);
    return name === undefined ? exitCodes.badInput : exitCodes.ok;
  }
  const listed = [...commands, ...extraCommands].find((candidate) => candidate.name === name);
  if (!listed) {
    io.stderr.write(`Unknown command "${name}". Run advocase --help to see the commands.\n`);
    return exitCodes.badInput;
  }
  const { openCliSession } = await import('./cli-session');
  let cliSession: CliSession;
  try {
    cliSession = openCliSession(io);
  } catch (error) {
    io.stderr.write(`advocase ${name}: ${describeError(error).message}\n`);
    return exitCodes.badInput;
  }
  const { dataDirectory, session, call } = cliSession;
  try {
    const command = await listed.load();
    return await command.run({ io, argv: rest, dataDirectory, call, session, usage: listed.usage });
  } catch (error) {
    const { message, code } = describeError(error);
    io.stderr.write(`advocase ${name}: ${message}\n`);
    return code;
  } finally {
    await session.lock();
  }
}
