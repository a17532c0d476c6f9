/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * How many dates are still to act on, per due day: what the reminder summary's overdue count sums
 * over the days before today. Counted from the deadlines at each unlock it read every overdue
 * deadline (1.87 s of the first page at 1,000,000 cases, growing with the caseload); kept per day,
 * it reads one row per past day that has any, and a date becomes overdue as days pass without a
 * write, since the day it falls on was counted all along.
 *
 * A date is counted, on its `due_on`, while it is open work on an open case (reminder-counts.ts
 * states the Agenda's rule): a deadline neither met, untracked, answered nor marked done
 * (`deadline_adjustments.done_at`), or a dated task not done, on a case neither trashed nor closed
 * whose client is not trashed. The triggers follow every table that rule reads: the deadlines,
 * their adjustments, the tasks, the cases (trash, stage, client) and the clients (trash); a case
 * removed for good takes its dates away before its rows cascade. Each trigger adds what now counts
 * and takes away what counted before, so the rows hold the count whatever path wrote. The trigger
 * bodies are SQLite; a PostgreSQL store keeps the same table with its own triggers.
 */
const closedStages = `('resolved')`;

/** Open, by the deadline's own row and its adjustment. */
const isOpenDeadline = (row: string) =>
  `${row}.status NOT IN ('met', 'not-tracked') AND ${row}.answered_on IS NULL
   AND NOT EXISTS (SELECT 1 FROM deadline_adjustments a WHERE a.case_id = ${row}.case_id
     AND a.deadline_key = ${row}.deadline_key AND a.done_at IS NOT NULL)`;

/** A case row (or the case whose id is given) is open work: live, not closed, its client live. */
const isOpenCaseRow = (row: string) =>
  `(${row}.deleted_at IS NULL AND ${row}.stage NOT IN ${closedStages}
    AND EXISTS (SELECT 1 FROM clients l WHERE l.id = ${row}.client_id AND l.deleted_at IS NULL))`;
const isOpenCase = (caseId: string) =>
  `EXISTS (SELECT 1 FROM cases c WHERE c.id = ${caseId} AND ${isOpenCaseRow('c')})`;

/** Adds `amount` to the day's count when `condition` holds. */
const addToDay = (day: string, amount: string, condition: string) =>
  `INSERT INTO reminder_day_counts (due_on, open_count) SELECT ${day}, ${amount} WHERE ${condition}
   ON CONFLICT (due_on) DO UPDATE SET open_count = reminder_day_counts.open_count + excluded.open_count;`;

/** Adds `sign` for each open date of the cases `c` that `caseCondition` picks, day by day. */
const addOpenDatesOfCases = (sign: string, caseCondition: string) =>
  `INSERT INTO reminder_day_counts (due_on, open_count)
   SELECT due_on, ${sign} * count(*) FROM (
     SELECT d.due_on FROM case_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE ${caseCondition} AND ${isOpenDeadline('d')}
     UNION ALL
     SELECT t.due_on FROM tasks t JOIN cases c ON c.id = t.case_id
       WHERE ${caseCondition} AND t.due_on IS NOT NULL AND t.done_at IS NULL
   ) AS open_dates WHERE 1 = 1 GROUP BY due_on
   ON CONFLICT (due_on) DO UPDATE SET open_count = reminder_day_counts.open_count + excluded.open_count;`;

/** Adds `sign` for each deadline an adjustment row points at, open but for that adjustment. */
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

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'reminder_day_counts_deadline_insert',
    `AFTER INSERT ON case_deadlines BEGIN ${addToDay('new.due_on', '1', countedDeadline('new'))} END`,
  ],
  [
    'reminder_day_counts_deadline_delete',
    `AFTER DELETE ON case_deadlines BEGIN ${addToDay('old.due_on', '-1', countedDeadline('old'))} END`,
  ],
  [
    'reminder_day_counts_deadline_update',
    `AFTER UPDATE OF case_id, deadline_key, due_on, status, answered_on ON case_deadlines
     WHEN old.case_id IS NOT new.case_id OR old.deadline_key IS NOT new.deadline_key
       OR old.due_on IS NOT new.due_on OR old.status IS NOT new.status OR old.answered_on IS NOT new.answered_on
     BEGIN ${addToDay('old.due_on', '-1', countedDeadline('old'))}
       ${addToDay('new.due_on', '1', countedDeadline('new'))} END`,
  ],
  [
    'reminder_day_counts_adjustment_insert',
    `AFTER INSERT ON deadline_adjustments BEGIN ${addDeadlinesOfAdjustment('-1', 'new')} END`,
  ],
  [
    'reminder_day_counts_adjustment_delete',
    `AFTER DELETE ON deadline_adjustments BEGIN ${addDeadlinesOfAdjustment('1', 'old')} END`,
  ],
  [
    'reminder_day_counts_adjustment_update',
    `AFTER UPDATE OF case_id, deadline_key, done_at ON deadline_adjustments
     WHEN old.case_id IS NOT new.case_id OR old.deadline_key IS NOT new.deadline_key
       OR (old.done_at IS NULL) IS NOT (new.done_at IS NULL)
     BEGIN ${addDeadlinesOfAdjustment('1', 'old')} ${addDeadlinesOfAdjustment('-1', 'new')} END`,
  ],
  [
    'reminder_day_counts_task_insert',
    `AFTER INSERT ON tasks BEGIN ${addToDay('new.due_on', '1', countedTask('new'))} END`,
  ],
  [
    'reminder_day_counts_task_delete',
    `AFTER DELETE ON tasks BEGIN ${addToDay('old.due_on', '-1', countedTask('old'))} END`,
  ],
  [
    'reminder_day_counts_task_update',
    `AFTER UPDATE OF case_id, due_on, done_at ON tasks
     WHEN old.case_id IS NOT new.case_id OR old.due_on IS NOT new.due_on
       OR (old.done_at IS NULL) IS NOT (new.done_at IS NULL)
     BEGIN ${addToDay('old.due_on', '-1', countedTask('old'))}
       ${addToDay('new.due_on', '1', countedTask('new'))} END`,
  ],
  [
    'reminder_day_counts_case_update',
    `AFTER UPDATE OF deleted_at, stage, client_id ON cases
     WHEN old.deleted_at IS NOT new.deleted_at OR old.stage IS NOT new.stage OR old.client_id IS NOT new.client_id
     BEGIN ${addOpenDatesOfCases('-1', `c.id = old.id AND ${isOpenCaseRow('old')}`)}
       ${addOpenDatesOfCases('1', `c.id = new.id AND ${isOpenCaseRow('new')}`)} END`,
  ],
  [
    // Before the row goes: its deadlines and tasks cascade after it, when it can no longer be read.
    'reminder_day_counts_case_delete',
    `BEFORE DELETE ON cases BEGIN ${addOpenDatesOfCases('-1', `c.id = old.id AND ${isOpenCaseRow('old')}`)} END`,
  ],
  [
    'reminder_day_counts_client_update',
    `AFTER UPDATE OF deleted_at ON clients WHEN (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL)
     BEGIN ${addOpenDatesOfCases(
       'CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END',
       `c.client_id = new.id AND c.deleted_at IS NULL AND c.stage NOT IN ${closedStages}`,
     )} END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminder_day_counts')
    .addColumn('due_on', 'text', (column) => column.primaryKey())
    .addColumn('open_count', 'integer', (column) => column.notNull())
    .execute();
  await sql.raw(addOpenDatesOfCases('1', isOpenCaseRow('c'))).execute(db);
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
