import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  casePriorities,
  caseStages,
  type CasePriority,
  type CaseStage,
} from '../../shared/domain/case-stages';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type {
  CaseloadColumnId,
  CaseloadFilters,
  CaseloadQueryOutput,
  CaseloadRow,
  CaseloadSort,
  CaseloadViewDefinition,
  StageCounts,
} from '../../shared/schemas/caseload';
import { treatmentMentions } from '../../shared/domain/treatments';
import { localToday } from '../../shared/schemas/fields';
import type { CaseInsensitiveText } from '../db/dialect/case-insensitive-text';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';
import type { CaseloadEntryRow } from '../db/tables/caseload-entries';

/**
 * The caseload, sorted, filtered and paged inside the database: at 100,000 cases the renderer
 * only ever holds the window it shows. Everything reads `caseload_entries` (migration 0004), one
 * narrow indexed row per live case; trashed cases and the cases of trashed clients have none.
 */

type SqlFragment = RawBuilder<unknown>;

const sortKeys: Readonly<Record<CaseloadColumnId, SqlFragment>> = {
  caseNumber: sql`case_id`,
  clientName: sql`client_name`,
  treatment: sql`treatment`,
  payer: sql`payer`,
  planType: sql`plan_type`,
  // Pipeline order, not alphabetical: "Intake" first, "Resolved" last.
  stage: sql`stage_rank`,
  // Ascending is low to urgent, so "descending" reads as "most urgent first".
  priority: sql`priority_rank`,
  // Undated cases last: ascending (soonest first, the triage order) reads them as the far
  // future; descending as the distant past (orderByClause). Each expression is indexed (0033, 0034).
  nextDeadline: sql`coalesce(next_due_on, '9999-12-31')`,
  assignedAdvocate: sql`assigned_advocate`,
  openedOn: sql`opened_on`,
  updatedAt: sql`updated_at`,
  evidenceReadiness: sql`evidence_readiness`,
};

/** Newest first, like the paper file on top of the pile, until the user sorts. */
const defaultSorting: readonly CaseloadSort[] = [{ column: 'openedOn', descending: true }];

function anyOf(column: SqlFragment, values: readonly (string | null)[]): SqlFragment {
  const given = values.filter((value): value is string => value !== null);
  const parts: SqlFragment[] = [];
  if (given.length > 0) parts.push(sql`${column} in (${sql.join(given)})`);
  if (given.length < values.length) parts.push(sql`${column} is null`);
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
}

/** The ranks migration 0004 stores: the position in the shared lists (a test checks they agree). */
const rankOfStage = (stage: CaseStage) => caseStages.indexOf(stage);
const rankOfPriority = (priority: CasePriority) => casePriorities.indexOf(priority);

const whenAny =
  (column: SqlFragment) =>
  (values: readonly (string | null)[]): SqlFragment | null =>
    values.length > 0 ? anyOf(column, values) : null;

/**
 * One entry per filter in CaseloadFilters. A new filter (the deadlines work's "has an overdue
 * deadline") is a field in the schema and one entry here.
 */
const filterConditions: {
  readonly [K in keyof Required<CaseloadFilters>]: (
    value: NonNullable<CaseloadFilters[K]>,
    caseInsensitive: CaseInsensitiveText,
  ) => SqlFragment | null;
} = {
  // Ranks, not names: the rank columns are the ones indexed with the stage for counting.
  stages: (stages) => (stages.length > 0 ? sql`stage_rank in (${sql.join(stages.map(rankOfStage))})` : null),
  payers: whenAny(sql`payer`),
  planTypes: whenAny(sql`plan_type`),
  // A known treatment also finds "other" ones whose words name it ("Deep TMS (BrainsWay)" under TMS).
  treatments: (kinds, caseInsensitive) => {
    const byKind = whenAny(sql`treatment`)(kinds);
    const mentions = kinds.flatMap((kind) => treatmentMentions[kind] ?? []);
    if (!byKind || mentions.length === 0) return byKind;
    const named = mentions.map((words) =>
      caseInsensitive.contains(sql<string>`' ' || lower(treatment_detail)`, words),
    );
    return sql`(${byKind} or (treatment = 'other' and (${sql.join(named, sql` or `)})))`;
  },
  advocates: whenAny(sql`assigned_advocate`),
  priorities: (priorities) =>
    priorities.length > 0 ? sql`priority_rank in (${sql.join(priorities.map(rankOfPriority))})` : null,
  isUrgent: (isUrgent) => {
    const urgent = rankOfPriority('urgent');
    return isUrgent
      ? sql`(priority_rank = ${urgent} or is_urgent = 1)`
      : sql`(priority_rank <> ${urgent} and is_urgent = 0)`;
  },
  // Both read the deadlines work's tables (migration 0030), kept current by its recompute.
  hasOverdueDeadline: (hasOverdue) =>
    sql`case_id ${sql.raw(hasOverdue ? 'in' : 'not in')} (select case_id from case_deadline_summaries where overdue_count > 0)`,
  // Kept in caseload_entries by the evidence work (migration 0040), indexed with the case id.
  evidenceReadinessBelow: (percent) => sql`evidence_readiness < ${percent}`,
  claimantDeadlineWithinDays: (days) => {
    const today = localToday();
    return sql`case_id in (
      select d.case_id from case_deadlines d
      left join deadline_adjustments a on a.case_id = d.case_id and a.deadline_key = d.deadline_key
      where d.actor = 'claimant' and d.status in ('open', 'due-soon') and a.done_at is null
        and d.due_on between ${today} and ${addDays(today, days)})`;
  },
};

function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The quick filter: part of the client's name, payer, advocate or treatment, or a case number
 * ("C-00042", "42"). Where the engine can, the text is looked up in the trigram index of migration
 * 0101 instead of read from every case; it answers the same.
 */
function quickFilterCondition(text: string, caseInsensitive: CaseInsensitiveText): SqlFragment {
  const indexed = caseInsensitive.rowidsContaining('caseload_quick_filter', text);
  const textMatch = indexed
    ? sql`case_id in (${indexed})`
    : caseInsensitive.contains(sql.ref<string>('quick_filter_text'), text);
  const caseNumber = /^(?:c-?)?0*(\d{1,9})$/i.exec(text.replace(/\s/g, ''))?.[1];
  return caseNumber ? sql`(${textMatch} or case_id = ${Number(caseNumber)})` : textMatch;
}

function whereClause(
  db: Kysely<AdvocaseDatabase>,
  view: Pick<CaseloadViewDefinition, 'filters' | 'quickFilter'>,
  options: { withoutStageFilter?: boolean } = {},
): SqlFragment {
  const { caseInsensitiveText } = dialectOf(db);
  const conditions: SqlFragment[] = [];
  for (const key of Object.keys(filterConditions) as (keyof CaseloadFilters)[]) {
    if (key === 'stages' && options.withoutStageFilter) continue;
    const value = view.filters[key];
    if (value === undefined) continue;
    const condition = (
      filterConditions[key] as (value: unknown, caseInsensitive: CaseInsensitiveText) => SqlFragment | null
    )(value, caseInsensitiveText);
    if (condition) conditions.push(condition);
  }
  if (view.quickFilter) conditions.push(quickFilterCondition(view.quickFilter, caseInsensitiveText));
  return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

function orderByClause(db: Kysely<AdvocaseDatabase>, sorting: readonly CaseloadSort[]): SqlFragment {
  const { direction } = dialectOf(db).nullOrdering;
  const keys = sorting.length > 0 ? sorting : defaultSorting;
  const parts = keys.map(({ column, descending }) =>
    column === 'nextDeadline' && descending
      ? sql`coalesce(next_due_on, '0000-00-00') desc`
      : sql`${sortKeys[column]} ${direction(descending)}`,
  );
  // The case id settles ties, so paging never shows a row twice or skips one.
  const last = keys.at(-1)!;
  if (last.column !== 'caseNumber') {
    parts.push(sql`case_id ${sql.raw(last.descending ? 'desc' : 'asc')}`);
  }
  return sql`order by ${sql.join(parts)}`;
}

function toCaseloadRow(row: CaseloadEntryRow): CaseloadRow {
  return {
    id: row.case_id,
    caseNumber: formatCaseNumber(row.case_id),
    clientId: row.client_id,
    clientName: row.client_name,
    treatment: row.treatment,
    treatmentDetail: row.treatment_detail,
    payer: row.payer,
    planType: row.plan_type,
    stage: row.stage,
    priority: row.priority,
    isUrgent: row.is_urgent === 1,
    assignedAdvocate: row.assigned_advocate,
    openedOn: row.opened_on,
    updatedAt: row.updated_at,
    nextDeadlineOn: row.next_due_on,
    overdueCount: row.overdue_count,
    evidenceReadiness: row.evidence_readiness,
  };
}

/** Each single-column sort's index (migration 0004); the case number is the table's own order. */
const sortIndexes: Readonly<Record<CaseloadColumnId, string | null>> = {
  caseNumber: null,
  clientName: 'caseload_entries_by_client_name',
  treatment: 'caseload_entries_by_treatment',
  payer: 'caseload_entries_by_payer',
  planType: 'caseload_entries_by_plan_type',
  stage: 'caseload_entries_by_stage_rank',
  priority: 'caseload_entries_by_priority_rank',
  nextDeadline: 'caseload_entries_by_next_deadline',
  assignedAdvocate: 'caseload_entries_by_assigned_advocate',
  openedOn: 'caseload_entries_by_opened_on',
  updatedAt: 'caseload_entries_by_updated_at',
  evidenceReadiness: 'caseload_entries_by_evidence_readiness',
};

async function selectRows(
  db: Kysely<AdvocaseDatabase>,
  view: CaseloadViewDefinition,
  window: { offset: number; limit: number } | null,
  options: { walkSortIndex?: boolean } = {},
): Promise<CaseloadRow[]> {
  const paging = window ? sql`limit ${window.limit} offset ${window.offset}` : sql``;
  const firstSort = (view.sorting.length > 0 ? view.sorting : defaultSorting)[0]!;
  const sortColumn = firstSort.column;
  const sortIndex =
    sortColumn === 'nextDeadline' && firstSort.descending
      ? 'caseload_entries_by_next_deadline_desc'
      : sortIndexes[sortColumn];
  // SQLite's planner, without statistics, takes any filter's index and then sorts every match,
  // reading each from the table (measured: 75 ms for the 10,000 cases of one stage). When matches
  // are common, walking the sort column's index and stopping at the page is far cheaper; the
  // caller decides from the counts it already has.
  const hint =
    options.walkSortIndex && view.sorting.length <= 1
      ? dialectOf(db).queryPlanHints.walkIndex(sortIndex)
      : sql``;
  const { rows } = await sql<CaseloadEntryRow>`
    select * from caseload_entries ${hint} ${whereClause(db, view)}
    ${orderByClause(db, view.sorting)} ${paging}`.execute(db);
  return rows.map(toCaseloadRow);
}

async function countMatching(db: Kysely<AdvocaseDatabase>, view: CaseloadViewDefinition): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    select count(*) as total from caseload_entries ${whereClause(db, view)}`.execute(db);
  return rows[0]?.total ?? 0;
}

/** True when nothing but (at most) the stages narrows the view: its stage counts are everyone's. */
function countsEveryCase(view: Pick<CaseloadViewDefinition, 'filters' | 'quickFilter'>): boolean {
  return (
    !view.quickFilter &&
    Object.entries(view.filters).every(([key, value]) => key === 'stages' || value === undefined)
  );
}

/** The stage counts of every live case, kept by triggers as entries change (migration 0100). */
async function everyCaseByStage(
  db: Kysely<AdvocaseDatabase>,
): Promise<Array<{ stage_rank: number; total: number }>> {
  const { rows } = await sql<{ stage_rank: number; total: number }>`
    select stage_rank, total from caseload_stage_counts`.execute(db);
  return rows;
}

async function countByStage(
  db: Kysely<AdvocaseDatabase>,
  view: CaseloadViewDefinition,
): Promise<StageCounts> {
  // Grouping by stage_rank without its index lets SQLite count from whichever covering
  // (column, stage_rank) index fits the filters (migration 0006) instead of walking the stage
  // index with a table lookup per case (measured: 530 ms for the urgent filter, 15 ms like this).
  // Unfiltered, the counts are read.
  const { rows } = countsEveryCase(view)
    ? { rows: await everyCaseByStage(db) }
    : await sql<{ stage_rank: number; total: number }>`
    select stage_rank, count(*) as total from caseload_entries
    ${whereClause(db, view, { withoutStageFilter: true })}
    group by ${dialectOf(db).queryPlanHints.withoutItsIndex('stage_rank')}`.execute(db);
  const counts = Object.fromEntries(caseStages.map((stage) => [stage, 0])) as Record<CaseStage, number>;
  for (const row of rows) {
    const stage = caseStages[row.stage_rank];
    if (stage) counts[stage] = row.total;
  }
  return counts;
}

export type CaseloadQuery = CaseloadViewDefinition & {
  readonly offset: number;
  readonly limit: number;
  readonly includeStageCounts: boolean;
};

/** Above this many matches, the page is found by walking the sort index instead (they are dense). */
const maxMatchesSortedById = 20_000;

/**
 * The quick filter has to look at every case, so it looks once, in the covering index of
 * (quick_filter_text, stage_rank) (migration 0006): the matching ids and their stages give the
 * total and the stage counts. The page then comes from those ids when they are few (sorted in
 * the database), or by walking the sort column's index when most cases match (it stops early).
 */
async function queryWithQuickFilter(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
): Promise<CaseloadQueryOutput> {
  const { rows: matches } = await sql<{ case_id: number; stage_rank: number }>`
    select case_id, stage_rank from caseload_entries ${whereClause(db, query, { withoutStageFilter: true })}`.execute(
    db,
  );
  const stageCounts = Object.fromEntries(caseStages.map((stage) => [stage, 0])) as Record<CaseStage, number>;
  for (const match of matches) {
    const stage = caseStages[match.stage_rank];
    if (stage) stageCounts[stage] += 1;
  }
  const stageFilter = new Set((query.filters.stages ?? []).map(rankOfStage));
  const inView =
    stageFilter.size > 0 ? matches.filter((match) => stageFilter.has(match.stage_rank)) : matches;
  let rows: CaseloadRow[];
  if (inView.length === 0) {
    rows = [];
  } else if (inView.length <= maxMatchesSortedById) {
    const { rows: page } = await sql<CaseloadEntryRow>`
      select * from caseload_entries where case_id in (${sql.join(inView.map((match) => match.case_id))})
      ${orderByClause(db, query.sorting)} limit ${query.limit} offset ${query.offset}`.execute(db);
    rows = page.map(toCaseloadRow);
  } else {
    rows = await selectRows(db, query, { offset: query.offset, limit: query.limit });
  }
  return {
    rows,
    total: inView.length,
    offset: query.offset,
    stageCounts: query.includeStageCounts ? stageCounts : null,
  };
}

/** About how many index entries a page may walk before the filter's own index is the better road. */
const maxRowsToWalk = 4_000;

export async function queryCaseload(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
): Promise<CaseloadQueryOutput> {
  if (query.quickFilter) return queryWithQuickFilter(db, query);
  const hasStageFilter = (query.filters.stages?.length ?? 0) > 0;
  const stageCounts = query.includeStageCounts ? await countByStage(db, query) : null;
  // Without a stage filter the total is the sum of the stage counts: one query fewer.
  const total =
    stageCounts && !hasStageFilter
      ? Object.values(stageCounts).reduce((sum, count) => sum + count, 0)
      : await countMatching(db, query);
  const isFiltered = Object.values(query.filters).some((value) => value !== undefined);
  let walkSortIndex = false;
  if (isFiltered && total > 0) {
    const everyCase = (await everyCaseByStage(db)).reduce((sum, row) => sum + row.total, 0);
    walkSortIndex = ((query.offset + query.limit) * everyCase) / total <= maxRowsToWalk;
  }
  const rows = await selectRows(db, query, { offset: query.offset, limit: query.limit }, { walkSortIndex });
  return { rows, total, offset: query.offset, stageCounts };
}

/** Every row of a view, in its order (CSV export). */
export function selectAllCaseloadRows(
  db: Kysely<AdvocaseDatabase>,
  view: CaseloadViewDefinition,
): Promise<CaseloadRow[]> {
  return selectRows(db, view, null);
}

/** The distinct payers and advocates in live cases, for the column filters' pick lists. */
export async function caseloadFilterOptions(
  db: Kysely<AdvocaseDatabase>,
): Promise<{ payers: string[]; advocates: string[] }> {
  const payers = await sql<{ payer: string }>`
    select distinct payer from caseload_entries where payer is not null order by payer`.execute(db);
  const advocates = await sql<{ advocate: string }>`
    select distinct assigned_advocate as advocate from caseload_entries
    where assigned_advocate is not null order by assigned_advocate`.execute(db);
  return {
    payers: payers.rows.map((row) => row.payer),
    advocates: advocates.rows.map((row) => row.advocate),
  };
}
