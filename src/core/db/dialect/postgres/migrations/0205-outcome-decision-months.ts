import { sql, type Kysely } from 'kysely';

/**
 * The PostgreSQL half of 0205 (the SQLite chain's `0205-outcome-decision-months.ts` says why the
 * table exists): the kept payer decisions counted per UTC month, one row per advocate, payer,
 * treatment, level, decision and, for a denial, reason. The same table, rows and index; the
 * trigger is PL/pgSQL, firing on the same changes as SQLite's and writing the same rows (checked
 * by derived-tables-match.test.ts): a kept decision inserted adds one to its month's row, deleted
 * takes one away, and the month's first instant is read again when its first decision goes.
 * Unlike SQLite's, a row trigger here runs after its whole statement: when one statement deletes
 * every decision of a month row, the first instant is read from none, so the row keeps its own
 * until the last of those triggers deletes it.
 */
const keyColumns = ['month', 'assigned_advocate', 'payer', 'treatment', 'level', 'decision', 'reason'];

const keyOf = (row: string) => [
  `substr(${row}.occurred_at, 1, 7)`,
  `${row}.assigned_advocate`,
  `${row}.payer`,
  `${row}.treatment`,
  `${row}.level`,
  `${row}.decision`,
  `CASE WHEN ${row}.decision = 'denied' THEN ${row}.reason END`,
];

const monthOf = (row: string) =>
  keyOf(row)
    .map((value, index) => `outcome_decision_months.${keyColumns[index]} IS NOT DISTINCT FROM ${value}`)
    .join(' AND ');

const sameMonthAs = (row: string) =>
  `facts.assigned_advocate IS NOT DISTINCT FROM ${row}.assigned_advocate AND facts.type = 'payer_decision'
   AND facts.occurred_at >= substr(${row}.occurred_at, 1, 7) AND facts.occurred_at < substr(${row}.occurred_at, 1, 7) || '-99'
   AND ${keyOf('facts')
     .slice(2)
     .map((value, index) => `${value} IS NOT DISTINCT FROM ${keyOf(row)[index + 2]}`)
     .join(' AND ')}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outcome_decision_months')
    .addColumn('month', 'text', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('payer', 'text')
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('level', 'bigint')
    .addColumn('decision', 'text')
    .addColumn('reason', 'text')
    .addColumn('decisions', 'bigint', (column) => column.notNull())
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
  await db.schema
    .createIndex('outcome_decision_months_by_key')
    .on('outcome_decision_months')
    .columns(keyColumns)
    .execute();
  // SQLite's outcome_decision_months_insert and _delete, in one function.
  await sql
    .raw(
      `CREATE FUNCTION outcome_decision_months_follow_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO outcome_decision_months (${keyColumns.join(', ')}, decisions, first_at)
             SELECT ${keyOf('NEW').join(', ')}, 0, NEW.occurred_at
             WHERE NOT EXISTS (SELECT 1 FROM outcome_decision_months WHERE ${monthOf('NEW')});
           UPDATE outcome_decision_months SET decisions = decisions + 1, first_at = least(first_at, NEW.occurred_at)
             WHERE ${monthOf('NEW')};
         ELSE
           DELETE FROM outcome_decision_months WHERE ${monthOf('OLD')} AND decisions = 1;
           UPDATE outcome_decision_months SET decisions = decisions - 1,
             first_at = CASE WHEN first_at = OLD.occurred_at
               THEN coalesce((SELECT min(facts.occurred_at) FROM outcome_event_facts facts WHERE ${sameMonthAs('OLD')}), first_at)
               ELSE first_at END
             WHERE ${monthOf('OLD')};
         END IF;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  // One trigger each way, as SQLite's: only a payer decision's row is counted.
  for (const [operation, row] of [
    ['INSERT', 'NEW'],
    ['DELETE', 'OLD'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER outcome_decision_months_${operation.toLowerCase()} AFTER ${operation} ON outcome_event_facts
           FOR EACH ROW WHEN (${row}.type = 'payer_decision') EXECUTE FUNCTION outcome_decision_months_follow_facts()`,
      )
      .execute(db);
  }
}
