/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Outcomes' "deadlines met" and "missed" counted per due day. A year's figures read every legal
 * deadline due in the period, each with its case's entry and its adjustment: 7,781 of the
 * advocate's own at 100,000 cases, ten times as many at 1,000,000, so the dashboard grew with the
 * caseload. Here a day holds one row per advocate and standing, so a year's figures add up at most
 * a few thousand rows however many cases there are.
 *
 * Counted: the claimant's rule deadlines (kind "rule"; the payer's stay read per deadline, they are
 * timed per payer) of a live case whose client is live (exactly the cases with a caseload entry),
 * on the day that counts (the override, else the computed day), under the case's advocate ('' when
 * none: a name is never empty, src/shared/schemas/fields.ts optionalText) and a standing that needs
 * neither today nor the user's time zone (judgeDeadlineStanding, src/shared/domain/case-lifecycle.ts):
 * - `met`: stored met, answered on or before the day, or marked done on a UTC day before it (in
 *   every zone, UTC−12 to UTC+14, that is on or before the day);
 * - `marked done`: not met so, and marked done on or after the day in UTC: whether it was done in
 *   time depends on the zone, so Outcomes judges the deadlines of such a day from their rows;
 * - `not-tracked`; `answered late` (missed); `unanswered` (missed once the day has passed).
 *
 * The triggers follow what that reads, as 0160's do: the deadlines, their adjustments, the cases
 * (trash, advocate, client) and the clients (trash); a case removed for good takes its deadlines
 * away before its rows cascade. Each adds what now counts and takes away what counted before, so
 * the rows hold the count whatever path wrote (rows left at zero stay). The same statements serve
 * the PostgreSQL chain's 0207 (`deadlineDayUpkeep`), in its own triggers.
 */
export const deadlineDayColumns = 'due_on, advocate, standing, deadlines';

/** The day that counts: the user's override, else the computed day. */
const dueDayOf = (deadline: string, adjustment: string) =>
  `coalesce(${adjustment}.override_due_on, ${deadline}.due_on)`;

const standingOf = (deadline: string, adjustment: string) => {
  const dueDay = dueDayOf(deadline, adjustment);
  return `CASE WHEN ${deadline}.status = 'met' OR ${deadline}.answered_on <= ${dueDay} THEN 'met'
    WHEN ${adjustment}.done_at IS NOT NULL AND substr(${adjustment}.done_at, 1, 10) < ${dueDay} THEN 'met'
    WHEN ${adjustment}.done_at IS NOT NULL THEN 'marked done'
    WHEN ${deadline}.status = 'not-tracked' THEN 'not-tracked'
    WHEN ${deadline}.answered_on IS NOT NULL THEN 'answered late'
    ELSE 'unanswered' END`;
};

/** A case row is counted: live, and its client live (as `caseload_entries` has a row for it). */
export const isLiveCaseRow = (row: string) =>
  `(${row}.deleted_at IS NULL
    AND EXISTS (SELECT 1 FROM clients l WHERE l.id = ${row}.client_id AND l.deleted_at IS NULL))`;

/**
 * Adds `sign` for each counted deadline `from` yields as `deadline` with its adjustment
 * `adjustment` (a row of none: `noAdjustment`) on the case row `caseRow`, where `where` holds.
 */
const addDeadlines = (
  sign: string,
  rows: { deadline: string; adjustment: string; caseRow: string; from: string; where: string },
) =>
  `INSERT INTO outcome_deadline_days (${deadlineDayColumns})
   SELECT ${dueDayOf(rows.deadline, rows.adjustment)}, coalesce(${rows.caseRow}.assigned_advocate, ''),
     ${standingOf(rows.deadline, rows.adjustment)}, ${sign} * count(*)
   FROM ${rows.from}
   WHERE ${rows.deadline}.kind = 'rule' AND ${rows.deadline}.actor = 'claimant' AND ${rows.where}
   GROUP BY 1, 2, 3
   ON CONFLICT (due_on, advocate, standing)
     DO UPDATE SET deadlines = outcome_deadline_days.deadlines + excluded.deadlines;`;

/** Joined where a deadline is counted as if it had no adjustment. */
const noAdjustment = 'deadline_adjustments none ON 1 = 0';
const adjustmentOf = (deadline: string) =>
  `deadline_adjustments a ON a.case_id = ${deadline}.case_id AND a.deadline_key = ${deadline}.deadline_key`;

/**
 * The statements that keep the days, by what changed; `row` names the old or new row (SQLite's
 * `old`/`new`, PostgreSQL's `OLD`/`NEW`).
 */
export const deadlineDayUpkeep = {
  /** Every counted deadline of the cases `caseCondition` picks among the case rows `c`. */
  casesDeadlines: (sign: string, caseCondition: string) =>
    addDeadlines(sign, {
      deadline: 'd',
      adjustment: 'a',
      caseRow: 'c',
      from: `case_deadlines d JOIN cases c ON c.id = d.case_id LEFT JOIN ${adjustmentOf('d')}`,
      where: caseCondition,
    }),
  /** Every counted deadline of one case row (`old`, `new`) that is live. */
  caseRowDeadlines: (sign: string, row: string) =>
    addDeadlines(sign, {
      deadline: 'd',
      adjustment: 'a',
      caseRow: row,
      from: `case_deadlines d LEFT JOIN ${adjustmentOf('d')}`,
      where: `d.case_id = ${row}.id AND ${isLiveCaseRow(row)}`,
    }),
  /** One deadline row, with its adjustment as it stands, on its case if counted. */
  deadlineRow: (sign: string, row: string) =>
    addDeadlines(sign, {
      deadline: row,
      adjustment: 'a',
      caseRow: 'c',
      from: `cases c LEFT JOIN ${adjustmentOf(row)}`,
      where: `c.id = ${row}.case_id AND ${isLiveCaseRow('c')}`,
    }),
  /** The deadline an adjustment row points at, counted with that adjustment or with none. */
  adjustedDeadline: (sign: string, row: string, withAdjustment: boolean) =>
    addDeadlines(sign, {
      deadline: 'd',
      adjustment: withAdjustment ? row : 'none',
      caseRow: 'c',
      from: `case_deadlines d JOIN cases c ON c.id = d.case_id${withAdjustment ? '' : ` LEFT JOIN ${noAdjustment}`}`,
      where: `d.case_id = ${row}.case_id AND d.deadline_key = ${row}.deadline_key AND ${isLiveCaseRow('c')}`,
    }),
};

/** Columns of a deadline and of an adjustment whose change can move a counted deadline. */
export const deadlineColumnsCounted = [
  'case_id',
  'deadline_key',
  'kind',
  'actor',
  'status',
  'due_on',
  'answered_on',
];
export const adjustmentColumnsCounted = ['case_id', 'deadline_key', 'override_due_on', 'done_at'];
export const caseColumnsCounted = ['deleted_at', 'assigned_advocate', 'client_id'];

const changed = (columns: readonly string[]) =>
  columns.map((column) => `old.${column} IS NOT new.${column}`).join(' OR ');
const { casesDeadlines, caseRowDeadlines, deadlineRow, adjustedDeadline } = deadlineDayUpkeep;

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'outcome_deadline_days_deadline_insert',
    `AFTER INSERT ON case_deadlines BEGIN ${deadlineRow('1', 'new')} END`,
  ],
  [
    'outcome_deadline_days_deadline_delete',
    `AFTER DELETE ON case_deadlines BEGIN ${deadlineRow('-1', 'old')} END`,
  ],
  [
    'outcome_deadline_days_deadline_update',
    `AFTER UPDATE OF ${deadlineColumnsCounted.join(', ')} ON case_deadlines WHEN ${changed(deadlineColumnsCounted)}
     BEGIN ${deadlineRow('-1', 'old')} ${deadlineRow('1', 'new')} END`,
  ],
  [
    'outcome_deadline_days_adjustment_insert',
    `AFTER INSERT ON deadline_adjustments
     BEGIN ${adjustedDeadline('-1', 'new', false)} ${adjustedDeadline('1', 'new', true)} END`,
  ],
  [
    'outcome_deadline_days_adjustment_delete',
    `AFTER DELETE ON deadline_adjustments
     BEGIN ${adjustedDeadline('-1', 'old', true)} ${adjustedDeadline('1', 'old', false)} END`,
  ],
  [
    // One adjustment per deadline (0030's unique key): the old one's deadline loses it, the new one's gains it.
    'outcome_deadline_days_adjustment_update',
    `AFTER UPDATE OF ${adjustmentColumnsCounted.join(', ')} ON deadline_adjustments WHEN ${changed(adjustmentColumnsCounted)}
     BEGIN ${adjustedDeadline('-1', 'old', true)} ${adjustedDeadline('1', 'old', false)}
       ${adjustedDeadline('-1', 'new', false)} ${adjustedDeadline('1', 'new', true)} END`,
  ],
  [
    'outcome_deadline_days_case_update',
    `AFTER UPDATE OF ${caseColumnsCounted.join(', ')} ON cases WHEN ${changed(caseColumnsCounted)}
     BEGIN ${caseRowDeadlines('-1', 'old')} ${caseRowDeadlines('1', 'new')} END`,
  ],
  [
    // Before the row goes: its deadlines and adjustments cascade after it, when it can no longer be read.
    'outcome_deadline_days_case_delete',
    `BEFORE DELETE ON cases BEGIN ${caseRowDeadlines('-1', 'old')} END`,
  ],
  [
    'outcome_deadline_days_client_update',
    `AFTER UPDATE OF deleted_at ON clients WHEN (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL)
     BEGIN ${casesDeadlines('CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END', 'c.client_id = new.id AND c.deleted_at IS NULL')} END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outcome_deadline_days')
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('advocate', 'text', (column) => column.notNull())
    .addColumn('standing', 'text', (column) => column.notNull())
    .addColumn('deadlines', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('outcome_deadline_days_key', ['due_on', 'advocate', 'standing'])
    .execute();
  await sql.raw(casesDeadlines('1', isLiveCaseRow('c'))).execute(db);
  // The payer's deadlines of a period, found without reading each of the claimant's (nine in ten).
  await db.schema
    .createIndex('case_deadlines_by_actor_due')
    .on('case_deadlines')
    .columns(['actor', 'due_on', 'case_id'])
    .execute();
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
