#!/usr/bin/env node
// Runs the Advocase CLI. The database driver needs Node 22 or newer; where the system Node is
// older, hand over to the Node 24 that the project installs as a devDependency (see README).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
const argv = process.argv.slice(2);

// `npm run build` (and npm start, npm run web, npm test) writes out/cli/; from it the CLI starts in
// about a tenth of the time it takes to compile the TypeScript sources (docs/performance.md, "Start").
const bundle = join(projectRoot, 'out', 'cli', 'index.js');

/** The build's time if it is newer than every source it is built from (src/core, src/shared), else null. */
function currentBundleTime() {
  if (!existsSync(bundle)) return null;
  const built = statSync(bundle).mtimeMs;
  for (const folder of ['core', 'shared']) {
    for (const entry of readdirSync(join(projectRoot, 'src', folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && statSync(path).mtimeMs > built) return null;
    }
  }
  return built;
}

// The help loads no database driver, so any Node prints it: no second Node to start.
const asksForHelp = argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0]);

if (major < 22 && !(asksForHelp && currentBundleTime() !== null)) {
  const bundledNode = join(
    projectRoot,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'node.cmd' : 'node',
  );
  if (!existsSync(bundledNode)) {
    process.stderr.write(
      `Advocase needs Node.js 22 or newer (this is ${process.version}); run npm install first.\n`,
    );
    process.exit(1);
  }
  const result = spawnSync(bundledNode, [fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (currentBundleTime() !== null) {
  await import(pathToFileURL(bundle).href);
} else {
  // Not built yet, or a source changed since: run the sources as they are, about a second slower.
  if (process.stderr.isTTY) {
    process.stderr.write(
      `Running the CLI from its sources, ${existsSync(bundle) ? 'as they changed since the last build' : 'as it is not built yet'}: \`npm run build\` makes it start faster.\n`,
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(projectRoot, 'src', 'core', 'cli', 'main.ts')).href);
}
