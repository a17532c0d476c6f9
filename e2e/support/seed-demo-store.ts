// Run with tsx by the e2e fixture: makes the demo caseload (invented people) in a data folder
// before the web harness opens it, so a spec can look at a full caseload as a user of `npm run demo`
// would. Usage: tsx e2e/support/seed-demo-store.ts DATA_DIRECTORY CLIENT_COUNT PASSPHRASE
import { generateDemoCaseload } from '../../src/core/demo/generate-demo-caseload';
import { setDefaultLogThreshold } from '../../src/core/logging/logger';
import { Session } from '../../src/core/session/session';

const [dataDirectory, clientCount, passphrase] = process.argv.slice(2);
if (!dataDirectory || !clientCount || !passphrase) {
  process.stderr.write('Usage: seed-demo-store.ts DATA_DIRECTORY CLIENT_COUNT PASSPHRASE\n');
  process.exit(2);
}
setDefaultLogThreshold('warn');
const session = new Session({ dataDirectory, actor: 'demo' });
await session.initialize(passphrase);
// As `npm run demo`: the recovery key of invented data is not asked for.
await session.confirmRecoveryKeySaved();
await session.useStore(({ db }) =>
  db
    .transaction()
    .execute((trx) => generateDemoCaseload(trx, { clientCount: Number(clientCount), today: new Date() })),
);
await session.lock();
