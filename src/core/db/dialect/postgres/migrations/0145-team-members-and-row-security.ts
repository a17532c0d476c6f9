import { sql, type Kysely } from 'kysely';

/**
 * Team mode's people and who sees what (docs/team-mode.md), PostgreSQL only: SQLite has one
 * person per store and no server to enforce anything (`src/core/team/team-only-schema.ts`).
 *
 * - Four NOLOGIN group roles; each person is a LOGIN role in one of them (`advocase team add-user`).
 *   Roles belong to the whole server, so they are made only when missing: a second database on the
 *   same server, or a second `team init`, finds them there.
 * - `team_members` says who is who (login, full name, role, disabled); case and client assignment
 *   and shares with an end date are kept beside the app's tables, which stay as both chains have them.
 * - Row-level security, enabled and forced (so the tables' owner is held to it too), on every
 *   table that holds a client's data, found by the column that ties a row to its case, client,
 *   document or coverage. Every check is one of the `advocase_team_can_*` functions below.
 * - The functions run as the owner (SECURITY DEFINER) and read the tables through the one policy
 *   the owner has, which admits such calls made on someone else's behalf (`session_user <>
 *   current_user`) and the owner's own maintenance (`advocase team init` says so with the setting
 *   `advocase.owner_maintenance`, so a later step that changes data sees the rows): otherwise
 *   connecting as the owner shows no client data. Only the owner has this policy, and the owner
 *   could switch the policies off anyway; it keeps them from reading by accident.
 */

/** The owner's one way through the forced policies (see above). */
export const ownerPassage = `session_user <> current_user OR current_setting('advocase.owner_maintenance', true) = 'on'`;

const groupRoles = ['advocase_navigator', 'advocase_supervisor', 'advocase_viewer', 'advocase_admin'];
const readers = 'advocase_navigator, advocase_supervisor, advocase_viewer';
const writers = 'advocase_navigator, advocase_supervisor';

/**
 * The checks a table's policies make, as SQL over the row's own columns: which rows a person may
 * read (`see`) and pick to change (`change`), and what a written row must pass (`check`).
 *
 * Reads ask once per query, not once per row: the role is an uncorrelated scalar subquery and the
 * person's cases (clients, documents) a set computed once and hashed, so a navigator's caseload
 * costs one scan however many cases the team has (10,000 cases, 20 navigators: a navigator's
 * count(*) of cases took 895 ms when each row called a function, 38–55 ms this way; a
 * supervisor's 562 ms, now 3–7 ms as with no policies). A written row is checked on its own, since a set
 * computed at the start of a many-row insert would miss the cases that insert assigns as it goes.
 */
type RowScope = { readonly see: string; readonly change: string; readonly check: string };

type Subject = 'case' | 'client' | 'document' | 'blob';

const isSupervisor = `(SELECT advocase_team_session_role()) = 'supervisor'`;

const scopeBy = (subject: Subject, column: string): RowScope => ({
  see: `${isSupervisor} OR ${column} IN (SELECT advocase_team_${subject}_ids(false))`,
  change: `${isSupervisor} OR ${column} IN (SELECT advocase_team_${subject}_ids(true))`,
  check: `advocase_team_can_change_${subject}(${column})`,
});

const coverageOf = (forChange: boolean) =>
  `coverage_id IN (SELECT c.id FROM coverages c WHERE c.client_id IN (SELECT advocase_team_client_ids(${forChange})))`;

/**
 * How a table's rows belong to a case or client, by the first column that ties them: a case's
 * rows follow the case (so a document linked to a case, or a deadline, goes where the case goes),
 * then a client's, a document's, a coverage's. Logs are each person's own (their `actor`).
 * Tables none of these name hold no client's data (settings, templates, criteria, providers).
 */
function scopeOf(table: string, columns: ReadonlySet<string>): RowScope | null {
  if (table === 'cases') return scopeBy('case', 'id');
  if (table === 'clients') return scopeBy('client', 'id');
  if (table === 'documents') return scopeBy('document', 'id');
  if (table === 'vault_blobs') return scopeBy('blob', 'id');
  if (columns.has('case_id')) return scopeBy('case', 'case_id');
  if (columns.has('client_id')) return scopeBy('client', 'client_id');
  if (columns.has('document_id')) return scopeBy('document', 'document_id');
  if (columns.has('coverage_id')) {
    return {
      see: `${isSupervisor} OR ${coverageOf(false)}`,
      change: `${isSupervisor} OR ${coverageOf(true)}`,
      check: `advocase_team_can_change_client((SELECT c.client_id FROM coverages c WHERE c.id = coverage_id))`,
    };
  }
  if (table === 'audit_log' || table === 'edit_groups') {
    const own = `actor = session_user::text OR ${isSupervisor}`;
    return { see: own, change: own, check: own };
  }
  return null;
}

async function createGroupRoles(db: Kysely<unknown>): Promise<void> {
  for (const role of groupRoles) {
    // Two databases set up at once race to make the same role: whichever loses finds it made.
    await sql
      .raw(
        `DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
             CREATE ROLE ${role} NOLOGIN;
           END IF;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
         END $$`,
      )
      .execute(db);
  }
}

async function createTeamTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE team_members (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      login text NOT NULL UNIQUE,
      full_name text NOT NULL CHECK (btrim(full_name) <> ''),
      role text NOT NULL CHECK (role IN ('navigator', 'supervisor', 'viewer', 'admin')),
      disabled boolean NOT NULL DEFAULT false,
      added_at timestamptz NOT NULL DEFAULT now(),
      added_by text NOT NULL DEFAULT session_user,
      disabled_at timestamptz
    )`.execute(db);
  // Deferred: a case's assignment is written by its insert trigger, before the case row exists.
  await sql`
    CREATE TABLE team_case_assignments (
      case_id bigint PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      navigator_login text NOT NULL REFERENCES team_members (login) ON UPDATE CASCADE,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      assigned_by text NOT NULL DEFAULT session_user
    )`.execute(db);
  await sql`CREATE INDEX team_case_assignments_by_login ON team_case_assignments (navigator_login)`.execute(
    db,
  );
  await sql`
    CREATE TABLE team_client_assignments (
      client_id bigint PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      navigator_login text NOT NULL REFERENCES team_members (login) ON UPDATE CASCADE,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      assigned_by text NOT NULL DEFAULT session_user
    )`.execute(db);
  await sql`CREATE INDEX team_client_assignments_by_login ON team_client_assignments (navigator_login)`.execute(
    db,
  );
  // A share lasts through its last day, ends_on, in the server's calendar.
  await sql`
    CREATE TABLE team_case_shares (
      case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      login text NOT NULL REFERENCES team_members (login) ON UPDATE CASCADE,
      ends_on date NOT NULL,
      shared_at timestamptz NOT NULL DEFAULT now(),
      shared_by text NOT NULL DEFAULT session_user,
      PRIMARY KEY (case_id, login)
    )`.execute(db);
  await sql`CREATE INDEX team_case_shares_by_login ON team_case_shares (login, ends_on)`.execute(db);
  // Who made a document or stored file, so they see it until it is linked to a case or client.
  await sql`
    CREATE TABLE team_row_creators (
      table_name text NOT NULL,
      row_id bigint NOT NULL,
      login text NOT NULL,
      PRIMARY KEY (table_name, row_id)
    )`.execute(db);
}

async function createChecks(db: Kysely<unknown>, definer: string): Promise<void> {
  const fn = (signature: string, returns: string, body: string) =>
    sql
      .raw(`CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE sql ${definer} AS $fn$ ${body} $fn$`)
      .execute(db);
  await fn(
    'advocase_team_session_role()',
    'text',
    `SELECT role FROM team_members WHERE login = session_user AND NOT disabled`,
  );
  // Whoever owns the team tables (or a superuser) sets the team up and adds its first admin.
  await fn(
    'advocase_team_session_is_owner()',
    'boolean',
    `SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'team_members'::regclass), 'MEMBER')`,
  );
  // The rows a navigator or viewer reaches (for_change: may change). A supervisor reaches every
  // row, which the policies say first, so these never list the whole team's cases.
  const navigator = `advocase_team_session_role() = 'navigator'`;
  // `just_case`: only that case, when one written row is checked (planned for that id, so indexed).
  await fn(
    'advocase_team_case_ids(for_change boolean, just_case bigint DEFAULT NULL)',
    'SETOF bigint',
    `SELECT case_id FROM team_case_assignments
       WHERE navigator_login = session_user AND ${navigator} AND (just_case IS NULL OR case_id = just_case)
     UNION
     SELECT case_id FROM team_case_shares WHERE login = session_user AND ends_on >= current_date
       AND (just_case IS NULL OR case_id = just_case)
       AND (${navigator} OR (advocase_team_session_role() = 'viewer' AND NOT for_change))`,
  );
  await fn(
    'advocase_team_client_ids(for_change boolean)',
    'SETOF bigint',
    `SELECT client_id FROM team_client_assignments WHERE navigator_login = session_user AND ${navigator}
     UNION
     SELECT c.client_id FROM cases c WHERE c.id IN (SELECT advocase_team_case_ids(for_change))`,
  );
  const unlinked = (table: string, links: string) =>
    `SELECT r.row_id FROM team_row_creators r WHERE r.table_name = '${table}' AND r.login = session_user
       AND ${navigator} AND ${links}`;
  await fn(
    'advocase_team_document_ids(for_change boolean)',
    'SETOF bigint',
    `SELECT l.document_id FROM document_cases l WHERE l.case_id IN (SELECT advocase_team_case_ids(for_change))
     UNION
     SELECT l.document_id FROM document_clients l WHERE l.client_id IN (SELECT advocase_team_client_ids(for_change))
     UNION
     ${unlinked(
       'documents',
       `NOT EXISTS (SELECT 1 FROM document_cases l WHERE l.document_id = r.row_id)
        AND NOT EXISTS (SELECT 1 FROM document_clients l WHERE l.document_id = r.row_id)`,
     )}`,
  );
  await fn(
    'advocase_team_blob_ids(for_change boolean)',
    'SETOF bigint',
    `SELECT d.blob_id FROM documents d WHERE d.id IN (SELECT advocase_team_document_ids(for_change))
     UNION
     ${unlinked('vault_blobs', `NOT EXISTS (SELECT 1 FROM documents d WHERE d.blob_id = r.row_id)`)}`,
  );
  // One row at a time, for the checks of written rows and the insert guards; never null.
  for (const subject of ['case', 'client', 'document', 'blob'] as const) {
    for (const [verb, forChange] of [
      ['see', false],
      ['change', true],
    ] as const) {
      await fn(
        `advocase_team_can_${verb}_${subject}(target bigint)`,
        'boolean',
        `SELECT coalesce(advocase_team_session_role() = 'supervisor', false)
           OR coalesce(target IN (SELECT advocase_team_${subject}_ids(${forChange}${subject === 'case' ? ', target' : ''})), false)`,
      );
    }
  }
}

/**
 * What a navigator's inserts set going: a case or client they make is assigned to them, a
 * document or stored file they make is theirs until linked. And what a policy cannot see (it
 * has no OLD row): a case moved to a client, or a document linked, must be one they may change.
 */
async function createInsertGuards(db: Kysely<unknown>, definer: string): Promise<void> {
  const trigger = (name: string, body: string) =>
    sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$
         BEGIN
           IF advocase_team_session_role() IS DISTINCT FROM 'navigator' THEN RETURN NEW; END IF;
           ${body}
           RETURN NEW;
         END $fn$`,
      )
      .execute(db);
  const refuse = (what: string) =>
    `RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = '${what}';`;
  await trigger(
    'advocase_team_case_guard',
    `IF (TG_OP = 'INSERT' OR NEW.client_id IS DISTINCT FROM OLD.client_id)
        AND NOT EXISTS (SELECT 1 FROM team_client_assignments a WHERE a.client_id = NEW.client_id AND a.navigator_login = session_user)
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.client_id = NEW.client_id AND c.id <> NEW.id AND advocase_team_can_change_case(c.id)) THEN
       ${refuse('This client is not one of yours: a supervisor can assign them to you.')}
     END IF;
     IF TG_OP = 'INSERT' THEN
       INSERT INTO team_case_assignments (case_id, navigator_login) VALUES (NEW.id, session_user) ON CONFLICT DO NOTHING;
     END IF;`,
  );
  await trigger(
    'advocase_team_client_guard',
    `INSERT INTO team_client_assignments (client_id, navigator_login) VALUES (NEW.id, session_user) ON CONFLICT DO NOTHING;`,
  );
  await trigger(
    'advocase_team_creator_guard',
    `INSERT INTO team_row_creators (table_name, row_id, login) VALUES (TG_TABLE_NAME, NEW.id, session_user) ON CONFLICT DO NOTHING;`,
  );
  await trigger(
    'advocase_team_document_link_guard',
    `IF NOT advocase_team_can_change_document(NEW.document_id) THEN
       ${refuse('This document is not one of yours to link.')}
     END IF;`,
  );
  const on = (table: string, events: string, fn: string) =>
    sql
      .raw(
        `CREATE TRIGGER ${table}_team_guard BEFORE ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      )
      .execute(db);
  await on('cases', 'INSERT OR UPDATE OF client_id', 'advocase_team_case_guard');
  await on('clients', 'INSERT', 'advocase_team_client_guard');
  await on('documents', 'INSERT', 'advocase_team_creator_guard');
  await on('vault_blobs', 'INSERT', 'advocase_team_creator_guard');
  await on('document_cases', 'INSERT OR UPDATE', 'advocase_team_document_link_guard');
  await on('document_clients', 'INSERT OR UPDATE', 'advocase_team_document_link_guard');
}

/** People and hand-offs, each a function that checks who calls it (the CLI's `advocase team …`). */
async function createAdministration(db: Kysely<unknown>, definer: string): Promise<void> {
  const procedure = (signature: string, returns: string, declare: string, body: string) =>
    sql
      .raw(
        `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE plpgsql ${definer} AS $fn$
         ${declare ? `DECLARE ${declare}` : ''}
         BEGIN ${body} END $fn$`,
      )
      .execute(db);
  const onlyFor = (roles: string, message: string) =>
    `IF NOT (advocase_team_session_is_owner() OR coalesce(advocase_team_session_role() IN (${roles}), false)) THEN
       RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = '${message}';
     END IF;`;
  const onlyAdmins = onlyFor(`'admin'`, 'Only an admin can manage people.');
  const onlySupervisors = onlyFor(`'supervisor', 'admin'`, 'Only a supervisor or an admin can assign cases.');
  const knownMember = (variable: string, extra = '') =>
    `IF NOT EXISTS (SELECT 1 FROM team_members WHERE login = ${variable} ${extra}) THEN
       RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = format('No one with the login %s is on the team.', ${variable});
     END IF;`;
  await procedure(
    'advocase_team_add_member(new_login text, new_full_name text, new_role text, password_secret text)',
    'void',
    '',
    `${onlyAdmins}
     IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = new_login) THEN
       RAISE EXCEPTION USING ERRCODE = 'duplicate_object', MESSAGE = format('The login %s is taken on this server.', new_login);
     END IF;
     INSERT INTO team_members (login, full_name, role) VALUES (new_login, new_full_name, new_role);
     EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', new_login, password_secret, 'advocase_' || new_role);`,
  );
  await procedure(
    'advocase_team_set_role(member_login text, new_role text)',
    'void',
    'old_role text;',
    `${onlyAdmins}
     ${knownMember('member_login')}
     SELECT role INTO old_role FROM team_members WHERE login = member_login FOR UPDATE;
     UPDATE team_members SET role = new_role WHERE login = member_login;
     EXECUTE format('REVOKE %I FROM %I', 'advocase_' || old_role, member_login);
     EXECUTE format('GRANT %I TO %I', 'advocase_' || new_role, member_login);`,
  );
  await procedure(
    'advocase_team_disable_member(member_login text)',
    'integer',
    'ended integer;',
    `${onlyAdmins}
     ${knownMember('member_login')}
     UPDATE team_members SET disabled = true, disabled_at = coalesce(disabled_at, now()) WHERE login = member_login;
     EXECUTE format('ALTER ROLE %I NOLOGIN', member_login);
     SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) INTO ended
       FROM pg_stat_activity WHERE usename = member_login;
     RETURN ended;`,
  );
  await procedure(
    'advocase_team_reassign(from_login text, to_login text)',
    'integer',
    'moved integer;',
    `${onlySupervisors}
     ${knownMember('from_login')}
     ${knownMember('to_login', `AND role = 'navigator' AND NOT disabled`)}
     UPDATE team_case_assignments SET navigator_login = to_login, assigned_at = now(), assigned_by = session_user
       WHERE navigator_login = from_login;
     GET DIAGNOSTICS moved = ROW_COUNT;
     UPDATE team_client_assignments SET navigator_login = to_login, assigned_at = now(), assigned_by = session_user
       WHERE navigator_login = from_login;
     RETURN moved;`,
  );
  await procedure(
    'advocase_team_assign_case(target bigint, to_login text)',
    'void',
    '',
    `${onlySupervisors}
     ${knownMember('to_login', `AND role = 'navigator' AND NOT disabled`)}
     INSERT INTO team_case_assignments (case_id, navigator_login) VALUES (target, to_login)
       ON CONFLICT (case_id) DO UPDATE SET navigator_login = excluded.navigator_login,
         assigned_at = now(), assigned_by = session_user;`,
  );
  await procedure(
    'advocase_team_share_case(target bigint, with_login text, last_day date)',
    'void',
    '',
    `${onlySupervisors}
     ${knownMember('with_login', 'AND NOT disabled')}
     INSERT INTO team_case_shares (case_id, login, ends_on) VALUES (target, with_login, last_day)
       ON CONFLICT (case_id, login) DO UPDATE SET ends_on = excluded.ends_on,
         shared_at = now(), shared_by = session_user;`,
  );
}

async function readTables(db: Kysely<unknown>): Promise<Map<string, Set<string>>> {
  const { rows } = await sql<{ table: string; column: string }>`
    SELECT c.table_name AS "table", c.column_name AS "column"
    FROM information_schema.columns c JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.table_name NOT LIKE 'kysely%' AND c.table_name NOT LIKE 'team%'`.execute(db);
  const tables = new Map<string, Set<string>>();
  for (const { table, column } of rows) tables.set(table, (tables.get(table) ?? new Set()).add(column));
  return tables;
}

async function protectTables(db: Kysely<unknown>, owner: string): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  // The schema may be the organisation's own, without PostgreSQL's default USAGE for everyone.
  await run(`GRANT USAGE ON SCHEMA "${await currentSchema(db)}" TO ${groupRoles.join(', ')}`);
  for (const [table, columns] of await readTables(db)) {
    await run(`GRANT SELECT ON ${table} TO ${readers}`);
    await run(`GRANT INSERT, UPDATE, DELETE ON ${table} TO ${writers}`);
    const scope = scopeOf(table, columns);
    if (!scope) continue;
    await run(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await run(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await run(`CREATE POLICY team_read ON ${table} FOR SELECT TO ${readers} USING (${scope.see})`);
    await run(
      `CREATE POLICY team_change ON ${table} FOR ALL TO ${writers} USING (${scope.change}) WITH CHECK (${scope.check})`,
    );
    await run(
      `CREATE POLICY team_checks ON ${table} TO "${owner}" USING (${ownerPassage}) WITH CHECK (${ownerPassage})`,
    );
  }
  await run(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${await currentSchema(db)} TO ${writers}`);
  await run(`GRANT SELECT ON kysely_migration TO ${groupRoles.join(', ')}`);
}

async function protectTeamTables(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  // Names and roles are no client's data: everyone on the team may read who is who.
  await run(`GRANT SELECT ON team_members TO ${groupRoles.join(', ')}`);
  const ownOrOverseen = (column: string) =>
    `${column} = session_user::text OR advocase_team_session_role() IN ('supervisor', 'admin')`;
  for (const [table, column] of [
    ['team_case_assignments', 'navigator_login'],
    ['team_client_assignments', 'navigator_login'],
    ['team_case_shares', 'login'],
  ] as const) {
    await run(`GRANT SELECT ON ${table} TO ${groupRoles.join(', ')}`);
    await run(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await run(`CREATE POLICY team_read ON ${table} FOR SELECT USING (${ownOrOverseen(column)})`);
  }
  await run(`ALTER TABLE team_row_creators ENABLE ROW LEVEL SECURITY`);
}

async function grantFunctions(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const { rows } = await sql<{ signature: string }>`
    SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
    WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'advocase_team_%'`.execute(db);
  for (const { signature } of rows) {
    await run(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    const callers = /add_member|set_role|disable_member/.test(signature)
      ? 'advocase_admin'
      : /reassign|assign_case|share_case/.test(signature)
        ? 'advocase_supervisor, advocase_admin'
        : groupRoles.join(', ');
    await run(`GRANT EXECUTE ON FUNCTION ${signature} TO ${callers}`);
  }
}

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return rows[0]!.schema;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ owner: string }>`SELECT current_user AS owner`.execute(db);
  const owner = rows[0]!.owner;
  // Each function runs as the owner, with the schema fixed, so a caller's search_path cannot
  // put a table of their own in the place of ours.
  const definer = `SECURITY DEFINER SET search_path = "${await currentSchema(db)}", pg_temp`;
  await createGroupRoles(db);
  await createTeamTables(db);
  await createChecks(db, definer);
  await createInsertGuards(db, definer);
  await createAdministration(db, definer);
  await protectTables(db, owner);
  await protectTeamTables(db);
  await grantFunctions(db);
}
