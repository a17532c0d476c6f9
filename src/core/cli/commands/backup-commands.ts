import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkBackupContents,
  checkBackupFile,
  describeHoldings,
  describeCheckedParts,
  unlockBackup,
  type BackupContents,
  type BackupSecret,
} from '../../backup/backup-contents';
import { listBackups } from '../../backup/backup-files';
import { newWorkProgress } from '../../backup/backup-progress';
import { createBackup } from '../../backup/create-backup';
import { commitStagedRestore, stageRestore } from '../../backup/restore-backup';
import { AppError } from '../../errors';
import { exitCodes, UsageError, type ExitCode } from '../cli-io';
import { MethodCallError, type Command, type CommandContext } from '../command';
import { readPassphrase } from '../prompt-secret';

export const backupCommand: Command = {
  async run(context) {
    const [subcommand, ...rest] = context.argv;
    const sub = { ...context, argv: rest };
    try {
      switch (subcommand) {
        case 'create':
          return await runCreate(sub);
        case 'list':
          return await runList(sub);
        case 'verify':
          return await runVerify(sub);
        case 'restore':
          return await runRestore(sub);
        default:
          throw new UsageError(
            'Say what to do: advocase backup create --to DIR, backup list --in DIR, backup verify FILE, or backup restore FILE --data-dir DIR.',
          );
      }
    } catch (error) {
      // Backup work runs in core directly (it takes paths the user typed); its errors print like the contract's.
      if (error instanceof AppError) throw new MethodCallError(error.toApiError());
      throw error;
    }
  },
};

function requiredFolder(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required: name the backup folder.`);
  return resolve(value);
}

function oneFile(positionals: readonly string[]): string {
  if (positionals.length !== 1) throw new UsageError('Name exactly one backup file.');
  return resolve(positionals[0]!);
}

/** The secret that opens a backup: ADVOCASE_RECOVERY_KEY, or the passphrase (ADVOCASE_PASSPHRASE or asked). */
async function readBackupSecret(context: CommandContext, withRecoveryKey: boolean): Promise<BackupSecret> {
  const recoveryKey = context.io.env.ADVOCASE_RECOVERY_KEY;
  if (recoveryKey) return { recoveryKey };
  if (withRecoveryKey) {
    return {
      recoveryKey: await readPassphrase({ ...context.io, env: {} }, 'Recovery key of the backup: '),
    };
  }
  return { passphrase: await readPassphrase(context.io, 'Passphrase of the backup: ') };
}

function describeContents(contents: BackupContents): string {
  return `made ${contents.createdAt}, holding ${describeHoldings(contents)}`;
}

async function runCreate(context: CommandContext): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...context.argv],
    options: { to: { type: 'string' } },
    strict: true,
  });
  const folder = requiredFolder(values.to, '--to');
  if (!existsSync(folder)) throw new UsageError(`There is no folder ${folder}. Create it or name another.`);
  await context.call('session.unlock', { passphrase: await readPassphrase(context.io) });
  const created = await context.session.useDataKey(({ store, dataKey, dataDirectory }) =>
    createBackup({
      db: store.db,
      dataDirectory,
      dataKey,
      folder,
      actor: context.session.actor,
      progress: newWorkProgress('Starting'),
    }),
  );
  context.io.stderr.write(`Backup written and verified: ${describeContents(created.contents)}.\n`);
  context.io.stdout.write(`${created.path}\n`);
  return exitCodes.ok;
}

async function runList(context: CommandContext): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...context.argv],
    options: { in: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const backups = await listBackups(requiredFolder(values.in, '--in'));
  if (values.json) {
    context.io.stdout.write(`${JSON.stringify(backups, null, 2)}\n`);
    return exitCodes.ok;
  }
  for (const backup of backups) {
    const size = `${(backup.sizeBytes / 1_000_000).toFixed(1)} MB`;
    context.io.stdout.write(`${backup.createdAt ?? 'DAMAGED'}\t${size}\t${backup.path}\n`);
  }
  if (backups.length === 0) context.io.stderr.write('No backups in that folder.\n');
  return exitCodes.ok;
}

async function runVerify(context: CommandContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...context.argv],
    options: { 'with-recovery-key': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const path = oneFile(positionals);
  const progress = newWorkProgress('Checking');
  // Checksums first: a damaged file is reported without asking for any secret.
  const index = await checkBackupFile(path, progress);
  const dataKey = await unlockBackup(
    path,
    index,
    await readBackupSecret(context, values['with-recovery-key'] ?? false),
  );
  try {
    const contents = await checkBackupContents(path, index, dataKey, progress);
    context.io.stdout.write(
      `Backup OK: ${describeContents(contents)}. Checked: ${describeCheckedParts(contents)}.\n`,
    );
  } finally {
    dataKey.fill(0);
  }
  return exitCodes.ok;
}

async function runRestore(context: CommandContext): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...context.argv],
    options: {
      'data-dir': { type: 'string' },
      replace: { type: 'boolean' },
      'with-recovery-key': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const path = oneFile(positionals);
  if (!values['data-dir']) throw new UsageError('--data-dir is required: name the folder to restore into.');
  const dataDirectory = resolve(values['data-dir']);
  const isEmpty = !existsSync(dataDirectory) || (await readdir(dataDirectory)).length === 0;
  if (!isEmpty && !values.replace) {
    throw new UsageError(
      `${dataDirectory} is not empty. Add --replace to restore over it (the data there is moved aside first, not deleted), or name an empty folder.`,
    );
  }
  const secret = await readBackupSecret(context, values['with-recovery-key'] ?? false);
  const staged = await stageRestore(
    path,
    dataDirectory,
    secret,
    context.session.actor,
    newWorkProgress('Checking'),
  );
  const { setAsideFolder } = await commitStagedRestore(staged, dataDirectory);
  context.io.stdout.write(`Restored into ${dataDirectory}: ${describeContents(staged.contents)}.\n`);
  if (setAsideFolder)
    context.io.stdout.write(`The data that was there before is kept in ${setAsideFolder}.\n`);
  if ('recoveryKey' in secret) {
    context.io.stdout.write(
      'Unlock it with the passphrase it had, or choose a new one with its recovery key ("Forgot passphrase" in the app).\n',
    );
  }
  return exitCodes.ok;
}
