// `npm start`: build, then open the desktop app (or say in one sentence why it cannot open here).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

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
