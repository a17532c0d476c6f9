// Whether the CLI's build (out/cli/, written by `npm run build`) is current: bin/advocase.mjs runs
// it only then, and the start bench times only it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The CLI's built entry. */
export const cliBuild = join(projectRoot, 'out', 'cli', 'index.js');

/** True when the build exists and no file of the sources it is built from (src/core, src/shared) is newer. */
export function isCliBuildCurrent() {
  if (!existsSync(cliBuild)) return false;
  const built = statSync(cliBuild).mtimeMs;
  for (const folder of ['core', 'shared']) {
    for (const entry of readdirSync(join(projectRoot, 'src', folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && statSync(path).mtimeMs > built) return false;
    }
  }
  return true;
}
