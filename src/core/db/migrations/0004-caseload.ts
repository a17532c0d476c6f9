/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * The caseload at 100,000 cases, and saved views.
 *
 * `caseload_entries` holds one narrow row per live case with everything the caseload table
 * sorts, filters and shows, joined ahead of time (the client's name, the payer of record from the
 * linked coverage, the plan type) and indexed per sortable column. Measured on the bench's
 * 100,000 cases, sorting by payer through the joins took 0.7–1.5 s (every row needs a coverage
 * lookup, and every page is decrypted); one narrow table with an index per column sorts in
 * milliseconds. Triggers keep it in step with `cases`, `clients` and `coverages`, so no code path
 * (a service, an import, undo, the trash) can forget it. Trashed cases and the cases of trashed
 * clients have no entry, so the caseload never has to filter them out.
 *
 * The trigger bodies are SQLite; a PostgreSQL store would keep the same table with its own
 * triggers in its own migration.
 */

// Frozen copies of the stage and priority orders at the time of this migration (a migration
// never imports app code); a later change of order is a later migration.
const stageOrder = [
  'intake',
  'benefits_verification',
  'evidence_gathering',
  'prior_auth_submitted',
  'decision',
  'internal_appeal_1',
  'internal_appeal_2',
  'external_review',
  'alternative_funding',
  'resolved',
];
const priorityOrder = ['low', 'normal', 'high', 'urgent'];

const rankOf = (column: string, order: readonly string[]) =>
  `CASE ${column} ${order.map((value, rank) => `WHEN '${value}' THEN ${rank}`).join(' ')} ELSE ${order.length} END`;

const entryColumns =
  'case_id, client_id, client_name, treatment, treatment_detail, payer, plan_type, stage, stage_rank, priority, priority_rank, is_urgent, assigned_advocate, opened_on, updated_at';

/** The entries of the live cases matching `where` (over `c`). */
const entryRows = (where: string) => `
  SELECT c.id, c.client_id, cl.full_name, c.treatment, c.treatment_detail, coalesce(cv.payer, c.payer), cv.plan_type,
         c.stage, ${rankOf('c.stage', stageOrder)}, c.priority, ${rankOf('c.priority', priorityOrder)},
         c.is_urgent, c.assigned_advocate, c.opened_on, c.updated_at
  FROM cases c
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN coverages cv ON cv.id = c.coverage_id
  WHERE c.deleted_at IS NULL AND cl.deleted_at IS NULL AND (${where})`;

const refresh = (deleteWhere: string, where: string) => `
  DELETE FROM caseload_entries WHERE ${deleteWhere};
  INSERT INTO caseload_entries (${entryColumns}) ${entryRows(where)};`;

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'caseload_cases_insert',
    `AFTER INSERT ON cases BEGIN ${refresh('case_id = new.id', 'c.id = new.id')} END`,
  ],
  [
    'caseload_cases_update',
    `AFTER UPDATE ON cases BEGIN ${refresh('case_id IN (old.id, new.id)', 'c.id = new.id')} END`,
  ],
  [
    'caseload_cases_delete',
    `AFTER DELETE ON cases BEGIN DELETE FROM caseload_entries WHERE case_id = old.id; END`,
  ],
  [
    'caseload_clients_update',
    `AFTER UPDATE OF full_name, deleted_at ON clients BEGIN ${refresh('client_id = new.id', 'c.client_id = new.id')} END`,
  ],
  [
    'caseload_clients_delete',
    `AFTER DELETE ON clients BEGIN DELETE FROM caseload_entries WHERE client_id = old.id; END`,
  ],
  [
    'caseload_coverages_update',
    `AFTER UPDATE OF payer, plan_type ON coverages BEGIN
       ${refresh('case_id IN (SELECT id FROM cases WHERE coverage_id = new.id)', 'c.coverage_id = new.id')} END`,
  ],
  [
    'caseload_coverages_delete',
    `AFTER DELETE ON coverages BEGIN
       ${refresh('case_id IN (SELECT id FROM cases WHERE coverage_id = old.id)', 'c.coverage_id = old.id')} END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('caseload_views')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    // JSON: filters, quick-filter text and sort order (src/shared/schemas/caseload.ts).
    .addColumn('definition', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  // Text a person reads is compared without regard to case, so "de la Cruz" sorts among the Ds.
  const nocase = sql`collate nocase`;
  await db.schema
    .createTable('caseload_entries')
    .addColumn('case_id', 'integer', (column) => column.primaryKey())
    .addColumn('client_id', 'integer', (column) => column.notNull())
    .addColumn('client_name', 'text', (column) => column.notNull().modifyEnd(nocase))
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('treatment_detail', 'text', (column) => column.modifyEnd(nocase))
    .addColumn('payer', 'text', (column) => column.modifyEnd(nocase))
    .addColumn('plan_type', 'text')
    .addColumn('stage', 'text', (column) => column.notNull())
    .addColumn('stage_rank', 'integer', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('priority_rank', 'integer', (column) => column.notNull())
    .addColumn('is_urgent', 'integer', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text', (column) => column.modifyEnd(nocase))
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('caseload_entries_client').on('caseload_entries').column('client_id').execute();
  // One index per sortable column, ending in the case id that settles ties; the filters use them too.
  for (const column of [
    'client_name',
    'treatment',
    'payer',
    'plan_type',
    'stage_rank',
    'priority_rank',
    'assigned_advocate',
    'opened_on',
    'updated_at',
  ]) {
    await db.schema
      .createIndex(`caseload_entries_by_${column}`)
      .on('caseload_entries')
      .columns([column, 'case_id'])
      .execute();
  }

  await sql.raw(`INSERT INTO caseload_entries (${entryColumns}) ${entryRows('1 = 1')}`).execute(db);
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
