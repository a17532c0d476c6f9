/**
 * What only the shell around the app can do for backups. docs/security.md §2: the renderer never supplies a
 * file-system path, so the folder and the backup file come from here: the desktop app answers with
 * the system's own dialogs; the web harness and the CLI cannot show one and use the folder named
 * by ADVOCASE_BACKUP_DIR when they start.
 */
export type BackupHost = {
  /** Asks the user for a folder; null when they cancel or this host cannot ask. */
  chooseFolder(): Promise<string | null>;
  /** Asks the user for one backup file; null when they cancel or this host cannot ask. */
  chooseBackupFile(): Promise<string | null>;
  /** Where to look for backups before the data is unlocked (a fresh install restoring). */
  readonly knownFolder: string | null;
  readonly canChooseFile: boolean;
  /** Daily backups and the backup at lock or quit run only in the app, not in a one-off CLI command. */
  readonly runsAutomaticBackups: boolean;
};

/** The harness's and the CLI's host: the folder comes from the environment, never from a request. */
export function environmentBackupHost(
  env: NodeJS.ProcessEnv = process.env,
  { runsAutomaticBackups = false } = {},
): BackupHost {
  const folder = env.ADVOCASE_BACKUP_DIR || null;
  return {
    chooseFolder: () => Promise.resolve(folder),
    chooseBackupFile: () => Promise.resolve(null),
    knownFolder: folder,
    canChooseFile: false,
    runsAutomaticBackups,
  };
}
