import { sql, type Kysely } from 'kysely';
import { ownerPassage } from './0145-team-members-and-row-security';

/**
 * Documents in a team database (docs/team-mode.md, "Documents"), PostgreSQL only: a local store
 * keeps its files encrypted in the data folder, a team database keeps them here, so that nothing
 * of a client's document is written to a navigator's laptop.
 *
 * - `team_stored_files`: one row per file (its storage id, as `vault_blobs.storage_id` names it),
 *   with the whole file's SHA-256, size and number of chunks; `team_stored_file_chunks`: the file
 *   in 1 MiB `bytea` chunks, each with its own SHA-256 (`src/core/team/team-stored-files.ts`).
 *   Chunks are written as an upload arrives and the file row last; its `vault_blobs` row and
 *   document follow in the filing transaction, as the local store's file is moved into place
 *   before its rows are written.
 * - Row-level security, enabled and forced: a file's rows follow its `vault_blobs` row, so they
 *   reach whoever may see the document's case or client (through `vault_blobs`' own policy). A
 *   file not filed yet (an upload under way) reaches only the person writing it.
 * - A navigator could otherwise file a document of theirs on another person's stored file, by
 *   its id, and read that file through it: a document's stored file must be one they may change.
 * - Chunks are already compressed files (PDF, JPEG, DOCX) far more often than not: stored out of
 *   line, uncompressed (`STORAGE EXTERNAL`), so PostgreSQL does not try to compress them again.
 */

const readers = 'advocase_navigator, advocase_supervisor, advocase_viewer';
const writers = 'advocase_navigator, advocase_supervisor';
const isSupervisor = `(SELECT advocase_team_session_role()) = 'supervisor'`;

/** Rows of a file the person may see (or change): its `vault_blobs` row is one of theirs, or it is their own unfiled upload. */
const storageScope = (blobCheck: string) =>
  `${isSupervisor}
   OR storage_id IN (SELECT b.storage_id FROM vault_blobs b WHERE ${blobCheck})
   OR (created_by = session_user::text AND NOT advocase_team_storage_is_filed(storage_id))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ owner: string; schema: string }>`
    SELECT current_user AS owner, current_schema() AS schema`.execute(db);
  const { owner, schema } = rows[0]!;
  const definer = `SECURITY DEFINER SET search_path = "${schema}", pg_temp`;
  await run(`
    CREATE TABLE team_stored_files (
      storage_id text PRIMARY KEY,
      sha256 bytea NOT NULL CHECK (length(sha256) = 32),
      size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
      chunk_count integer NOT NULL CHECK (chunk_count >= 0),
      created_by text NOT NULL DEFAULT session_user,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await run(`
    CREATE TABLE team_stored_file_chunks (
      storage_id text NOT NULL,
      chunk_index integer NOT NULL CHECK (chunk_index >= 0),
      bytes bytea NOT NULL,
      sha256 bytea NOT NULL CHECK (length(sha256) = 32),
      created_by text NOT NULL DEFAULT session_user,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (storage_id, chunk_index)
    )`);
  await run(`ALTER TABLE team_stored_file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  // Whether any document's stored-file row names it, whoever's it is (the policies' "not filed yet").
  await run(`
    CREATE FUNCTION advocase_team_storage_is_filed(target text) RETURNS boolean LANGUAGE sql STABLE ${definer}
    AS $fn$ SELECT EXISTS (SELECT 1 FROM vault_blobs WHERE storage_id = target) $fn$`);
  await run(`REVOKE ALL ON FUNCTION advocase_team_storage_is_filed(text) FROM PUBLIC`);
  await run(`GRANT EXECUTE ON FUNCTION advocase_team_storage_is_filed(text) TO ${readers}, advocase_admin`);
  for (const table of ['team_stored_files', 'team_stored_file_chunks']) {
    await run(`GRANT SELECT ON ${table} TO ${readers}`);
    await run(`GRANT INSERT, DELETE ON ${table} TO ${writers}`);
    await run(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await run(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await run(`CREATE POLICY team_read ON ${table} FOR SELECT TO ${readers} USING (${storageScope('true')})`);
    // Written only by the person uploading, before the file is filed; removed by whoever may change it.
    await run(
      `CREATE POLICY team_change ON ${table} FOR ALL TO ${writers}
       USING (${storageScope('advocase_team_can_change_blob(b.id)')})
       WITH CHECK (created_by = session_user::text AND NOT advocase_team_storage_is_filed(storage_id))`,
    );
    await run(
      `CREATE POLICY team_checks ON ${table} TO "${owner}" USING (${ownerPassage}) WITH CHECK (${ownerPassage})`,
    );
  }
  await run(`
    CREATE FUNCTION advocase_team_document_blob_guard() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$
    BEGIN
      IF advocase_team_session_role() IS DISTINCT FROM 'navigator' THEN RETURN NEW; END IF;
      IF NOT advocase_team_can_change_blob(NEW.blob_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
          MESSAGE = 'This stored file is not one of yours to file a document on.';
      END IF;
      RETURN NEW;
    END $fn$`);
  await run(`REVOKE ALL ON FUNCTION advocase_team_document_blob_guard() FROM PUBLIC`);
  await run(`
    CREATE TRIGGER documents_team_blob_guard BEFORE INSERT OR UPDATE OF blob_id ON documents
    FOR EACH ROW EXECUTE FUNCTION advocase_team_document_blob_guard()`);
}
