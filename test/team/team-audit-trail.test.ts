import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTeamAuditTrail } from '../../src/core/team/team-audit-trail';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

let team: TeamTestDatabase;
let alice: TeamPerson;
let sam: TeamPerson;

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
});

afterAll(() => team.drop());

describe('the team audit trail, written by the database', () => {
  it('records the real person for a change made with any SQL client, in a chain the app’s verifier accepts', async () => {
    const asAlice = await team.connect(alice.url);
    // Two clients' worth of rows, one of them with a quote, a backslash, a newline and an accent,
    // which the trigger's JSON must escape exactly as JSON.stringify does.
    const rows = await addClientWithCase(asAlice, 'Zoë "Z" O\\Neil\nsecond line');
    await asAlice.query(`UPDATE cases SET priority = 'high' WHERE id = $1`, [rows.caseId]);
    await asAlice.query('DELETE FROM events WHERE id = $1', [rows.eventId]);

    const asSam = await team.connect(sam.url);
    const { rows: entries } = await asSam.query(
      `SELECT actor, full_name, table_name, action, row_id::int FROM team_audit_log
       WHERE table_name IN ('clients', 'cases', 'events') ORDER BY id`,
    );
    expect(entries).toEqual([
      {
        actor: alice.login,
        full_name: alice.fullName,
        table_name: 'clients',
        action: 'insert',
        row_id: rows.clientId,
      },
      {
        actor: alice.login,
        full_name: alice.fullName,
        table_name: 'cases',
        action: 'insert',
        row_id: rows.caseId,
      },
      {
        actor: alice.login,
        full_name: alice.fullName,
        table_name: 'events',
        action: 'insert',
        row_id: rows.eventId,
      },
      {
        actor: alice.login,
        full_name: alice.fullName,
        table_name: 'cases',
        action: 'update',
        row_id: rows.caseId,
      },
      {
        actor: alice.login,
        full_name: alice.fullName,
        table_name: 'events',
        action: 'delete',
        row_id: rows.eventId,
      },
    ]);
    const verification = await verifyTeamAuditTrail(asSam);
    expect(verification).toMatchObject({ isIntact: true, firstBroken: null });
    expect(verification.entriesChecked).toBeGreaterThanOrEqual(8);
  });

  it('is not the navigators’ to read or write', async () => {
    const asAlice = await team.connect(alice.url);
    await expect(asAlice.query('SELECT count(*) FROM team_audit_log')).rejects.toThrow(/permission denied/);
    await expect(asAlice.query(`DELETE FROM team_audit_log`)).rejects.toThrow(/permission denied/);
  });

  it('shows a row changed afterwards, and the newest entries cut off', async () => {
    const asOwner = await team.connect(team.ownerUrl);
    const asSam = await team.connect(sam.url);
    await asOwner.query('BEGIN');
    await asOwner.query(
      `UPDATE team_audit_log SET after = replace(after, 'high', 'low') WHERE table_name = 'cases' AND action = 'update'`,
    );
    const tampered = await verifyTeamAuditTrail(asOwner);
    expect(tampered.isIntact).toBe(false);
    expect(tampered.message).toMatch(/content was changed after it was written/);
    await asOwner.query('ROLLBACK');
    expect((await verifyTeamAuditTrail(asSam)).isIntact).toBe(true);

    await asOwner.query(`DELETE FROM team_audit_log WHERE id = (SELECT max(id) FROM team_audit_log)`);
    expect((await verifyTeamAuditTrail(asSam)).message).toMatch(/it was removed/);
  });
});
