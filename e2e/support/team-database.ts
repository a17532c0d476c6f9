import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { addTeamMember, initTeamDatabase } from '../../src/core/team/team-administration';
import type { TeamRole } from '../../src/core/team/team-roles';
import { startPostgresServer, type PostgresServer } from '../../test/helpers/postgres-server';
import { startHarnessProcess, type HarnessProcess } from './harness-process';

/** A person of the team: their login, full name and the URL that connects as them. */
export type TeamPerson = { readonly login: string; readonly fullName: string; readonly url: string };

/**
 * A team database for an e2e spec, made as an organisation makes one (docs/team-mode.md, "Setting
 * up"): a PostgreSQL server of its own (the embedded one the unit tests use, so it can be stopped
 * and started again), a database brought up by `team init` as its owner, people added as
 * `advocase team add-user` adds them, and web harnesses started on it, each as one person (its
 * own ADVOCASE_DATABASE_URL), as each navigator's copy of Advocase would be.
 */
export type TeamDatabase = {
  /** The owner's URL (the login that ran `team init`). */
  readonly ownerUrl: string;
  /** The server itself: `stopForAWhile` and `startAgain` take the team database away and back. */
  readonly server: PostgresServer;
  addPerson(login: string, role: TeamRole, fullName: string): Promise<TeamPerson>;
  /** A web harness connected as that person (its own data folder, removed when it stops). */
  startHarness(person: TeamPerson): Promise<HarnessProcess>;
  /** Runs SQL as someone (setup a spec is not about), on a connection closed afterwards. */
  query(url: string, text: string, values?: readonly unknown[]): Promise<pg.QueryResult>;
  /** Stops every harness started here, then the server, and removes their folders. */
  stop(): Promise<void>;
};

function urlAs(url: string, login: string, password: string): string {
  const address = new URL(url);
  address.username = login;
  address.password = password;
  return address.toString();
}

export async function startTeamDatabase(): Promise<TeamDatabase> {
  const server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.urlOf('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE advocase_team');
  await admin.end();
  const ownerUrl = server.urlOf('advocase_team');
  await initTeamDatabase(ownerUrl);
  const harnesses: { harness: HarnessProcess; dataDirectory: string }[] = [];
  return {
    ownerUrl,
    server,
    addPerson: async (login, role, fullName) => {
      const password = await addTeamMember(ownerUrl, { login, role, fullName });
      return { login, fullName, url: urlAs(ownerUrl, login, password) };
    },
    startHarness: async (person) => {
      const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-e2e-team-'));
      const harness = await startHarnessProcess({
        ADVOCASE_DATA_DIR: dataDirectory,
        ADVOCASE_DATABASE_URL: person.url,
      });
      harnesses.push({ harness, dataDirectory });
      return harness;
    },
    query: async (url, text, values = []) => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return await client.query(text, [...values]);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      for (const { harness, dataDirectory } of harnesses.splice(0)) {
        await harness.stop();
        rmSync(dataDirectory, { recursive: true, force: true });
      }
      await server.stop();
    },
  };
}

/** One person's window: their own browser context, on the address their harness printed. */
export async function openCopyOf(team: TeamDatabase, browser: Browser, person: TeamPerson): Promise<Page> {
  const harness = await team.startHarness(person);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
  return page;
}

/** A client with an open case, made by that person with their own login (the database assigns it). */
export async function caseOf(team: TeamDatabase, person: TeamPerson, clientName: string): Promise<number> {
  const at = new Date().toISOString();
  const client = await team.query(
    person.url,
    'INSERT INTO clients (full_name, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id',
    [clientName, at],
  );
  const opened = await team.query(
    person.url,
    `INSERT INTO cases (client_id, treatment, payer, stage, opened_on, created_at, updated_at)
     VALUES ($1, 'tms', 'Aetna', 'intake', $2, $3, $3) RETURNING id`,
    [(client.rows[0] as { id: number }).id, at.slice(0, 10), at],
  );
  return Number((opened.rows[0] as { id: number }).id);
}
