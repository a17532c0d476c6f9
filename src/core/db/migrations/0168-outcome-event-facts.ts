/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * What Outcomes counts of the timeline, in a narrow row per counted event. The dashboard's payer
 * figures read, for a year's payer decisions, the decision, level and reason out of each event's
 * JSON details and the payer, treatment and advocate off its case, and, for a year's submissions
 * and correspondence, whether a delivery was proved: at 100,000 cases that read 18,000 wide event
 * rows and as many caseload entries one page at a time, and 10,000 undelivered submissions only to
 * drop them (0.45 s of the 0.55 s a year took, growing with the caseload). Here each figure is one
 * walk of a covering index, counted by the database.
 *
 * A row exists exactly while its event counts: not deleted, on a case with a caseload entry (live,
 * and its client too), and either a payer decision or a submission or correspondence with a proof
 * of delivery. The advocate, payer and treatment are copied from the entry, so the triggers follow
 * `caseload_entries` (every change to a case, client or coverage replaces its entries, which
 * re-reads the case's counted events) and `events`. The trigger bodies are SQLite; a PostgreSQL
 * store keeps the same table with its own triggers (sqlite-derived-tables.ts lists them).
 */
const submissionTypes = [
  'prior_auth_submitted',
  'claim_submitted',
  'appeal_filed',
  'external_review_requested',
  'regulator_complaint',
  'letter_sent',
  'correspondence',
]
  .map((type) => `'${type}'`)
  .join(', ');

const columns =
  'event_id, case_id, type, occurred_at, assigned_advocate, opened_on, payer, treatment, decision, level, reason, method, direction, counterpart';
const detail = (field: string) => `json_extract(e.details, '$.${field}')`;
const counted = (which: string) =>
  `SELECT e.id, e.case_id, e.type, e.occurred_at, entry.assigned_advocate, entry.opened_on, entry.payer, entry.treatment,
     ${detail('decision')}, ${detail('level')}, ${detail('reason')},
     ${detail('method')}, ${detail('direction')}, ${detail('counterpart')}
   FROM events e JOIN caseload_entries entry ON entry.case_id = e.case_id
   WHERE ${which} AND e.deleted_at IS NULL
     AND (e.type = 'payer_decision'
       OR (e.type IN (${submissionTypes}) AND ${detail('deliveryProof.method')} IS NOT NULL))`;

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'outcome_event_facts_events_insert',
    `AFTER INSERT ON events BEGIN
       INSERT INTO outcome_event_facts (${columns}) ${counted('e.id = new.id')}; END`,
  ],
  [
    'outcome_event_facts_events_update',
    `AFTER UPDATE OF case_id, type, occurred_at, details, deleted_at ON events BEGIN
       DELETE FROM outcome_event_facts WHERE event_id IN (old.id, new.id);
       INSERT INTO outcome_event_facts (${columns}) ${counted('e.id = new.id')}; END`,
  ],
  [
    'outcome_event_facts_events_delete',
    `AFTER DELETE ON events BEGIN
       DELETE FROM outcome_event_facts WHERE event_id = old.id; END`,
  ],
  [
    'outcome_event_facts_entries_insert',
    `AFTER INSERT ON caseload_entries BEGIN
       DELETE FROM outcome_event_facts WHERE case_id = new.case_id;
       INSERT INTO outcome_event_facts (${columns}) ${counted('e.case_id = new.case_id')}; END`,
  ],
  [
    'outcome_event_facts_entries_delete',
    `AFTER DELETE ON caseload_entries BEGIN
       DELETE FROM outcome_event_facts WHERE case_id = old.case_id; END`,
  ],
  [
    'outcome_event_facts_entries_update',
    `AFTER UPDATE OF case_id, assigned_advocate, opened_on, payer, treatment ON caseload_entries BEGIN
       DELETE FROM outcome_event_facts WHERE case_id IN (old.case_id, new.case_id);
       INSERT INTO outcome_event_facts (${columns}) ${counted('e.case_id = new.case_id')}; END`,
  ],
];

/**
 * One index per kind of read, each holding every column it reads: the period's rows of a type
 * (for everyone, or one advocate's), and a case's payer decisions (its first after intake).
 */
const counts = ['payer', 'treatment', 'level', 'decision', 'reason'];
const indexes: ReadonlyArray<readonly [name: string, columns: readonly string[]]> = [
  ['outcome_event_facts_by_type_occurred_at', ['type', 'occurred_at', ...counts, 'case_id']],
  [
    'outcome_event_facts_by_advocate_type_occurred_at',
    ['assigned_advocate', 'type', 'occurred_at', ...counts, 'case_id'],
  ],
  ['outcome_event_facts_by_case', ['case_id', 'type', 'occurred_at', 'opened_on']],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outcome_event_facts')
    .addColumn('event_id', 'integer', (column) => column.primaryKey())
    .addColumn('case_id', 'integer', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'text', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('payer', 'text')
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('decision', 'text')
    .addColumn('level', 'integer')
    .addColumn('reason', 'text')
    .addColumn('method', 'text')
    .addColumn('direction', 'text')
    .addColumn('counterpart', 'text')
    .execute();
  await sql.raw(`INSERT INTO outcome_event_facts (${columns}) ${counted('1 = 1')}`).execute(db);
  for (const [name, indexColumns] of indexes) {
    await db.schema
      .createIndex(name)
      .on('outcome_event_facts')
      .columns([...indexColumns])
      .execute();
  }
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
