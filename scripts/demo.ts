// `npm run demo`: a synthetic caseload of about 200 invented clients in its own data folder,
// opened in the desktop app where Electron is installed, otherwise in the web harness.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoCaseload } from '../src/core/demo/generate-demo-caseload';
import { setDefaultLogThreshold } from '../src/core/logging/logger';
import { Session } from '../src/core/session/session';

const demoPassphrase = 'demo passphrase only';
const { values } = parseArgs({ options: { fresh: { type: 'boolean' }, 'no-open': { type: 'boolean' } } });
const dataDirectory = join(process.cwd(), '.advocase-demo');
setDefaultLogThreshold('warn');

if (values.fresh) rmSync(dataDirectory, { recursive: true, force: true });
if (!existsSync(join(dataDirectory, 'keyring.json'))) {
  process.stdout.write('Creating the demo caseload (invented people, clearly not real)…\n');
  const session = new Session({ dataDirectory, actor: 'demo' });
  await session.initialize(demoPassphrase);
  // A demo's recovery key protects nothing real: the app is not to ask for it.
  await session.confirmRecoveryKeySaved();
  const counts = await session.useStore(({ db }) =>
    db.transaction().execute((trx) => generateDemoCaseload(trx, { clientCount: 200, today: new Date() })),
  );
  await session.lock();
  process.stdout.write(
    `Made ${counts.clients} clients, ${counts.cases} cases and ${counts.events} timeline events.\n`,
  );
}

process.stdout.write(
  `\nDEMO DATA in ${dataDirectory}\nPassphrase: ${demoPassphrase}\n(Run npm run demo -- --fresh to start over.)\n\n`,
);
if (values['no-open']) process.exit(0);

const env = { ...process.env, ADVOCASE_DATA_DIR: dataDirectory };
const hasElectron =
  spawnSync(process.execPath, ['-e', "require('electron')"], { stdio: 'ignore' }).status === 0;
const child = hasElectron
  ? spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: 'inherit' })
  : spawn('npm', ['run', '--silent', 'web'], { env, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
