import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { addTeamMember, initTeamDatabase } from '../src/core/team/team-administration';
import { startPostgresServer, type PostgresServer } from '../test/helpers/postgres-server';
import { benchCacheFolder } from './fixture';
import { serverCpuSeconds } from './server-processes';
import { caseloadOfSize, type CaseloadSize } from './synthetic-caseload';
import { fillTeamDatabase, letTeamMembersCheckTheSchema } from './team-fill';

/**
 * The team bench's database: the embedded PostgreSQL server the tests use, on 127.0.0.1 only, in
 * a data folder kept in the bench cache (ADVOCASE_BENCH_CACHE, default bench/.cache) so the big
 * fill is made once per size; `team init`, the navigators' logins (as `advocase team add-user`
 * adds them) and a bulk fill (bench/team-fill.ts). A cached database is brought to this build's
 * schema by `team init` again, as a team's database is.
 */

/** Bump when the generator or the people change. */
const generatorVersion = 'team-v1';
const databaseName = 'advocase_team';

/** A real server's settings, not the tests' throwaway ones: the load's commits wait for the disk. */
const serverSettings = {
  max_connections: '400',
  shared_buffers: '1GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
};

export type TeamPerson = { readonly login: string; readonly fullName: string; readonly url: string };

export type StepTime = {
  readonly wallSeconds: number;
  /** This process's CPU (the generator, the deadlines computed in Node). */
  readonly benchCpuSeconds: number;
  /** The server's CPU (/proc), where most of a fill is done. */
  readonly serverCpuSeconds: number;
};

export type TeamBenchDatabase = {
  readonly size: CaseloadSize;
  readonly server: PostgresServer;
  readonly ownerUrl: string;
  readonly navigators: readonly TeamPerson[];
  readonly supervisor: TeamPerson;
  /** Each step of making it, or null when the cached database was used. */
  readonly generation: Readonly<Record<string, StepTime>> | null;
  readonly folder: string;
};

type People = { readonly navigators: TeamPerson[]; readonly supervisor: TeamPerson };

const navigatorLogin = (index: number) => `nav${String(index + 1).padStart(3, '0')}`;

function urlAs(ownerUrl: string, login: string, password: string): string {
  const address = new URL(ownerUrl);
  address.username = login;
  address.password = password;
  return address.toString();
}

/** Logins and passwords of invented people on a bench server, kept beside its data (mode 0600). */
async function addPeople(ownerUrl: string, navigatorCount: number): Promise<People> {
  const add = async (login: string, fullName: string, role: string): Promise<TeamPerson> => {
    const password = await addTeamMember(ownerUrl, { login, fullName, role });
    return { login, fullName, url: urlAs(ownerUrl, login, password) };
  };
  // A few at a time: each is a connection, a SCRAM exchange and a transaction.
  const navigators: TeamPerson[] = [];
  for (let first = 0; first < navigatorCount; first += 8) {
    const batch = Array.from({ length: Math.min(8, navigatorCount - first) }, (_, offset) => first + offset);
    navigators.push(
      ...(await Promise.all(
        batch.map((index) => add(navigatorLogin(index), `Navigator ${index + 1}`, 'navigator')),
      )),
    );
  }
  return { navigators, supervisor: await add('lead1', 'Lead Supervisor', 'supervisor') };
}

/** The URL of the cached file's people on this run's port (the server picks a free one each start). */
function onPort(url: string, ownerUrl: string): string {
  const address = new URL(url);
  address.port = new URL(ownerUrl).port;
  return address.toString();
}

export async function ensureTeamBenchDatabase(
  cases: number,
  navigatorCount: number,
  log: (line: string) => void,
): Promise<TeamBenchDatabase> {
  const size = caseloadOfSize(cases);
  const folder = resolve(join(benchCacheFolder(), `${generatorVersion}-${cases}-${navigatorCount}`));
  const peopleFile = join(folder, 'people.json');
  const doneMarker = join(folder, 'complete.json');
  const isCached = existsSync(doneMarker);
  if (!isCached) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    log(`Making the team database in ${folder} (cached for later runs)…`);
  }
  const server = await startPostgresServer({
    keptDataDirectory: join(folder, 'postgres'),
    settings: serverSettings,
  });
  const ownerUrl = server.urlOf(databaseName);
  if (isCached) {
    const applied = await initTeamDatabase(ownerUrl);
    if (applied.length > 0) log(`  applied ${applied.join(', ')} to the cached team database`);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    await letTeamMembersCheckTheSchema(client);
    await client.end();
    const people = JSON.parse(readFileSync(peopleFile, 'utf8')) as People;
    const here = (person: TeamPerson) => ({ ...person, url: onPort(person.url, ownerUrl) });
    return {
      size,
      server,
      ownerUrl,
      navigators: people.navigators.map(here),
      supervisor: here(people.supervisor),
      generation: null,
      folder,
    };
  }

  const generation: Record<string, StepTime> = {};
  const step = async (name: string, work: () => Promise<unknown>) => {
    log(`  ${name}…`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const serverBefore = serverCpuSeconds(server.pid()!);
    await work();
    const cpu = process.cpuUsage(cpuBefore);
    const time: StepTime = {
      wallSeconds: (performance.now() - started) / 1000,
      benchCpuSeconds: (cpu.user + cpu.system) / 1e6,
      serverCpuSeconds: serverCpuSeconds(server.pid()!) - serverBefore,
    };
    generation[name] = time;
    log(
      `  ${name}: ${time.wallSeconds.toFixed(1)} s (CPU: bench ${time.benchCpuSeconds.toFixed(1)} s, server ${time.serverCpuSeconds.toFixed(1)} s)`,
    );
  };
  await step('create the database and team init', async () => {
    const client = new pg.Client({ connectionString: server.urlOf('postgres') });
    await client.connect();
    await client.query(`CREATE DATABASE ${databaseName}`);
    await client.end();
    await initTeamDatabase(ownerUrl);
  });
  let people: People | null = null;
  await step(`add ${navigatorCount} navigators and a supervisor`, async () => {
    people = await addPeople(ownerUrl, navigatorCount);
    writeFileSync(peopleFile, JSON.stringify(people, null, 2), { mode: 0o600 });
  });
  const { navigators, supervisor } = people!;
  await fillTeamDatabase(
    ownerUrl,
    size,
    navigators.map((person) => person.login),
    { log, step },
  );
  writeFileSync(doneMarker, JSON.stringify({ size, generation, madeAt: new Date().toISOString() }, null, 2));
  return { size, server, ownerUrl, navigators, supervisor, generation, folder };
}

/** How long the cached database took to make, as recorded when it was made. */
export function recordedTeamGeneration(folder: string): Readonly<Record<string, StepTime>> | null {
  const marker = join(folder, 'complete.json');
  if (!existsSync(marker)) return null;
  return (JSON.parse(readFileSync(marker, 'utf8')) as { generation: Record<string, StepTime> }).generation;
}
