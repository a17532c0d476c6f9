import { sql, type Kysely } from 'kysely';

/**
 * The part of the baseline that keeps the derived tables, as the SQLite chain's triggers keep them
 * (listed in sqlite-derived-tables.ts): the caseload's row per live case and its stage counts, the
 * record search indexes, and the audit log's guard and hash chain. Each SQLite trigger group is one
 * PL/pgSQL trigger function here; each rebuilds the rows it touches from their sources, as the
 * SQLite triggers do, so both stores hold the same rows after the same writes (checked by
 * derived-tables-match.test.ts).
 */
export async function createBaselineUpkeep(db: Kysely<unknown>): Promise<void> {
  await createSearchConfiguration(db);
  await createSearchTables(db);
  await createRefreshFunctions(db);
  await createCaseloadTriggers(db);
  await createSearchTriggers(db);
  await createAuditLogGuard(db);
}

/**
 * Words as SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer reads them: runs of letters
 * and digits, accents and case folded, no stemming. Accents go first so that the split on
 * anything else than a letter or digit works under any server locale ("Crème-Brûlée" → "Creme Brulee").
 */
async function createSearchConfiguration(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TEXT SEARCH CONFIGURATION advocase_search (COPY = pg_catalog.simple)`.execute(db);
  await sql`ALTER TEXT SEARCH CONFIGURATION advocase_search
              ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(db);
  await sql`CREATE FUNCTION advocase_search_words(text) RETURNS text LANGUAGE sql STABLE AS $$
              SELECT regexp_replace(unaccent(coalesce($1, '')), '[^[:alnum:]]+', ' ', 'g') $$`.execute(db);
  // The title's words weigh A, the details' B: a search in the title asks for weight A.
  await sql`CREATE FUNCTION advocase_search_vector(title text, details text) RETURNS tsvector
              LANGUAGE sql STABLE AS $$
              SELECT setweight(to_tsvector('advocase_search', advocase_search_words(title)), 'A')
                  || setweight(to_tsvector('advocase_search', advocase_search_words(details)), 'B') $$`.execute(
    db,
  );
  // Every string in a JSON document, as SQLite's json_tree reads a timeline event's details.
  await sql`CREATE FUNCTION advocase_json_strings(document text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT string_agg(value #>> '{}', ' ')
              FROM jsonb_path_query(document::jsonb, 'strict $.** ? (@.type() == "string")') AS value $$`.execute(
    db,
  );
}

/** The engine's own full-text tables (postgres-search-tables.ts), one row per indexed record. */
async function createSearchTables(db: Kysely<unknown>): Promise<void> {
  for (const table of ['client_search', 'case_search', 'event_search']) {
    await db.schema
      .createTable(table)
      .addColumn('record_id', 'bigint', (column) => column.primaryKey())
      .addColumn('vector', sql`tsvector`, (column) => column.notNull())
      .execute();
    await sql`CREATE INDEX ${sql.id(`${table}_vector`)} ON ${sql.table(table)} USING gin (vector)`.execute(
      db,
    );
  }
  await db.schema
    .createTable('document_text')
    .addColumn('document_id', 'bigint', (column) => column.primaryKey())
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('vector', sql`tsvector`, (column) => column.notNull())
    .execute();
  await sql`CREATE INDEX document_text_vector ON document_text USING gin (vector)`.execute(db);
  // The caseload's quick filter (SQLite's caseload_quick_filter trigram table) is an index here.
  await sql`CREATE INDEX caseload_entries_quick_filter ON caseload_entries
              USING gin (quick_filter_text gin_trgm_ops)`.execute(db);
}

/** Rebuilding the derived rows of some records from their sources (the bodies of the SQLite triggers). */
async function createRefreshFunctions(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION advocase_caseload_refresh(case_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM caseload_entries WHERE case_id = ANY (case_ids);
    INSERT INTO caseload_entries (case_id, client_id, client_name, treatment, treatment_detail, payer,
      plan_type, stage, stage_rank, priority, priority_rank, is_urgent, assigned_advocate, opened_on,
      updated_at, quick_filter_text, next_due_on, overdue_count, evidence_readiness)
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
    WHERE c.deleted_at IS NULL AND cl.deleted_at IS NULL AND c.id = ANY (case_ids) $$`.execute(db);

  await sql`CREATE FUNCTION advocase_client_search_refresh(client_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM client_search WHERE record_id = ANY (client_ids);
    INSERT INTO client_search (record_id, vector)
    SELECT cl.id, advocase_search_vector(cl.full_name,
             concat_ws(' ', cl.phone, cl.email, cl.date_of_birth, cl.state, cl.preferred_language, cl.tags, cl.notes,
               (SELECT string_agg(concat_ws(' ', cv.payer, cv.plan_name, cv.member_id, cv.group_number), ' ')
                  FROM coverages cv WHERE cv.client_id = cl.id)))
    FROM clients cl
    WHERE cl.deleted_at IS NULL AND cl.id = ANY (client_ids) $$`.execute(db);

  await sql`CREATE FUNCTION advocase_case_search_refresh(case_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM case_search WHERE record_id = ANY (case_ids);
    INSERT INTO case_search (record_id, vector)
    SELECT c.id, advocase_search_vector(
             'C-' || lpad(c.id::text, greatest(5, length(c.id::text)), '0') || ' ' || cl.full_name,
             concat_ws(' ', c.id,
               CASE c.treatment WHEN 'iv_ketamine' THEN 'IV ketamine' WHEN 'esketamine' THEN 'esketamine Spravato'
                                WHEN 'tms' THEN 'TMS' ELSE NULL END,
               c.treatment_detail, c.payer, cv.payer, cv.member_id, cv.group_number,
               c.procedure_codes, c.diagnosis_codes, c.assigned_advocate))
    FROM cases c
    JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN coverages cv ON cv.id = c.coverage_id
    WHERE c.deleted_at IS NULL AND c.id = ANY (case_ids) $$`.execute(db);

  await sql`CREATE FUNCTION advocase_event_search_refresh(event_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM event_search WHERE record_id = ANY (event_ids);
    INSERT INTO event_search (record_id, vector)
    SELECT e.id, advocase_search_vector(e.summary, advocase_json_strings(e.details))
    FROM events e
    JOIN cases c ON c.id = e.case_id
    WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL AND e.id = ANY (event_ids) $$`.execute(db);
}

async function createTrigger(
  db: Kysely<unknown>,
  name: string,
  timing: string,
  table: string,
  body: string,
): Promise<void> {
  // Names and bodies are fixed text of this migration, never input.
  await sql
    .raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${name} ${timing} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
    .execute(db);
}

/** caseload_entries and caseload_stage_counts (SQLite migrations 0004, 0005, 0033, 0040, 0070, 0100). */
async function createCaseloadTriggers(db: Kysely<unknown>): Promise<void> {
  await createTrigger(
    db,
    'caseload_follows_cases',
    'AFTER INSERT OR UPDATE OR DELETE',
    'cases',
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM caseload_entries WHERE case_id = OLD.id;
     ELSIF TG_OP = 'INSERT' THEN
       PERFORM advocase_caseload_refresh(ARRAY[NEW.id]);
     ELSE
       PERFORM advocase_caseload_refresh(ARRAY[OLD.id, NEW.id]);
     END IF;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'caseload_follows_clients',
    'AFTER UPDATE OF full_name, deleted_at OR DELETE',
    'clients',
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM caseload_entries WHERE client_id = OLD.id;
     ELSE
       PERFORM advocase_caseload_refresh(ARRAY(SELECT id FROM cases WHERE client_id = NEW.id));
     END IF;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'caseload_follows_coverages',
    'AFTER UPDATE OF payer, plan_type OR DELETE',
    'coverages',
    `PERFORM advocase_caseload_refresh(ARRAY(SELECT id FROM cases WHERE coverage_id = coalesce(NEW.id, OLD.id)));
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'caseload_follows_deadline_summaries',
    'AFTER INSERT OR UPDATE OR DELETE',
    'case_deadline_summaries',
    `UPDATE caseload_entries e SET
       next_due_on = s.next_due_on, overdue_count = coalesce(s.overdue_count, 0)
     FROM (SELECT coalesce(NEW.case_id, OLD.case_id) AS case_id) AS changed
     LEFT JOIN case_deadline_summaries s ON s.case_id = changed.case_id
     WHERE e.case_id = changed.case_id;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'caseload_follows_evidence_summaries',
    'AFTER INSERT OR UPDATE OR DELETE',
    'case_evidence_summaries',
    `UPDATE caseload_entries e SET evidence_readiness = coalesce(s.readiness_percent, 0)
     FROM (SELECT coalesce(NEW.case_id, OLD.case_id) AS case_id) AS changed
     LEFT JOIN case_evidence_summaries s ON s.case_id = changed.case_id
     WHERE e.case_id = changed.case_id;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'caseload_stage_counts_follow_entries',
    'AFTER INSERT OR UPDATE OF stage_rank OR DELETE',
    'caseload_entries',
    `IF TG_OP IN ('DELETE', 'UPDATE') AND (TG_OP = 'DELETE' OR OLD.stage_rank IS DISTINCT FROM NEW.stage_rank) THEN
       UPDATE caseload_stage_counts SET total = total - 1 WHERE stage_rank = OLD.stage_rank;
     END IF;
     IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.stage_rank IS DISTINCT FROM NEW.stage_rank) THEN
       INSERT INTO caseload_stage_counts (stage_rank, total) VALUES (NEW.stage_rank, 1)
         ON CONFLICT (stage_rank) DO UPDATE SET total = caseload_stage_counts.total + 1;
     END IF;
     RETURN NULL;`,
  );
}

/** client_search, case_search and event_search (SQLite migration 0020). */
async function createSearchTriggers(db: Kysely<unknown>): Promise<void> {
  await createTrigger(
    db,
    'search_follows_clients',
    'AFTER INSERT OR UPDATE OR DELETE',
    'clients',
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM client_search WHERE record_id = OLD.id;
       RETURN NULL;
     END IF;
     PERFORM advocase_client_search_refresh(ARRAY[NEW.id]);
     IF TG_OP = 'UPDATE' AND OLD.full_name IS DISTINCT FROM NEW.full_name THEN
       PERFORM advocase_case_search_refresh(ARRAY(SELECT id FROM cases WHERE client_id = NEW.id));
     END IF;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'search_follows_coverages',
    'AFTER INSERT OR UPDATE OR DELETE',
    'coverages',
    `PERFORM advocase_client_search_refresh(ARRAY[OLD.client_id, NEW.client_id]);
     IF TG_OP <> 'INSERT' THEN
       PERFORM advocase_case_search_refresh(ARRAY(SELECT id FROM cases WHERE coverage_id = coalesce(NEW.id, OLD.id)));
     END IF;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'search_follows_cases',
    'AFTER INSERT OR UPDATE OR DELETE',
    'cases',
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM case_search WHERE record_id = OLD.id;
       RETURN NULL;
     END IF;
     PERFORM advocase_case_search_refresh(ARRAY[NEW.id]);
     IF TG_OP = 'UPDATE' AND OLD.deleted_at IS DISTINCT FROM NEW.deleted_at THEN
       PERFORM advocase_event_search_refresh(ARRAY(SELECT id FROM events WHERE case_id = NEW.id));
     END IF;
     RETURN NULL;`,
  );
  await createTrigger(
    db,
    'search_follows_events',
    'AFTER INSERT OR UPDATE OR DELETE',
    'events',
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM event_search WHERE record_id = OLD.id;
     ELSE
       PERFORM advocase_event_search_refresh(ARRAY[OLD.id, NEW.id]);
     END IF;
     RETURN NULL;`,
  );
}

/**
 * The audit log (SQLite migration 0064): written only with its hashes, never deleted or emptied,
 * and changed only by blanking the content of an entry whose record a later blanking entry names.
 * The entry-hash function links a new entry to the last one in the INSERT itself, computing what
 * audit-chain.ts's `auditEntryHash` computes: SHA-256 of the JSON array of the chained fields.
 */
async function createAuditLogGuard(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION advocase_audit_entry_hash(previous text, actor text, at text, table_name text,
              row_id bigint, action text, content_hash text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT encode(sha256(convert_to('[' || concat_ws(',',
                '"advocase-audit-entry/v1"', to_json(coalesce(previous, ''))::text,
                coalesce(to_json(actor)::text, 'null'), coalesce(to_json(at)::text, 'null'),
                coalesce(to_json(table_name)::text, 'null'), coalesce(row_id::text, 'null'),
                coalesce(to_json(action)::text, 'null'), coalesce(to_json(content_hash)::text, 'null')) || ']',
                'UTF8')), 'hex') $$`.execute(db);
  await createTrigger(
    db,
    'audit_log_inserted_chained',
    'BEFORE INSERT',
    'audit_log',
    `IF NEW.content_hash IS NULL OR NEW.entry_hash IS NULL THEN
       RAISE EXCEPTION 'Audit log entries are written only with their hashes (appendAuditEntry).';
     END IF;
     RETURN NEW;`,
  );
  await createTrigger(
    db,
    'audit_log_never_deleted',
    'BEFORE DELETE',
    'audit_log',
    `RAISE EXCEPTION 'Audit log entries are never deleted.';`,
  );
  await sql`CREATE TRIGGER audit_log_never_emptied BEFORE TRUNCATE ON audit_log
              FOR EACH STATEMENT EXECUTE FUNCTION audit_log_never_deleted()`.execute(db);
  await createTrigger(
    db,
    'audit_log_only_blanked',
    'BEFORE UPDATE',
    'audit_log',
    `IF NOT (
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
     RETURN NEW;`,
  );
}
