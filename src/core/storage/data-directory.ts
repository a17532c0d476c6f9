import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Advocase keeps its data: ADVOCASE_DATA_DIR if set, otherwise the per-user application
 * data folder that Electron's app.getPath('appData') names on each system, so the desktop app,
 * the CLI and the web harness all find the same files.
 */
export function resolveDataDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.ADVOCASE_DATA_DIR) return env.ADVOCASE_DATA_DIR;
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Advocase');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Advocase');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Advocase');
  }
}

export function dataFilePaths(dataDirectory: string) {
  return {
    keyring: join(dataDirectory, 'keyring.json'),
    database: join(dataDirectory, 'advocase.db'),
    /** Wrong passphrases since the last unlock (times only), for the throttle: `session/unlock-attempts.ts`. */
    unlockAttempts: join(dataDirectory, 'unlock-attempts.json'),
  } as const;
}
