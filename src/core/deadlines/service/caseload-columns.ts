import { sql, type RawBuilder } from 'kysely';

/**
 * For the caseload query (src/core/services/caseload-query-service.ts): the "next deadline" and
 * "overdue" columns and filters read one row per case from `case_deadline_summaries`, which the
 * deadline work keeps current (recomputed on every change to a case's facts and at unlock), so
 * sorting 100,000 cases by next deadline is an indexed join, not a run of the engine.
 *
 * Join it with `caseloadDeadlineJoin`, then sort by `nextDeadlineSortKey` (cases with no date
 * last) and filter with `hasOverdueDeadline`. Index: case_deadline_summaries_next_due, and a
 * partial index on overdue cases (migration 0030).
 */
export const caseloadDeadlineJoin: RawBuilder<unknown> = sql`left join case_deadline_summaries on case_deadline_summaries.case_id = cases.id`;

/** YYYY-MM-DD of the earliest date still to act on, or null. */
export const nextDeadlineColumn: RawBuilder<string | null> = sql<
  string | null
>`case_deadline_summaries.next_due_on`;

/** Sorts undated cases after dated ones in either direction's natural reading. */
export const nextDeadlineSortKey: RawBuilder<string> = sql<string>`coalesce(case_deadline_summaries.next_due_on, '9999-12-31')`;

/** How many deadlines have passed without being met or marked done. */
export const overdueCountColumn: RawBuilder<number> = sql<number>`coalesce(case_deadline_summaries.overdue_count, 0)`;

export const hasOverdueDeadline: RawBuilder<boolean> = sql<boolean>`case_deadline_summaries.overdue_count > 0`;
