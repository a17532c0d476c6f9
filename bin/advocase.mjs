#!/usr/bin/env node
// Runs the Advocase CLI. The database driver needs Node 22 or newer; where the system Node is
// older, hand over to the Node 24 that the project installs as a devDependency (see README).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const { register } = await import('tsx/esm/api');
register();
await import(join(projectRoot, 'src', 'core', 'cli', 'main.ts'));
