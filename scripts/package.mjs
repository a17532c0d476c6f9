// `npm run package`: builds the app, then the installers electron-builder.config.ts names for this
// system (extra arguments go to electron-builder, e.g. `npm run package -- --linux deb`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

// electron-builder downloads Electron for every target it packs; where even the local binary
// could not be downloaded, it could not either.
if (!findElectronBinary()) {
  process.stderr.write(
    'Installers cannot be built on this machine: electron-builder must download Electron to pack it, and Electron could not be downloaded here (no network).\n',
  );
  process.exit(1);
}

function run(script, args) {
  const result = spawnSync(process.execPath, [require.resolve(script), ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('electron-vite/bin/electron-vite.js', ['build']);
run('electron-builder/cli.js', ['--config', 'electron-builder.config.ts', ...process.argv.slice(2)]);
