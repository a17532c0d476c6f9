#!/usr/bin/env node
// Runs the Advocase CLI. The database driver needs Node 22 or newer; where the system Node is
// older, hand over to the Node 24 that the project installs as a devDependency (see README).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

if (major < 22) {
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
  const result = spawnSync(bundledNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

/** The sources the CLI is built from (src/core, src/shared): the bundle is current if none is newer. */
function newestSourceTime() {
  let newest = 0;
  for (const folder of ['core', 'shared']) {
    for (const entry of readdirSync(join(projectRoot, 'src', folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

// `npm run build` (and npm start, npm run web, npm test) writes out/cli/; from it the CLI starts in
// about a tenth of the time it takes to compile the TypeScript sources (docs/performance.md, "Start").
const bundle = join(projectRoot, 'out', 'cli', 'index.js');
const bundleTime = existsSync(bundle) ? statSync(bundle).mtimeMs : null;
if (bundleTime !== null && bundleTime >= newestSourceTime()) {
  await import(pathToFileURL(bundle).href);
} else {
  // Not built yet, or the sources changed since: run them as they are, a second slower.
  if (process.stderr.isTTY) {
    process.stderr.write(
      `Running the CLI from its sources, ${bundleTime === null ? 'as it is not built yet' : 'as they changed since the last build'}: \`npm run build\` makes it start faster.\n`,
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(projectRoot, 'src', 'core', 'cli', 'main.ts')).href);
}
