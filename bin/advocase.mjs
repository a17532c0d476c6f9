#!/usr/bin/env node
// Runs the Advocase CLI. The database driver needs Node 22 or newer; where the system Node is
// older, hand over to the Node 24 that the project installs as a devDependency (see README).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBuild, isCliBuildCurrent } from './cli-build.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
const argv = process.argv.slice(2);

// The help loads no database driver, so any Node prints it: no second Node to start.
const asksForHelp = argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0]);

if (major < 22 && !(asksForHelp && isCliBuildCurrent())) {
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

// `npm run build` (and npm start, npm run web, npm test) writes out/cli/; from it the CLI starts in
// about a tenth of the time it takes to compile the TypeScript sources (docs/performance.md, "Start").
if (isCliBuildCurrent()) {
  await import(pathToFileURL(cliBuild).href);
} else {
  // Not built yet, or a source changed since: run the sources as they are, about a second slower.
  if (process.stderr.isTTY) {
    process.stderr.write(
      `Running the CLI from its sources, ${existsSync(cliBuild) ? 'as they changed since the last build' : 'as it is not built yet'}: \`npm run build\` makes it start faster.\n`,
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(projectRoot, 'src', 'core', 'cli', 'main.ts')).href);
}
