import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import { verifyTeamAuditTrail } from '../../src/core/team/team-audit-trail';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';
import { waitingForALock } from '../helpers/lock-waits';

let team: TeamTestDatabase;
let alice: TeamPerson;
let sam: TeamPerson;

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
});

afterAll(() => team.drop());

const addCall = async (client: pg.Client, caseId: number, summary: string) =>
  Number(
    (
      await client.query<{ id: string }>(
        `INSERT INTO events (case_id, type, occurred_at, summary, created_at)
         VALUES ($1, 'call', '2026-12-07T10:00:00.000Z', $2, '2026-12-07T10:00:00.000Z') RETURNING id`,
        [caseId, summary],
      )
    ).rows[0]!.id,
  );

/** Each events entry of the sealed chain for these rows, in chain order. */
const chainedCalls = async (client: pg.Client, eventIds: number[]) =>
  (
    await client.query<{ actor: string; full_name: string; row_id: number }>(
      `SELECT actor, full_name, row_id::int FROM team_audit_log
       WHERE table_name = 'events' AND row_id = ANY ($1::bigint[]) ORDER BY id`,
      [eventIds],
    )
  ).rows;

describe('the team audit trail, written by the database', () => {
  it('records the real person for a change made with any SQL client, in a chain the app’s verifier accepts', async () => {
    const asAlice = await team.connect(alice.url);
    // Two clients' worth of rows, one of them with a quote, a backslash, a newline and an accent,
    // which the trigger's JSON must escape exactly as JSON.stringify does.
    const rows = await addClientWithCase(asAlice, 'Zoë "Z" O\\Neil\nsecond line');
    await asAlice.query(`UPDATE cases SET priority = 'high' WHERE id = $1`, [rows.caseId]);
    await asAlice.query('DELETE FROM events WHERE id = $1', [rows.eventId]);

    // Written with psql-like SQL, not the app: the entries wait for the next sealing, which the
    // verifier does before it checks (migration 0196).
    const asSam = await team.connect(sam.url);
    const verification = await verifyTeamAuditTrail(asSam);
    expect(verification).toMatchObject({ isIntact: true, firstBroken: null });
    expect(verification.entriesChecked).toBeGreaterThanOrEqual(8);
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
  });

  it('is not the navigators’ to read or write', async () => {
    const asAlice = await team.connect(alice.url);
    await expect(asAlice.query('SELECT count(*) FROM team_audit_log')).rejects.toThrow(/permission denied/);
    await expect(asAlice.query(`DELETE FROM team_audit_log`)).rejects.toThrow(/permission denied/);
    await expect(asAlice.query('SELECT count(*) FROM team_audit_pending')).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      asAlice.query(
        `INSERT INTO team_audit_pending (actor, at, table_name, row_id, action) VALUES ('x', 'x', 'cases', 1, 'insert')`,
      ),
    ).rejects.toThrow(/permission denied/);
    // Supervisors read the chain; only the sealing function writes it.
    const asSam = await team.connect(sam.url);
    await expect(asSam.query(`UPDATE team_audit_log SET entry_hash = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asSam.query(`UPDATE team_audit_head SET last_hash = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('lets a second writer commit while the first one’s transaction is still open, and seals both in commit order', async () => {
    const bob = await team.addPerson('bob', 'navigator');
    const asAlice = await team.connect(alice.url);
    const asBob = await team.connect(bob.url);
    const asOwner = await team.connect(team.ownerUrl);
    const asSam = await team.connect(sam.url);
    const alicesCase = await addClientWithCase(asAlice, 'Ada Ames');
    const bobsCase = await addClientWithCase(asBob, 'Ben Brown');
    const bobsPid = (await asBob.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

    await asAlice.query('BEGIN');
    const alicesCall = await addCall(asAlice, alicesCase.caseId, 'Alice called the plan');
    let bobIsDone = false;
    const bobsWrite = (async () => {
      await asBob.query('BEGIN');
      const id = await addCall(asBob, bobsCase.caseId, 'Bob called the plan');
      await asBob.query('COMMIT');
      return id;
    })().finally(() => {
      bobIsDone = true;
    });
    const first = await Promise.race([
      bobsWrite.then(() => 'Bob committed' as const),
      waitingForALock(asOwner, bobsPid, () => bobIsDone),
    ]);
    expect(first).toBe('Bob committed');
    const bobsCall = await bobsWrite;

    // Sealed while Alice's entry, written first, is still uncommitted: Bob's goes into the chain
    // first and Alice's, committed after, is sealed after it.
    await asSam.query('SELECT advocase_team_seal_audit_trail()');
    expect(await chainedCalls(asSam, [alicesCall, bobsCall])).toEqual([
      { actor: bob.login, full_name: bob.fullName, row_id: bobsCall },
    ]);
    await asAlice.query('COMMIT');
    const verification = await verifyTeamAuditTrail(asSam);
    expect(verification).toMatchObject({ isIntact: true, firstBroken: null });
    expect(await chainedCalls(asSam, [alicesCall, bobsCall])).toEqual([
      { actor: bob.login, full_name: bob.fullName, row_id: bobsCall },
      { actor: alice.login, full_name: alice.fullName, row_id: alicesCall },
    ]);
  });

  it('is sealed by the app as soon as its transaction commits', async () => {
    const db = openPostgresConnection<unknown>({ url: alice.url });
    try {
      const caseId = Number(
        (await sql<{ id: number }>`SELECT id FROM cases ORDER BY id LIMIT 1`.execute(db)).rows[0]!.id,
      );
      const eventId = await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ id: number }>`
          INSERT INTO events (case_id, type, occurred_at, summary, created_at)
          VALUES (${caseId}, 'call', '2026-12-07T11:00:00.000Z', 'Through the app', '2026-12-07T11:00:00.000Z')
          RETURNING id`.execute(trx);
        return Number(rows[0]!.id);
      });
      const asSam = await team.connect(sam.url);
      const { rows } = await asSam.query<{ pending: number }>(
        'SELECT count(*)::int AS pending FROM team_audit_pending',
      );
      expect(rows[0]!.pending).toBe(0);
      expect(await chainedCalls(asSam, [eventId])).toEqual([
        { actor: alice.login, full_name: alice.fullName, row_id: eventId },
      ]);
    } finally {
      await db.destroy();
    }
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
