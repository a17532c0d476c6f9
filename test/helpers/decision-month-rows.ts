/** A row of `outcome_decision_months` (migration 0205), or a plain count in its shape, as read back. */
export type DecisionMonthRow = Readonly<Record<string, unknown>>;

/**
 * Month rows in one form whichever engine read them, for comparing sets of them: PostgreSQL hands
 * a `bigint` (level, decisions) back as text and SQLite as a number, and neither keeps an order.
 */
export function comparableMonthRows(rows: readonly DecisionMonthRow[]): DecisionMonthRow[] {
  return rows
    .map((row) => ({
      ...row,
      level: row.level === null ? null : Number(row.level),
      decisions: Number(row.decisions),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
