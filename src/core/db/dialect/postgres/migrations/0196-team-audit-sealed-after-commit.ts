import { sql, type Kysely } from 'kysely';
import { sealTeamAuditTrailFunction } from '../seal-team-audit-trail-after-commit';

/**
 * The team's audit trail without a queue (docs/team-mode.md, "The audit trail"; issue #15). 0146's
 * trigger linked each entry into the chain as it was written, so it locked the chain's head row
 * (`team_audit_head`) from a transaction's first audited write to its commit: every write of the
 * team waited for every other one's commit, and two saves could deadlock on it.
 *
 * Now the trigger only appends what happened, who did it and when (the same person: `session_user`
 * and their full name) to `team_audit_pending`, under a sequence that needs no lock. The chain is
 * sealed after commit, by `advocase_team_seal_audit_trail()`: it takes the committed entries not
 * yet in the chain, in the order they were written, gives each the next chain position (the
 * `team_audit_log.id` the verifier walks, still without gaps: a rolled-back write never reaches
 * the sealer) and links it exactly as 0146 did (the local audit log's hashes,
 * `src/core/db/audit-chain.ts`). An entry whose transaction commits later is sealed later, after
 * entries written after it: the chain's order is the order of sealing, which is what it protects.
 *
 * One sealer at a time: a transaction-scoped advisory lock taken with `pg_try_advisory_xact_lock`,
 * so a second caller returns at once rather than wait (the first, or the next write's sealing,
 * takes its entries). The app calls it after each commit of its own (the PostgreSQL driver,
 * `seal-team-audit-trail-after-commit.ts`), `advocase team verify-audit` before it checks; an
 * entry written with another program is sealed by the next of these.
 *
 * Only the sealer writes the chain: the owner's policy on `team_audit_log` and `team_audit_head`
 * now lets the owner in only while `advocase.audit_sealing` is on, which the sealing function turns
 * on for its own run (set_config: a function's SET clause may not name a custom setting unless a
 * superuser creates it), and only the trigger and the sealer reach the pending entries.
 */

/** Any number, the same for every copy: the lock the sealer takes (the app's own chain uses 4_115_370_021). */
const sealingLock = 4_115_370_196;

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string; owner: string }>`
    SELECT current_schema() AS schema, current_user AS owner`.execute(db);
  const { schema, owner } = rows[0]!;
  const definer = `SECURITY DEFINER SET search_path = "${schema}", pg_temp`;
  await sql`
    CREATE TABLE team_audit_pending (
      written bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor text NOT NULL,
      full_name text,
      at text NOT NULL,
      table_name text NOT NULL,
      row_id bigint NOT NULL,
      action text NOT NULL,
      before text,
      after text
    )`.execute(db);

  // 0146's trigger, minus the chain: the same row, person and time, appended without a lock.
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION advocase_team_audit() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$
       DECLARE
         written jsonb := to_jsonb(coalesce(NEW, OLD));
         actor text := session_user::text;
       BEGIN
         INSERT INTO team_audit_pending (actor, full_name, at, table_name, row_id, action, before, after)
         VALUES (actor, (SELECT full_name FROM team_members WHERE login = actor),
           to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           TG_TABLE_NAME,
           coalesce(written->>'id', written->>'case_id', written->>'client_id', '0')::bigint,
           lower(TG_OP),
           CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE row_to_json(OLD)::text END,
           CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE row_to_json(NEW)::text END);
         RETURN NULL;
       END $fn$`,
    )
    .execute(db);

  // Passes until one finds nothing new: an entry committed while a pass ran is taken by the next
  // (each statement here reads what is committed when it starts).
  await sql
    .raw(
      `CREATE FUNCTION ${sealTeamAuditTrailFunction}() RETURNS integer LANGUAGE plpgsql ${definer} AS $fn$
       DECLARE
         head team_audit_head%ROWTYPE;
         entry team_audit_pending%ROWTYPE;
         pass integer;
         salt text;
         content_hash text;
         sealed integer := 0;
       BEGIN
         PERFORM set_config('advocase.audit_sealing', 'on', true);
         -- Nothing to seal (most commits): return without taking the lock at all.
         IF NOT EXISTS (SELECT 1 FROM team_audit_pending) THEN
           PERFORM set_config('advocase.audit_sealing', 'off', true);
           RETURN 0;
         END IF;
         IF NOT pg_try_advisory_xact_lock(${sealingLock}) THEN
           PERFORM set_config('advocase.audit_sealing', 'off', true);
           RETURN 0;
         END IF;
         SELECT * INTO head FROM team_audit_head FOR UPDATE;
         LOOP
           pass := 0;
           FOR entry IN SELECT * FROM team_audit_pending ORDER BY written LOOP
             salt := replace(gen_random_uuid()::text, '-', '');
             content_hash := advocase_team_sha256_of_json_array(
               to_json('advocase-audit-content/v1'::text)::text, to_json(salt)::text,
               coalesce(to_json(entry.before)::text, 'null'), coalesce(to_json(entry.after)::text, 'null'));
             head.last_id := head.last_id + 1;
             head.last_hash := advocase_team_sha256_of_json_array(
               to_json('advocase-audit-entry/v1'::text)::text, to_json(coalesce(head.last_hash, ''))::text,
               to_json(entry.actor)::text, to_json(entry.at)::text, to_json(entry.table_name)::text,
               entry.row_id::text, to_json(entry.action)::text, to_json(content_hash)::text);
             INSERT INTO team_audit_log
               (id, actor, full_name, at, table_name, row_id, action, before, after, content_salt, content_hash, entry_hash)
             VALUES (head.last_id, entry.actor, entry.full_name, entry.at, entry.table_name, entry.row_id,
               entry.action, entry.before, entry.after, salt, content_hash, head.last_hash);
             -- Exactly the entry sealed: one committed meanwhile, even with a lower number, waits for the next pass.
             DELETE FROM team_audit_pending WHERE written = entry.written;
             pass := pass + 1;
           END LOOP;
           EXIT WHEN pass = 0;
           sealed := sealed + pass;
         END LOOP;
         UPDATE team_audit_head SET last_id = head.last_id, last_hash = head.last_hash;
         PERFORM set_config('advocase.audit_sealing', 'off', true);
         RETURN sealed;
       END $fn$`,
    )
    .execute(db);
  await sql.raw(`REVOKE ALL ON FUNCTION ${sealTeamAuditTrailFunction}() FROM PUBLIC`).execute(db);
  // Whoever can write (and so leave entries to seal) or verify may seal; the function takes nothing from them.
  await sql
    .raw(
      `GRANT EXECUTE ON FUNCTION ${sealTeamAuditTrailFunction}()
       TO advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`,
    )
    .execute(db);

  // Supervisors read what is not sealed yet too; the owner reaches the pending entries only from
  // the trigger (to append) and the sealer (to take them), or for maintenance.
  await sql`GRANT SELECT ON team_audit_pending TO advocase_supervisor`.execute(db);
  const sealing = `current_setting('advocase.audit_sealing', true) = 'on'`;
  const maintenance = `current_setting('advocase.owner_maintenance', true) = 'on'`;
  await sql`ALTER TABLE team_audit_pending ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE team_audit_pending FORCE ROW LEVEL SECURITY`.execute(db);
  await sql
    .raw(
      `CREATE POLICY team_read ON team_audit_pending FOR SELECT TO advocase_supervisor
       USING (advocase_team_session_role() = 'supervisor')`,
    )
    .execute(db);
  const pendingWay = `pg_trigger_depth() > 0 OR ${sealing} OR ${maintenance}`;
  await sql
    .raw(
      `CREATE POLICY team_trigger ON team_audit_pending TO "${owner}" USING (${pendingWay}) WITH CHECK (${pendingWay})`,
    )
    .execute(db);
  for (const table of ['team_audit_log', 'team_audit_head']) {
    await sql.raw(`DROP POLICY team_trigger ON ${table}`).execute(db);
    await sql
      .raw(
        `CREATE POLICY team_sealer ON ${table} TO "${owner}" USING (${sealing} OR ${maintenance}) WITH CHECK (${sealing} OR ${maintenance})`,
      )
      .execute(db);
  }
}
