/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * No lost updates (docs/team-mode.md, "Two people editing at once"): each editable record (case,
 * client, coverage) has a version, moved by the database on every change to the record's own
 * fields, whichever path makes it (a form, undo, the trash, an import's update, a stage the
 * timeline moved). A save that was edited from version 3 and finds 4 changes nothing and shows the
 * person both versions (src/core/record-versions/).
 *
 * Versions live beside the records, not in them, so the records and everything that copies them
 * (the audit log's before/after, undo, the caseload triggers) stay as they were. A record with no
 * row here has not changed since it was added: version 0 (adding a record writes nothing, so an
 * import of 100,000 cases costs no more). Only the fields a person edits move it: touching a
 * case's `updated_at` when a timeline entry is added does not, so additions never conflict.
 *
 * Both chains keep the same table; who changed it (`changed_by`) is a team database's login, and
 * null in a local store, which has one person. The trigger bodies are SQLite; the PostgreSQL half
 * has its own, on the same columns (`editedColumns`).
 */
export const editedColumns: Readonly<Record<string, readonly string[]>> = {
  cases: [
    'client_id',
    'coverage_id',
    'provider_id',
    'treatment',
    'treatment_detail',
    'payer',
    'procedure_codes',
    'diagnosis_codes',
    'stage',
    'priority',
    'claim_type',
    'is_urgent',
    'assigned_advocate',
    'outcome',
    'billed_cents',
    'allowed_cents',
    'paid_cents',
    'saved_cents',
    'opened_on',
    'closed_on',
    'stage_source',
    'stage_kept_against_event_id',
    'closing_deadlines',
    'deleted_at',
  ],
  clients: [
    'full_name',
    'date_of_birth',
    'state',
    'phone',
    'email',
    'address',
    'preferred_language',
    'notes',
    'tags',
    'deleted_at',
  ],
  coverages: [
    'client_id',
    'payer',
    'plan_name',
    'plan_type',
    'member_id',
    'group_number',
    'effective_on',
    'ends_on',
    'network_type',
    'deductible_cents',
    'deductible_met_cents',
    'out_of_pocket_max_cents',
    'out_of_pocket_met_cents',
    'copay_cents',
    'coinsurance_percent',
    'prior_auth_rules',
    'exclusions',
    'payer_phone',
    'payer_fax',
    'portal_url',
    'appeals_address',
    'notes',
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_versions')
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('row_id', 'integer', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('record_versions_pkey', ['table_name', 'row_id'])
    .execute();
  for (const [table, columns] of Object.entries(editedColumns)) {
    await sql
      .raw(
        `CREATE TRIGGER record_versions_${table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
           INSERT INTO record_versions (table_name, row_id, version, changed_by, changed_at)
           VALUES ('${table}', new.id, 1, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
           ON CONFLICT (table_name, row_id) DO UPDATE SET version = version + 1,
             changed_by = excluded.changed_by, changed_at = excluded.changed_at;
         END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER record_versions_${table}_delete AFTER DELETE ON ${table} BEGIN
           DELETE FROM record_versions WHERE table_name = '${table}' AND row_id = old.id;
         END`,
      )
      .execute(db);
  }
}
