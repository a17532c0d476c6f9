import { sql, type Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0160 (the SQLite chain's `0160-reminder-day-counts.ts` says why): how many
 * dates are still open work, per due day, kept by PL/pgSQL row triggers on the same tables, firing
 * on the same changes and writing the same rows (checked by derived-tables-match.test.ts).
 *
 * The functions run as the table's owner (SECURITY DEFINER), as 0148's versions do: a navigator
 * who marks a deadline done changes the team's day counts, which no policy lets them read or write
 * directly, and the counts must see every case to stay whole. A team member's reminder summary does
 * not read them (each person sees only their own cases: reminder-counts.ts reads the rows then).
 */
const closedStages = `('resolved')`;

const isOpenDeadline = (row: string) =>
  `${row}.status NOT IN ('met', 'not-tracked') AND ${row}.answered_on IS NULL
   AND NOT EXISTS (SELECT 1 FROM deadline_adjustments a WHERE a.case_id = ${row}.case_id
     AND a.deadline_key = ${row}.deadline_key AND a.done_at IS NOT NULL)`;

const isOpenCaseRow = (row: string) =>
  `(${row}.deleted_at IS NULL AND ${row}.stage NOT IN ${closedStages}
    AND EXISTS (SELECT 1 FROM clients l WHERE l.id = ${row}.client_id AND l.deleted_at IS NULL))`;
const isOpenCase = (caseId: string) =>
  `EXISTS (SELECT 1 FROM cases c WHERE c.id = ${caseId} AND ${isOpenCaseRow('c')})`;

const addToDay = (day: string, amount: string, condition: string) =>
  `INSERT INTO reminder_day_counts (due_on, open_count) SELECT ${day}, ${amount} WHERE ${condition}
   ON CONFLICT (due_on) DO UPDATE SET open_count = reminder_day_counts.open_count + excluded.open_count;`;

const addOpenDatesOfCases = (sign: string, caseCondition: string) =>
  `INSERT INTO reminder_day_counts (due_on, open_count)
   SELECT due_on, ${sign} * count(*) FROM (
     SELECT d.due_on FROM case_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE ${caseCondition} AND ${isOpenDeadline('d')}
     UNION ALL
     SELECT t.due_on FROM tasks t JOIN cases c ON c.id = t.case_id
       WHERE ${caseCondition} AND t.due_on IS NOT NULL AND t.done_at IS NULL
   ) AS open_dates GROUP BY due_on
   ON CONFLICT (due_on) DO UPDATE SET open_count = reminder_day_counts.open_count + excluded.open_count;`;

const addDeadlinesOfAdjustment = (sign: string, row: string) =>
  `INSERT INTO reminder_day_counts (due_on, open_count)
   SELECT d.due_on, ${sign} * count(*) FROM case_deadlines d
     WHERE ${row}.done_at IS NOT NULL AND d.case_id = ${row}.case_id AND d.deadline_key = ${row}.deadline_key
       AND d.status NOT IN ('met', 'not-tracked') AND d.answered_on IS NULL AND ${isOpenCase('d.case_id')}
     GROUP BY d.due_on
   ON CONFLICT (due_on) DO UPDATE SET open_count = reminder_day_counts.open_count + excluded.open_count;`;

const countedDeadline = (row: string) => `${isOpenDeadline(row)} AND ${isOpenCase(`${row}.case_id`)}`;
const countedTask = (row: string) =>
  `${row}.due_on IS NOT NULL AND ${row}.done_at IS NULL AND ${isOpenCase(`${row}.case_id`)}`;

/** SQLite's UPDATE triggers fire only WHEN one of these changed; the same test here. */
const anyChanged = (columns: readonly string[]) =>
  columns.map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ');

/** Each function: [what it follows, the trigger's events, its body]. */
const followers: ReadonlyArray<readonly [table: string, events: string, body: string]> = [
  [
    'case_deadlines',
    'INSERT OR UPDATE OF case_id, deadline_key, due_on, status, answered_on OR DELETE',
    `IF TG_OP = 'UPDATE' AND NOT (${anyChanged(['case_id', 'deadline_key', 'due_on', 'status', 'answered_on'])}) THEN
       RETURN NULL;
     END IF;
     IF TG_OP IN ('DELETE', 'UPDATE') THEN ${addToDay('OLD.due_on', '-1', countedDeadline('OLD'))} END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN ${addToDay('NEW.due_on', '1', countedDeadline('NEW'))} END IF;`,
  ],
  [
    'deadline_adjustments',
    'INSERT OR UPDATE OF case_id, deadline_key, done_at OR DELETE',
    `IF TG_OP = 'UPDATE' AND NOT (${anyChanged(['case_id', 'deadline_key'])}
         OR (OLD.done_at IS NULL) IS DISTINCT FROM (NEW.done_at IS NULL)) THEN
       RETURN NULL;
     END IF;
     IF TG_OP IN ('DELETE', 'UPDATE') THEN ${addDeadlinesOfAdjustment('1', 'OLD')} END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN ${addDeadlinesOfAdjustment('-1', 'NEW')} END IF;`,
  ],
  [
    'tasks',
    'INSERT OR UPDATE OF case_id, due_on, done_at OR DELETE',
    `IF TG_OP = 'UPDATE' AND NOT (${anyChanged(['case_id', 'due_on'])}
         OR (OLD.done_at IS NULL) IS DISTINCT FROM (NEW.done_at IS NULL)) THEN
       RETURN NULL;
     END IF;
     IF TG_OP IN ('DELETE', 'UPDATE') THEN ${addToDay('OLD.due_on', '-1', countedTask('OLD'))} END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN ${addToDay('NEW.due_on', '1', countedTask('NEW'))} END IF;`,
  ],
  [
    'cases',
    'UPDATE OF deleted_at, stage, client_id',
    `IF NOT (${anyChanged(['deleted_at', 'stage', 'client_id'])}) THEN RETURN NULL; END IF;
     ${addOpenDatesOfCases('-1', `c.id = OLD.id AND ${isOpenCaseRow('OLD')}`)}
     ${addOpenDatesOfCases('1', `c.id = NEW.id AND ${isOpenCaseRow('NEW')}`)}`,
  ],
  [
    'clients',
    'UPDATE OF deleted_at',
    `IF (OLD.deleted_at IS NULL) IS NOT DISTINCT FROM (NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
     ${addOpenDatesOfCases(
       'CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END',
       `c.client_id = NEW.id AND c.deleted_at IS NULL AND c.stage NOT IN ${closedStages}`,
     )}`,
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const definer = `SECURITY DEFINER SET search_path = "${rows[0]!.schema}", pg_temp`;
  await db.schema
    .createTable('reminder_day_counts')
    .addColumn('due_on', 'text', (column) => column.primaryKey())
    .addColumn('open_count', 'bigint', (column) => column.notNull())
    .execute();
  await sql.raw(addOpenDatesOfCases('1', isOpenCaseRow('c'))).execute(db);
  for (const [table, events, body] of followers) {
    const name = `reminder_day_counts_follow_${table}`;
    await sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$ BEGIN
           ${body}
           RETURN NULL;
         END $fn$`,
      )
      .execute(db);
    await sql.raw(`REVOKE ALL ON FUNCTION ${name}() FROM PUBLIC`).execute(db);
    await sql
      .raw(`CREATE TRIGGER ${name} AFTER ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
      .execute(db);
  }
  // SQLite's reminder_day_counts_case_delete: before the case's rows cascade away with it.
  await sql
    .raw(
      `CREATE FUNCTION reminder_day_counts_leave_cases() RETURNS trigger LANGUAGE plpgsql ${definer} AS $fn$ BEGIN
         ${addOpenDatesOfCases('-1', `c.id = OLD.id AND ${isOpenCaseRow('OLD')}`)}
         RETURN OLD;
       END $fn$`,
    )
    .execute(db);
  await sql`REVOKE ALL ON FUNCTION reminder_day_counts_leave_cases() FROM PUBLIC`.execute(db);
  await sql`CREATE TRIGGER reminder_day_counts_leave_cases BEFORE DELETE ON cases
              FOR EACH ROW EXECUTE FUNCTION reminder_day_counts_leave_cases()`.execute(db);
}
