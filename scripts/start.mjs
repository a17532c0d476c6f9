// `npm start`: build, then open the desktop app. Electron fetches its binary the first time it is
// used; where that cannot happen (no network, a locked-down machine) say so in one sentence.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function findElectronBinary() {
  // Requiring the package downloads the binary if it is missing; its own output is not for users.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

const electronBinary = findElectronBinary();
if (!electronBinary) {
  process.stderr.write(
    'The Electron desktop app is not available on this machine (its binary could not be downloaded); run `npm run web` to use Advocase in your browser instead.\n',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
