import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTeamMember } from '../../src/core/team/team-administration';
import {
  addClientWithCase,
  createTeamTestDatabase,
  urlAs,
  type TeamTestDatabase,
} from '../helpers/team-database';

// An organisation's owner on a managed server is no superuser (PostgreSQL exempts superusers from
// every policy): here the owner is an ordinary login with CREATEROLE, as on such a service.

let team: TeamTestDatabase;
let ownerUrl: string;

const connect = (url: string) => team.connect(url);

beforeAll(async () => {
  team = await createTeamTestDatabase({ isOwnerSuperuser: false });
  ownerUrl = team.ownerUrl;
});

afterAll(async () => {
  await team.drop();
});

describe('a team database whose owner is not a superuser', () => {
  it('shows the owner’s own connection no client data and no audit trail, while the trail is written', async () => {
    const login = `nia_${randomBytes(3).toString('hex')}`;
    const password = await addTeamMember(ownerUrl, { login, fullName: 'Nia Navigator', role: 'navigator' });
    await addClientWithCase(await connect(urlAs(team.database.url, login, password)), 'Omar Ortiz');

    const asOwner = await connect(ownerUrl);
    const counts = async (client: pg.Client) =>
      (
        await client.query<{ clients: number; cases: number; search: number; trail: number }>(
          `SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM cases)::int AS cases,
                  (SELECT (SELECT count(*) FROM client_search) + (SELECT count(*) FROM case_search)
                        + (SELECT count(*) FROM event_search))::int AS search,
                  (SELECT count(*) FROM team_audit_log)::int + (SELECT count(*) FROM team_audit_pending)::int AS trail`,
        )
      ).rows[0];
    expect(await counts(asOwner)).toEqual({ clients: 0, cases: 0, search: 0, trail: 0 });
    // Nor may it write the chain: only the sealing function does (migration 0196).
    await expect(
      asOwner.query(
        `INSERT INTO team_audit_log (id, actor, at, table_name, row_id, action, content_hash, entry_hash)
         VALUES (1000000, 'x', 'x', 'cases', 1, 'insert', 'x', 'x')`,
      ),
    ).rejects.toThrow(/row-level security/);
    expect((await asOwner.query(`UPDATE team_audit_head SET last_hash = 'x'`)).rowCount).toBe(0);

    // Maintenance (what `team init` connects with) sees everything, the trail too (sealed or not yet:
    // psql's writes wait for the next sealing, migration 0196).
    const maintenance = new URL(ownerUrl);
    maintenance.searchParams.set('options', '-c advocase.owner_maintenance=on');
    const asMaintenance = await connect(maintenance.toString());
    expect(await counts(asMaintenance)).toMatchObject({ clients: 1, cases: 1, search: 3 });
    expect((await counts(asMaintenance))!.trail).toBeGreaterThanOrEqual(6);
  });
});
