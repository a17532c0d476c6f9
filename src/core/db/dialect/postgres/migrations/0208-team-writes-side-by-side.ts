import { sql, type Kysely } from 'kysely';
import {
  afterCommitFunction,
  sealAuditLogFunction,
  sealTeamAuditTrailFunction,
} from '../seal-team-audit-trail-after-commit';

/**
 * Two people's saves to different cases no longer wait for each other (issue #15; docs/team-mode.md,
 * "The app's own audit log, and saving side by side"). After 0196 freed the database's own trail,
 * three things still made every save of the team wait for the one before it to commit:
 *
 * - **The app's own audit log** (`audit_log`, what history, Undo and a coverage's history read)
 *   linked each entry to the last one as it was written, so a writer held the log's turn (an
 *   advisory lock, `postgres-chain-append.ts`) from its first audited write to its commit. Its
 *   entries are now written with their content hash and no link (`entry_hash` is '' until then),
 *   and linked after commit, as 0196 seals the trail: `advocase_team_seal_audit_log()` takes the
 *   committed entries not yet linked, in the order of their ids, gives each the next position of
 *   the chain (`audit_log_chain`, without gaps, as the verifier walks it: an entry's id keeps the
 *   gaps a rolled-back write leaves, and its order of writing, which is not its order of commit)
 *   and its entry hash, with the same SQL function (`advocase_audit_entry_hash`, the hashes of
 *   audit-chain.ts) that linked it before. A blanking entry is always sealed after the entries it
 *   blanks: those were committed before it was written, so their ids are lower and they are
 *   sealed in an earlier pass or earlier in the same one.
 * - **The caseload's change count** (0103's one `caseload_changes` row) was moved by every change
 *   to a caseload entry and so locked by each writing transaction until it ended. Each change now
 *   adds a row to `caseload_change_marks` (an insert locks nothing another writer needs); the
 *   count is the row's number plus the marks (`advocase_caseload_generation()`), and the marks are
 *   folded into the row after commit, by whoever gets to it first, so they stay few.
 * - **The stage counts** (0101's `caseload_stage_counts`, a row per stage) and Outcomes' decision
 *   months (0205) were moved by every case update too, though its stage stayed: the caseload's
 *   refresh replaced a case's entry (delete, then insert), so the stage's row counted it out and
 *   in again, and the case's Outcomes facts were rebuilt. The refresh now updates the entry in
 *   place, and only when something in it differs; the stage counts follow a change of stage (their
 *   trigger already compares), and Outcomes' facts a change of what they copy from the entry.
 *
 * The seals and the fold happen after each commit of the app, in one call
 * (`advocase_team_after_commit()`, which also seals the trail as 0196 does); a change made with
 * another program is sealed and folded by the next one.
 */

/** Any numbers, the same for every copy: the try-locks of the log's sealer and of the fold (0196's is 4_115_370_196). */
const sealingLock = 4_115_370_208;
const foldingLock = 4_115_370_209;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ schema: string; owner: string }>`
    SELECT current_schema() AS schema, current_user AS owner`.execute(db);
  const { schema, owner } = rows[0]!;
  const definer = `SECURITY DEFINER SET search_path = "${schema}", pg_temp`;

  // The chain's positions, and where it ends. The entries written so far were linked as they
  // were written, in the order of their ids: they keep their hashes and take the first positions.
  // No foreign key to audit_log: its guard keeps every entry, and says so, which a key would not.
  await run(`
    CREATE TABLE audit_log_chain (
      position bigint PRIMARY KEY,
      audit_id bigint NOT NULL UNIQUE
    )`);
  await run(`CREATE TABLE audit_log_chain_head (last_position bigint NOT NULL, last_hash text)`);
  await run(
    `INSERT INTO audit_log_chain (position, audit_id) SELECT row_number() OVER (ORDER BY id), id FROM audit_log`,
  );
  await run(`
    INSERT INTO audit_log_chain_head (last_position, last_hash)
    SELECT count(*), (SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1) FROM audit_log`);
  await run(`CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE entry_hash = ''`);

  // Whatever link a writer sends, the sealer makes it: an entry is never outside the chain.
  await run(`
    CREATE OR REPLACE FUNCTION audit_log_inserted_chained() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.content_hash IS NULL OR NEW.entry_hash IS NULL THEN
        RAISE EXCEPTION 'Audit log entries are written only with their hashes (appendAuditEntry).';
      END IF;
      NEW.entry_hash := '';
      RETURN NEW;
    END $$`);
  // The baseline's guard, plus the sealer's one change: the link of an entry that has its place
  // in the chain and none yet, nothing else of it.
  await run(`
    CREATE OR REPLACE FUNCTION audit_log_only_blanked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF OLD.entry_hash = '' AND NEW.entry_hash <> ''
         AND NEW.id = OLD.id AND NEW.actor IS NOT DISTINCT FROM OLD.actor AND NEW.at IS NOT DISTINCT FROM OLD.at
         AND NEW.table_name IS NOT DISTINCT FROM OLD.table_name AND NEW.row_id IS NOT DISTINCT FROM OLD.row_id
         AND NEW.action IS NOT DISTINCT FROM OLD.action
         AND NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
         AND NEW.before IS NOT DISTINCT FROM OLD.before AND NEW.after IS NOT DISTINCT FROM OLD.after
         AND NEW.content_salt IS NOT DISTINCT FROM OLD.content_salt
         AND EXISTS (SELECT 1 FROM audit_log_chain WHERE audit_id = OLD.id) THEN
        RETURN NEW;
      END IF;
      IF NOT (
        NEW.id = OLD.id AND NEW.actor IS NOT DISTINCT FROM OLD.actor AND NEW.at IS NOT DISTINCT FROM OLD.at
        AND NEW.table_name IS NOT DISTINCT FROM OLD.table_name AND NEW.row_id IS NOT DISTINCT FROM OLD.row_id
        AND NEW.action IS NOT DISTINCT FROM OLD.action
        AND NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
        AND NEW.entry_hash IS NOT DISTINCT FROM OLD.entry_hash
        AND NEW.before IS NULL AND NEW.after IS NULL AND NEW.content_salt IS NULL
        AND EXISTS (
          SELECT 1 FROM audit_log AS blanking,
            jsonb_array_elements(coalesce(blanking.after::jsonb -> 'blanked' -> OLD.table_name, '[]')) AS listed
          WHERE blanking.action = 'blank' AND blanking.id > OLD.id AND listed = to_jsonb(OLD.row_id)
        )
      ) THEN
        RAISE EXCEPTION 'An audit log entry can only be blanked, and only when its record is deleted for good.';
      END IF;
      RETURN NEW;
    END $$`);

  // Passes until one finds nothing new, as 0196's sealer: each pass reads what is committed when it starts.
  await run(`
    CREATE FUNCTION ${sealAuditLogFunction}() RETURNS integer LANGUAGE plpgsql ${definer} AS $fn$
    DECLARE
      head audit_log_chain_head%ROWTYPE;
      entry record;
      pass integer;
      sealed integer := 0;
    BEGIN
      PERFORM set_config('advocase.audit_sealing', 'on', true);
      IF NOT EXISTS (SELECT 1 FROM audit_log WHERE entry_hash = '')
         OR NOT pg_try_advisory_xact_lock(${sealingLock}) THEN
        PERFORM set_config('advocase.audit_sealing', 'off', true);
        RETURN 0;
      END IF;
      SELECT * INTO head FROM audit_log_chain_head FOR UPDATE;
      LOOP
        pass := 0;
        FOR entry IN
          SELECT id, actor, at, table_name, row_id, action, content_hash
          FROM audit_log WHERE entry_hash = '' ORDER BY id
        LOOP
          head.last_position := head.last_position + 1;
          head.last_hash := advocase_audit_entry_hash(head.last_hash, entry.actor, entry.at,
            entry.table_name, entry.row_id, entry.action, entry.content_hash);
          INSERT INTO audit_log_chain (position, audit_id) VALUES (head.last_position, entry.id);
          UPDATE audit_log SET entry_hash = head.last_hash WHERE id = entry.id;
          pass := pass + 1;
        END LOOP;
        EXIT WHEN pass = 0;
        sealed := sealed + pass;
      END LOOP;
      UPDATE audit_log_chain_head SET last_position = head.last_position, last_hash = head.last_hash;
      PERFORM set_config('advocase.audit_sealing', 'off', true);
      RETURN sealed;
    END $fn$`);

  await run(`CREATE TABLE caseload_change_marks (changes bigint NOT NULL DEFAULT 1)`);
  await run(`
    CREATE OR REPLACE FUNCTION caseload_changes_follow_entries() RETURNS trigger LANGUAGE plpgsql ${definer} AS $$ BEGIN
      INSERT INTO caseload_change_marks DEFAULT VALUES;
      RETURN NULL;
    END $$`);
  // One statement, one snapshot: the row and the marks it has not taken in yet.
  await run(`
    CREATE FUNCTION advocase_caseload_generation() RETURNS bigint LANGUAGE sql STABLE ${definer} AS $$
      SELECT generation + (SELECT coalesce(sum(changes), 0) FROM caseload_change_marks)::bigint
      FROM caseload_changes
    $$`);

  await keepCaseloadEntriesInPlace(run);

  await run(`
    CREATE FUNCTION ${afterCommitFunction}() RETURNS void LANGUAGE plpgsql ${definer} AS $fn$
    BEGIN
      PERFORM ${sealTeamAuditTrailFunction}();
      PERFORM ${sealAuditLogFunction}();
      -- The marks committed so far go into the row in the statement that removes them, so the
      -- generation a reader sees is the same before and after.
      IF EXISTS (SELECT 1 FROM caseload_change_marks) AND pg_try_advisory_xact_lock(${foldingLock}) THEN
        WITH folded AS (DELETE FROM caseload_change_marks RETURNING changes)
        UPDATE caseload_changes SET generation = generation + (SELECT coalesce(sum(changes), 0) FROM folded);
      END IF;
    END $fn$`);

  for (const name of [sealAuditLogFunction, afterCommitFunction, 'advocase_caseload_generation']) {
    await run(`REVOKE ALL ON FUNCTION ${name}() FROM PUBLIC`);
  }
  // Whoever writes (and so leaves entries to seal and marks to fold) calls it after commit.
  await run(
    `GRANT EXECUTE ON FUNCTION ${afterCommitFunction}(), ${sealAuditLogFunction}()
     TO advocase_navigator, advocase_supervisor, advocase_viewer, advocase_admin`,
  );
  // The change count is a kept total of the whole team, read by supervisors only (0166).
  await run(`GRANT EXECUTE ON FUNCTION advocase_caseload_generation() TO advocase_supervisor`);
  await run(`GRANT SELECT ON audit_log_chain, audit_log_chain_head TO advocase_supervisor`);
  // The owner's own connection (team init) is held to audit_log's policies too (0145): let the
  // sealer through while it runs, as 0196 does for the trail.
  const sealing = `current_setting('advocase.audit_sealing', true) = 'on'`;
  await run(
    `CREATE POLICY team_sealer ON audit_log TO "${owner}" USING (${sealing}) WITH CHECK (${sealing})`,
  );
}

/** The entry columns of 0101's `advocase_caseload_refresh`, the key first. */
const entryColumns = [
  'case_id',
  'client_id',
  'client_name',
  'treatment',
  'treatment_detail',
  'payer',
  'plan_type',
  'stage',
  'stage_rank',
  'priority',
  'priority_rank',
  'is_urgent',
  'assigned_advocate',
  'opened_on',
  'updated_at',
  'quick_filter_text',
  'next_due_on',
  'overdue_count',
  'evidence_readiness',
];

async function keepCaseloadEntriesInPlace(run: (statement: string) => Promise<unknown>): Promise<void> {
  // 0101's rows, written over the entry that is there. Compared as text: citext columns would
  // call a change of letter case no change.
  await run(`
    CREATE OR REPLACE FUNCTION advocase_caseload_refresh(case_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM caseload_entries e WHERE e.case_id = ANY (case_ids) AND NOT EXISTS (
      SELECT 1 FROM cases c JOIN clients cl ON cl.id = c.client_id
      WHERE c.id = e.case_id AND c.deleted_at IS NULL AND cl.deleted_at IS NULL);
    INSERT INTO caseload_entries AS e (${entryColumns.join(', ')})
    SELECT c.id, c.client_id, cl.full_name, c.treatment, c.treatment_detail, coalesce(cv.payer, c.payer),
           cv.plan_type, c.stage,
           CASE c.stage WHEN 'intake' THEN 0 WHEN 'benefits_verification' THEN 1 WHEN 'evidence_gathering' THEN 2
             WHEN 'prior_auth_submitted' THEN 3 WHEN 'decision' THEN 4 WHEN 'denied' THEN 5
             WHEN 'internal_appeal_1' THEN 6 WHEN 'internal_appeal_2' THEN 7 WHEN 'external_review' THEN 8
             WHEN 'approved' THEN 9 WHEN 'alternative_funding' THEN 10 WHEN 'resolved' THEN 11 ELSE 12 END,
           c.priority,
           CASE c.priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 WHEN 'urgent' THEN 3 ELSE 4 END,
           c.is_urgent, c.assigned_advocate, c.opened_on, c.updated_at,
           concat_ws(' ', cl.full_name, coalesce(cv.payer, c.payer), c.assigned_advocate, c.treatment_detail),
           ds.next_due_on, coalesce(ds.overdue_count, 0), coalesce(es.readiness_percent, 0)
    FROM cases c
    JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN coverages cv ON cv.id = c.coverage_id
    LEFT JOIN case_deadline_summaries ds ON ds.case_id = c.id
    LEFT JOIN case_evidence_summaries es ON es.case_id = c.id
    WHERE c.deleted_at IS NULL AND cl.deleted_at IS NULL AND c.id = ANY (case_ids)
    ON CONFLICT (case_id) DO UPDATE SET
      ${entryColumns
        .slice(1)
        .map((column) => `${column} = EXCLUDED.${column}`)
        .join(', ')}
    WHERE ROW(e.*)::text IS DISTINCT FROM ROW(EXCLUDED.*)::text $$`);
  // 0168's trigger fired on any update naming those columns, and rebuilt the case's facts each time.
  const followed = ['case_id', 'assigned_advocate', 'opened_on', 'payer', 'treatment'];
  await run(`DROP TRIGGER outcome_event_facts_follow_entries ON caseload_entries`);
  await run(`
    CREATE TRIGGER outcome_event_facts_follow_entries AFTER INSERT OR DELETE ON caseload_entries
    FOR EACH ROW EXECUTE FUNCTION outcome_event_facts_follow_entries()`);
  await run(`
    CREATE TRIGGER outcome_event_facts_follow_entry_changes AFTER UPDATE OF ${followed.join(', ')} ON caseload_entries
    FOR EACH ROW WHEN ((${followed.map((column) => `OLD.${column}::text`).join(', ')})
      IS DISTINCT FROM (${followed.map((column) => `NEW.${column}::text`).join(', ')}))
    EXECUTE FUNCTION outcome_event_facts_follow_entries()`);
}
