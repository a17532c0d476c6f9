import { sql, type Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0168 (the SQLite chain's `0168-outcome-event-facts.ts` says why the
 * table exists): a narrow row per payer decision, and per submission or correspondence with a
 * proof of delivery, that is not deleted and is on a case with a caseload entry, with what
 * Outcomes counts of it. The same table, rows and indexes; the triggers are PL/pgSQL, firing on
 * the same changes as SQLite's and writing the same rows (checked by derived-tables-match.test.ts):
 * - an event inserted, changed or deleted has its row written again (or removed);
 * - an entry inserted into `caseload_entries` (its case became live, or was rebuilt), or changed
 *   in its advocate, opening day, payer or treatment, has its case's rows read again; an entry deleted takes
 *   them away.
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
// SQLite's json_extract: a string as its text, a number as a number (the level), anything else null.
const text = (field: string) => `(e.details::jsonb #>> '{${field.split('.').join(',')}}')`;
const level = `CASE WHEN jsonb_typeof(e.details::jsonb -> 'level') = 'number'
                 THEN (e.details::jsonb ->> 'level')::numeric::bigint END`;
const counted = (which: string) =>
  `SELECT e.id, e.case_id, e.type, e.occurred_at, entry.assigned_advocate, entry.opened_on, entry.payer, entry.treatment,
     ${text('decision')}, ${level}, ${text('reason')},
     ${text('method')}, ${text('direction')}, ${text('counterpart')}
   FROM events e JOIN caseload_entries entry ON entry.case_id = e.case_id
   WHERE ${which} AND e.deleted_at IS NULL
     AND (e.type = 'payer_decision'
       OR (e.type IN (${submissionTypes}) AND ${text('deliveryProof.method')} IS NOT NULL))`;

const counts = ['payer', 'treatment', 'level', 'decision', 'reason'];
const indexes: ReadonlyArray<readonly [name: string, columns: readonly string[]]> = [
  ['outcome_event_facts_by_type_occurred_at', ['type', 'occurred_at', ...counts, 'case_id']],
  [
    'outcome_event_facts_by_advocate_type_occurred_at',
    ['assigned_advocate', 'type', 'occurred_at', ...counts, 'case_id'],
  ],
  ['outcome_event_facts_by_case', ['case_id', 'type', 'occurred_at', 'opened_on']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outcome_event_facts')
    .addColumn('event_id', 'bigint', (column) => column.primaryKey())
    .addColumn('case_id', 'bigint', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'text', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('payer', 'text')
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('decision', 'text')
    .addColumn('level', 'bigint')
    .addColumn('reason', 'text')
    .addColumn('method', 'text')
    .addColumn('direction', 'text')
    .addColumn('counterpart', 'text')
    .execute();
  await sql.raw(`INSERT INTO outcome_event_facts (${columns}) ${counted('true')}`).execute(db);
  for (const [name, indexColumns] of indexes) {
    await db.schema
      .createIndex(name)
      .on('outcome_event_facts')
      .columns([...indexColumns])
      .execute();
  }
  // SQLite's outcome_event_facts_events_insert, _update and _delete, in one function.
  await sql
    .raw(
      `CREATE FUNCTION outcome_event_facts_follow_events() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           DELETE FROM outcome_event_facts WHERE event_id = OLD.id;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           DELETE FROM outcome_event_facts WHERE event_id = NEW.id;
           INSERT INTO outcome_event_facts (${columns}) ${counted('e.id = NEW.id')};
         END IF;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  await sql`CREATE TRIGGER outcome_event_facts_follow_events
              AFTER INSERT OR UPDATE OF case_id, type, occurred_at, details, deleted_at OR DELETE ON events
              FOR EACH ROW EXECUTE FUNCTION outcome_event_facts_follow_events()`.execute(db);
  // SQLite's outcome_event_facts_entries_insert, _update and _delete, in one function.
  await sql
    .raw(
      `CREATE FUNCTION outcome_event_facts_follow_entries() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           DELETE FROM outcome_event_facts WHERE case_id = OLD.case_id;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           DELETE FROM outcome_event_facts WHERE case_id = NEW.case_id;
           INSERT INTO outcome_event_facts (${columns}) ${counted('e.case_id = NEW.case_id')};
         END IF;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  await sql`CREATE TRIGGER outcome_event_facts_follow_entries
              AFTER INSERT OR UPDATE OF case_id, assigned_advocate, opened_on, payer, treatment OR DELETE ON caseload_entries
              FOR EACH ROW EXECUTE FUNCTION outcome_event_facts_follow_entries()`.execute(db);
}
