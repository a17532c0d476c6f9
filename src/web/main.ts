import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lockOnTermination } from '../core/session/lock-on-termination';
import { Session } from '../core/session/session';
import { resolveDataDirectory } from '../core/storage/data-directory';
import { describeTeamDatabase, resolveTeamDatabaseUrl } from '../core/storage/team-database-url';
import { memoryTeamCredentialStore } from '../core/team/team-credential-store';
import { startWebHarness } from './web-harness';

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
const rendererDirectory = join(process.cwd(), 'out', 'renderer');
if (!existsSync(join(rendererDirectory, 'index.html'))) {
  process.stderr.write('The renderer is not built yet: run `npm run web`, which builds it first.\n');
  process.exit(1);
}

const dataDirectory = resolveDataDirectory();
const teamDatabaseUrl = (() => {
  try {
    return resolveTeamDatabaseUrl();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
})();
// Team credentials joined from the page live in this process's memory only: the harness has no
// keychain to encrypt them with, and must never write them to a plain file.
const session = new Session({
  dataDirectory,
  actor: userInfo().username,
  ...(teamDatabaseUrl ? { teamDatabaseUrl } : { teamCredentials: memoryTeamCredentialStore() }),
});
// A team database is connected to now, so the first screen is the caseload, not the lock screen
// (its login is in the URL: there is no passphrase to ask for).
if (teamDatabaseUrl) await session.connectTeamDatabase();
const harness = await startWebHarness({
  session,
  rendererDirectory,
  port: values.port ? Number(values.port) : 0,
});

// The e2e suite reads this line to find the address; keep its wording.
process.stdout.write(`Advocase is running. Open ${harness.url}\n`);
process.stdout.write(
  teamDatabaseUrl
    ? `Team database: ${describeTeamDatabase(teamDatabaseUrl)}\nPress Ctrl+C to disconnect and stop.\n`
    : `Data folder: ${dataDirectory}\nA team database joined from the page is remembered in memory only, until this process stops.\nPress Ctrl+C to lock and stop.\n`,
);

lockOnTermination(session, async () => {
  await harness.close();
  process.exit(0);
});
