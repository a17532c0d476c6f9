// Where the Electron binary is, or null where it cannot be had. Electron fetches its binary the
// first time it is used; where that cannot happen (no network, a locked-down machine) the
// commands that need it (`npm start`, `npm run package`) say so in one sentence.
import { spawnSync } from 'node:child_process';

export function findElectronBinary() {
  // Requiring the package downloads the binary if it is missing; its own output is not for users.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}
