/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Outcomes' payer decisions counted per UTC month. A year's decision figures (counts by payer,
 * treatment, appeal level and decision; the recurring denial reasons) walked one covering index
 * entry of `outcome_event_facts` (0168) per decision: 18,000 entries at 100,000 cases, ten times
 * as many at 1,000,000, so the dashboard grew with the caseload. Here a month holds one row per
 * advocate, payer, treatment, level, decision and (for a denial) reason, so a year's figures add
 * up at most twelve months of such rows; the days of the period outside whole UTC months are
 * still counted from the kept events (src/core/outcomes/decision-figures.ts).
 *
 * The rows follow `outcome_event_facts`, which 0168's triggers keep by inserting and deleting its
 * rows (never updating them): a decision's row inserted adds one to its month, deleted takes one
 * away. `first_at` is the month's first such decision, for a reason's first spelling; when that
 * one goes, it is read again from the kept events. The trigger bodies are SQLite; a PostgreSQL
 * store keeps the same table with its own trigger (sqlite-derived-tables.ts lists them).
 */
const keyColumns = ['month', 'assigned_advocate', 'payer', 'treatment', 'level', 'decision', 'reason'];

/** What a kept decision is counted under: its UTC month, and its reason only when it is a denial. */
const keyOf = (row: string) => [
  `substr(${row}.occurred_at, 1, 7)`,
  `${row}.assigned_advocate`,
  `${row}.payer`,
  `${row}.treatment`,
  `${row}.level`,
  `${row}.decision`,
  `CASE WHEN ${row}.decision = 'denied' THEN ${row}.reason END`,
];

/** The month row of a kept decision; `IS`, because an advocate, payer, level or reason may be null. */
const monthOf = (row: string) =>
  keyOf(row)
    .map((value, index) => `outcome_decision_months.${keyColumns[index]} IS ${value}`)
    .join(' AND ');

/** The kept decisions counted under the same month row as `row`, by the advocate's index of them. */
const sameMonthAs = (row: string) =>
  `facts.assigned_advocate IS ${row}.assigned_advocate AND facts.type = 'payer_decision'
   AND facts.occurred_at >= substr(${row}.occurred_at, 1, 7) AND facts.occurred_at < substr(${row}.occurred_at, 1, 7) || '-99'
   AND ${keyOf('facts')
     .slice(2)
     .map((value, index) => `${value} IS ${keyOf(row)[index + 2]}`)
     .join(' AND ')}`;

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'outcome_decision_months_insert',
    `AFTER INSERT ON outcome_event_facts WHEN new.type = 'payer_decision' BEGIN
       INSERT INTO outcome_decision_months (${keyColumns.join(', ')}, decisions, first_at)
         SELECT ${keyOf('new').join(', ')}, 0, new.occurred_at
         WHERE NOT EXISTS (SELECT 1 FROM outcome_decision_months WHERE ${monthOf('new')});
       UPDATE outcome_decision_months SET decisions = decisions + 1, first_at = min(first_at, new.occurred_at)
         WHERE ${monthOf('new')}; END`,
  ],
  [
    'outcome_decision_months_delete',
    `AFTER DELETE ON outcome_event_facts WHEN old.type = 'payer_decision' BEGIN
       DELETE FROM outcome_decision_months WHERE ${monthOf('old')} AND decisions = 1;
       UPDATE outcome_decision_months SET decisions = decisions - 1,
         first_at = CASE WHEN first_at = old.occurred_at
           THEN (SELECT min(facts.occurred_at) FROM outcome_event_facts facts WHERE ${sameMonthAs('old')})
           ELSE first_at END
         WHERE ${monthOf('old')}; END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outcome_decision_months')
    .addColumn('month', 'text', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('payer', 'text')
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('level', 'integer')
    .addColumn('decision', 'text')
    .addColumn('reason', 'text')
    .addColumn('decisions', 'integer', (column) => column.notNull())
    .addColumn('first_at', 'text', (column) => column.notNull())
    .execute();
  await sql
    .raw(
      `INSERT INTO outcome_decision_months (${keyColumns.join(', ')}, decisions, first_at)
       SELECT ${keyOf('facts').join(', ')}, count(*), min(facts.occurred_at)
       FROM outcome_event_facts facts WHERE facts.type = 'payer_decision'
       GROUP BY ${keyOf('facts').join(', ')}`,
    )
    .execute(db);
  // Read by month (every advocate's rows: a few hundred a month) and found by its whole key.
  await db.schema
    .createIndex('outcome_decision_months_by_key')
    .on('outcome_decision_months')
    .columns(keyColumns)
    .execute();
  for (const [name, definition] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
}
