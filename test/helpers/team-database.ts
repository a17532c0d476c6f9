import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { addTeamMember, initTeamDatabase } from '../../src/core/team/team-administration';
import type { TeamRole } from '../../src/core/team/team-roles';
import type { TeamConnectionInput } from '../../src/shared/schemas/team';
import { createPostgresTestDatabase, type PostgresTestDatabase } from './postgres-database';

/**
 * A team database for a test: a migrated test database (team schema included), its owner's URL,
 * and people added as `advocase team add-user` adds them. Logins are server-wide in PostgreSQL,
 * so each gets a random suffix and test files running at once never collide.
 */
export type TeamTestDatabase = {
  readonly database: PostgresTestDatabase;
  readonly ownerUrl: string;
  /** Adds a person and returns their login and the URL that connects as them. */
  readonly addPerson: (name: string, role: TeamRole) => Promise<TeamPerson>;
  /** A plain `pg` client connected with that URL, ended when the test file's databases are dropped. */
  readonly connect: (url: string) => Promise<pg.Client>;
  readonly drop: () => Promise<void>;
};

export type TeamPerson = { readonly login: string; readonly fullName: string; readonly url: string };

export function urlAs(url: string, login: string, password: string): string {
  const address = new URL(url);
  address.username = login;
  address.password = password;
  return address.toString();
}

/**
 * The database owned by an ordinary login with CREATEROLE, as on a managed service, rather than by
 * the server's superuser (whom PostgreSQL exempts from every policy): its own connection, and every
 * function that runs as the owner, is held to the forced policies.
 */
async function handToOrdinaryOwner(database: PostgresTestDatabase, asSuperuser: pg.Client): Promise<string> {
  const owner = `owner_${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await asSuperuser.query(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${password}'`);
  // To end a disabled person's sessions (docs/team-mode.md, "What the server needs").
  await asSuperuser.query(`GRANT pg_signal_backend TO ${owner}`);
  await asSuperuser.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} OWNER TO ${owner}`);
  // The group roles are the server's; made by another database's owner here, so this one is given
  // the right to add people to them, as the first owner would have.
  await initTeamDatabase(database.url);
  for (const role of ['navigator', 'supervisor', 'viewer', 'admin', 'search']) {
    await asSuperuser.query(`GRANT advocase_${role} TO ${owner} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE`);
  }
  await asSuperuser.query(`DROP SCHEMA public CASCADE`);
  await asSuperuser.query(`CREATE SCHEMA public AUTHORIZATION ${owner}`);
  const ownerUrl = urlAs(database.url, owner, password);
  await initTeamDatabase(ownerUrl);
  return ownerUrl;
}

export async function createTeamTestDatabase(
  options: { readonly isOwnerSuperuser: boolean } = { isOwnerSuperuser: true },
): Promise<TeamTestDatabase> {
  const database = await createPostgresTestDatabase({ migrated: options.isOwnerSuperuser });
  const clients: pg.Client[] = [];
  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  };
  const ownerUrl = options.isOwnerSuperuser
    ? database.url
    : await handToOrdinaryOwner(database, await connect(database.url));
  return {
    database,
    ownerUrl,
    connect,
    addPerson: async (name, role) => {
      const login = `${name}_${randomBytes(3).toString('hex')}`;
      const fullName = `${name[0]!.toUpperCase()}${name.slice(1)} Tester`;
      const password = await addTeamMember(database.url, { login, fullName, role });
      return { login, fullName, url: urlAs(database.url, login, password) };
    },
    drop: async () => {
      for (const client of clients.splice(0)) await client.end().catch(() => undefined);
      await database.drop();
    },
  };
}

const now = '2026-12-07T10:00:00.000Z';

/** A client with one case, one timeline event and one document linked to the case, written as that person. */
export async function addClientWithCase(client: pg.Client, clientName: string) {
  const one = async (text: string, values: unknown[]) => {
    const { rows } = await client.query<{ id: string }>(text, values);
    return Number(rows[0]!.id);
  };
  const clientId = await one(
    'INSERT INTO clients (full_name, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id',
    [clientName, now],
  );
  const caseId = await one(
    `INSERT INTO cases (client_id, treatment, stage, opened_on, created_at, updated_at)
     VALUES ($1, 'MRI', 'denied', '2026-12-01', $2, $2) RETURNING id`,
    [clientId, now],
  );
  const eventId = await one(
    `INSERT INTO events (case_id, type, occurred_at, summary, created_at)
     VALUES ($1, 'call', $2, $3, $2) RETURNING id`,
    [caseId, now, `Called the plan about ${clientName}`],
  );
  const blobId = await one(
    `INSERT INTO vault_blobs (storage_id, plaintext_sha256, size_bytes, created_at)
     VALUES ($1, $1, 10, $2) RETURNING id`,
    [randomBytes(8).toString('hex'), now],
  );
  const documentId = await one(
    `INSERT INTO documents (blob_id, file_name, media_type, document_type, suggested_type, text_status, created_at, updated_at)
     VALUES ($1, $2, 'application/pdf', 'denial_letter', 'denial_letter', 'none', $3, $3) RETURNING id`,
    [blobId, `${clientName} denial.pdf`, now],
  );
  await client.query('INSERT INTO document_cases (document_id, case_id) VALUES ($1, $2)', [
    documentId,
    caseId,
  ]);
  return { clientId, caseId, eventId, documentId, blobId };
}

/** What a person would type on Settings → Team for a `postgres://` URL of the test server (on this computer, so no TLS). */
export function connectionInputOf(url: string): TeamConnectionInput {
  const address = new URL(url);
  return {
    host: address.hostname,
    port: Number(address.port),
    database: decodeURIComponent(address.pathname.slice(1)),
    user: decodeURIComponent(address.username),
    password: decodeURIComponent(address.password),
    tlsMode: 'disable',
  };
}
