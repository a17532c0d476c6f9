import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  casePriorities,
  caseStages,
  type CasePriority,
  type CaseStage,
} from '../../shared/domain/case-stages';
import { closedStages, isClosedStage } from '../../shared/domain/case-lifecycle';
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
import { countedOnce } from './caseload-count-cache';
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
  // The entry's copy of the deadline summary's count (migration 0033), the one its column shows:
  // counted from the entries' (overdue_count, stage_rank) index (migration 0204), and kept with the
  // other entry-only counts, where reading the summaries counted every overdue case on each call
  // (210 ms for 77,000 of them at 1,000,000 cases).
  hasOverdueDeadline: (hasOverdue) => (hasOverdue ? sql`overdue_count > 0` : sql`overdue_count = 0`),
  // Kept in caseload_entries by the evidence work (migration 0040), indexed with the case id.
  // A closed case has nothing left to file: it shows no readiness, so it is not "not ready" either.
  evidenceReadinessBelow: (percent) =>
    sql`(evidence_readiness < ${percent} and stage not in (${sql.join(closedStages)}))`,
  // Reads the deadlines work's tables (migration 0030), kept current by its recompute.
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
function quickFilterCondition(
  text: string,
  caseInsensitive: CaseInsensitiveText,
  options: { byScan?: boolean } = {},
): SqlFragment {
  const indexed = options.byScan ? null : caseInsensitive.rowidsContaining('caseload_quick_filter', text);
  const textMatch = indexed
    ? sql`case_id in (${indexed})`
    : caseInsensitive.contains(sql.ref<string>('quick_filter_text'), text);
  const caseNumber = /^(?:c-?)?0*(\d{1,9})$/i.exec(text.replace(/\s/g, ''))?.[1];
  return caseNumber ? sql`(${textMatch} or case_id = ${Number(caseNumber)})` : textMatch;
}

function whereClause(
  db: Kysely<AdvocaseDatabase>,
  view: Pick<CaseloadViewDefinition, 'filters' | 'quickFilter'>,
  options: { withoutStageFilter?: boolean; quickFilterByScan?: boolean; also?: SqlFragment } = {},
): SqlFragment {
  const { caseInsensitiveText } = dialectOf(db);
  const conditions: SqlFragment[] = options.also ? [options.also] : [];
  for (const key of Object.keys(filterConditions) as (keyof CaseloadFilters)[]) {
    if (key === 'stages' && options.withoutStageFilter) continue;
    const value = view.filters[key];
    if (value === undefined) continue;
    const condition = (
      filterConditions[key] as (value: unknown, caseInsensitive: CaseInsensitiveText) => SqlFragment | null
    )(value, caseInsensitiveText);
    if (condition) conditions.push(condition);
  }
  if (view.quickFilter) {
    conditions.push(
      quickFilterCondition(view.quickFilter, caseInsensitiveText, { byScan: options.quickFilterByScan }),
    );
  }
  return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

/** What a sort orders by: undated cases last both ways for the next deadline. */
function sortKeyOf({ column, descending }: CaseloadSort): SqlFragment {
  return column === 'nextDeadline' && descending
    ? sql`coalesce(next_due_on, '0000-00-00')`
    : sortKeys[column];
}

/** A sort's direction, with empty values where SQLite puts them on every engine. */
const directionOf = (db: Kysely<AdvocaseDatabase>, sort: CaseloadSort) =>
  dialectOf(db).nullOrdering.direction(sort.descending);

function orderByClause(db: Kysely<AdvocaseDatabase>, sorting: readonly CaseloadSort[]): SqlFragment {
  const keys = sorting.length > 0 ? sorting : defaultSorting;
  const parts = keys.map((sort) => sql`${sortKeyOf(sort)} ${directionOf(db, sort)}`);
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
    // A closed case has nothing left to file (docs/case-lifecycle.md): no readiness, as on its page.
    evidenceReadiness: isClosedStage(row.stage) ? null : row.evidence_readiness,
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
  options: { also?: SqlFragment } = {},
): Promise<CaseloadRow[]> {
  const paging = window ? sql`limit ${window.limit} offset ${window.offset}` : sql``;
  const { rows } = await sql<CaseloadEntryRow>`
    select * from caseload_entries ${whereClause(db, view, options)}
    ${orderByClause(db, view.sorting)} ${paging}`.execute(db);
  return rows.map(toCaseloadRow);
}

/** A single-column sort's index; the case number is the table's own order. */
function sortIndexOf(view: CaseloadViewDefinition): string | null {
  const firstSort = (view.sorting.length > 0 ? view.sorting : defaultSorting)[0]!;
  return firstSort.column === 'nextDeadline' && firstSort.descending
    ? 'caseload_entries_by_next_deadline_desc'
    : sortIndexes[firstSort.column];
}

/** A view's sort can be walked on one index when it sorts by one column. */
const canWalkSortIndex = (view: CaseloadViewDefinition) => view.sorting.length <= 1;

/**
 * The page, found by walking the sort column's index from its start and testing each case, at
 * most `steps` entries: null when the page was not complete by then (the matches gather further
 * along the order, as the Marias do in a sort by name). SQLite's planner, without statistics, takes
 * any filter's index and then sorts every match, reading each from the table (measured: 75 ms for
 * the 10,000 cases of one stage); when matches are common, the walk stops at the page instead. The
 * caller decides from the counts it already has, and the bound keeps a wrong guess cheap.
 */
async function walkToPage(
  db: Kysely<AdvocaseDatabase>,
  view: CaseloadViewDefinition,
  window: { offset: number; limit: number },
  walk: { steps: number; total: number },
  options: { quickFilterByScan?: boolean; also?: SqlFragment } = {},
): Promise<CaseloadRow[] | null> {
  const hint = dialectOf(db).queryPlanHints.walkIndex(sortIndexOf(view));
  const order = orderByClause(db, view.sorting);
  const { rows } = await sql<CaseloadEntryRow>`
    select * from (select * from caseload_entries ${hint} ${order} limit ${Math.ceil(walk.steps)}) as walked
    ${whereClause(db, view, options)} ${order} limit ${window.limit} offset ${window.offset}`.execute(db);
  const onThePage = Math.min(window.limit, Math.max(0, walk.total - window.offset));
  return rows.length >= onThePage ? rows.map(toCaseloadRow) : null;
}

/** Above this many values of the first sort column, its groups are small enough to sort whole. */
const maxSortGroups = 2_000;

/**
 * A page of a sort on several columns whose first has few values (stage, payer, priority…).
 * Sorted in one statement, every case of the first groups is read and sorted (the planner walks the
 * first column's index and sorts each group whole: 12–64 ms for "payer, then client" at 100,000
 * cases, growing with the caseload). Here the groups' sizes are counted once (kept until the
 * caseload changes) and the page is taken from the groups it spans: each by a bounded walk of the
 * next sort column's index within the group, by the same again one column further when more
 * columns follow, or, for a small group, sorted whole. Null when the column has too many values,
 * or the view reads the deadline tables (its counts are not kept).
 */
async function pageGroupByGroup(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
  page: { offset: number; limit: number },
  within: SqlFragment | null = null,
): Promise<CaseloadRow[] | null> {
  const [first, ...rest] = query.sorting;
  if (!first || rest.length === 0 || !readsOnlyEntries(query)) return null;
  const key = sortKeyOf(first);
  const conditions = whereClause(db, query, within ? { also: within } : {});
  const direction = directionOf(db, first);
  const groups = await countedOnce(db, sql`${conditions} group by ${key} ${direction}`, async () => {
    const { rows } = await sql<{ value: string | number | null; total: number }>`
      select ${key} as value, count(*) as total from caseload_entries ${conditions}
      group by ${key} order by ${key} ${direction}`.execute(db);
    return rows;
  });
  if (groups.length > maxSortGroups) return null;
  const everyCase = sumOf(await everyCaseByStage(db));
  const view: CaseloadQuery = { ...query, sorting: rest };
  const rows: CaseloadRow[] = [];
  let start = 0;
  for (const group of groups) {
    const end = start + group.total;
    if (start >= page.offset + page.limit) break;
    if (end > page.offset) {
      const window = {
        offset: Math.max(0, page.offset - start),
        limit: Math.min(page.offset + page.limit, end) - Math.max(page.offset, start),
      };
      const inGroup = group.value === null ? sql`${key} is null` : sql`${key} = ${group.value}`;
      const also = within ? sql`${within} and ${inGroup}` : inGroup;
      const expectedSteps = ((window.offset + window.limit) * everyCase) / group.total;
      const found =
        rest.length > 1
          ? await pageGroupByGroup(db, view, window, also)
          : expectedSteps <= maxRowsToWalk
            ? await walkToPage(
                db,
                view,
                window,
                { steps: stepsAllowed(window, expectedSteps), total: group.total },
                { quickFilterByScan: true, also },
              )
            : null;
      rows.push(...(found ?? (await selectRows(db, view, window, { also }))));
    }
    start = end;
  }
  return rows;
}

/** How far a walk may go: twice the entries it should need if the matches were spread evenly, and a page. */
function stepsAllowed(window: { offset: number; limit: number }, expectedSteps: number): number {
  return 2 * expectedSteps + window.limit;
}

/** True when nothing but (at most) the stages narrows the view: its stage counts are everyone's. */
function countsEveryCase(view: Pick<CaseloadViewDefinition, 'filters' | 'quickFilter'>): boolean {
  return (
    !view.quickFilter &&
    Object.entries(view.filters).every(([key, value]) => key === 'stages' || value === undefined)
  );
}

/**
 * Filters that read the deadline tables as well as the entries: what they match can change without
 * an entry changing (a date comes within the window), so their counts are not kept (each is a
 * small indexed lookup).
 */
const filtersReadingOtherTables: ReadonlySet<keyof CaseloadFilters> = new Set(['claimantDeadlineWithinDays']);

function readsOnlyEntries(view: Pick<CaseloadViewDefinition, 'filters'>): boolean {
  return Object.entries(view.filters).every(
    ([key, value]) => value === undefined || !filtersReadingOtherTables.has(key as keyof CaseloadFilters),
  );
}

type StageRankCount = { stage_rank: number; total: number };

/**
 * The stage counts of every live case the connection sees: kept by triggers as entries change
 * (migration 0100) for the whole store, so read as kept only where the connection sees every case;
 * a team member whose rows are scoped (docs/team-mode.md, "Who sees what") is counted from the
 * entries their policies show them, so the counts tell the same story as the rows.
 */
async function everyCaseByStage(db: Kysely<AdvocaseDatabase>): Promise<StageRankCount[]> {
  const { rows } = (await dialectOf(db).rowVisibility.seesEveryCase(db))
    ? await sql<StageRankCount>`select stage_rank, total from caseload_stage_counts`.execute(db)
    : await sql<StageRankCount>`
        select stage_rank, count(*) as total from caseload_entries group by stage_rank`.execute(db);
  return rows;
}

const sumOf = (counts: readonly StageRankCount[]) => counts.reduce((sum, row) => sum + row.total, 0);

/**
 * The view's matches per stage, ignoring its own stage filter (the stage tabs show every stage's
 * count). Unfiltered, they are the kept counts; otherwise counted once per change of the caseload.
 */
async function countByStage(
  db: Kysely<AdvocaseDatabase>,
  view: CaseloadViewDefinition,
): Promise<StageRankCount[]> {
  if (countsEveryCase(view)) return everyCaseByStage(db);
  const conditions = whereClause(db, view, { withoutStageFilter: true });
  // Grouping by stage_rank without its index lets SQLite count from whichever covering
  // (column, stage_rank) index fits the filters (migration 0006) instead of walking the stage
  // index with a table lookup per case (measured: 530 ms for the urgent filter, 15 ms like this).
  const stageRank = dialectOf(db).queryPlanHints.withoutIndex(sql.ref<number>('stage_rank'));
  const count = async () =>
    (
      await sql<StageRankCount>`
        select stage_rank, count(*) as total from caseload_entries ${conditions} group by ${stageRank}`.execute(
        db,
      )
    ).rows;
  return readsOnlyEntries(view) ? countedOnce(db, conditions, count) : count();
}

function toStageCounts(rows: readonly StageRankCount[]): StageCounts {
  const counts = Object.fromEntries(caseStages.map((stage) => [stage, 0])) as Record<CaseStage, number>;
  for (const row of rows) {
    const stage = caseStages[row.stage_rank];
    if (stage) counts[stage] = row.total;
  }
  return counts;
}

/** The matches of the view's stage filter, or all of them when it has none. */
function inStages(counts: readonly StageRankCount[], view: CaseloadViewDefinition): number {
  const stages = new Set((view.filters.stages ?? []).map(rankOfStage));
  return sumOf(stages.size > 0 ? counts.filter((row) => stages.has(row.stage_rank)) : counts);
}

export type CaseloadQuery = CaseloadViewDefinition & {
  readonly offset: number;
  readonly limit: number;
  readonly includeStageCounts: boolean;
};

/** A quick filter's matches per stage, ignoring the view's stage filter. */
type QuickFilterMatches = { readonly byStage: readonly StageRankCount[] };

/**
 * The quick filter finds its matches once, from the trigram index (migration 0101): the matching
 * ids' stages give the total and the stage counts, kept until the caseload changes.
 */
async function quickFilterMatches(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
): Promise<QuickFilterMatches> {
  const conditions = whereClause(db, query, { withoutStageFilter: true });
  const stageRank = dialectOf(db).queryPlanHints.withoutIndex(sql.ref<number>('stage_rank'));
  return countedOnce(db, conditions, async () => {
    const { rows } = await sql<StageRankCount>`
      select stage_rank, count(*) as total from caseload_entries ${conditions} group by ${stageRank}`.execute(
      db,
    );
    return { byStage: rows };
  });
}

/** Above this many matches their order is not kept (4 bytes each): each page sorts them again. */
const maxMatchesKeptInOrder = 250_000;

/**
 * A page of the view's matches sorted among themselves. Their ids in the view's order are kept
 * until the caseload changes, like the counts, so the next page of a scroll, or the same page
 * again, reads only its own rows instead of sorting every match again (the 29,000 cases a quick
 * filter "maria" finds among 1,000,000, sorted by name: 159 ms for each page).
 */
async function pageOfMatchesInOrder(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
  page: { offset: number; limit: number },
  total: number,
): Promise<CaseloadRow[]> {
  if (total > maxMatchesKeptInOrder) return selectRows(db, query, page);
  const conditions = whereClause(db, query);
  const order = orderByClause(db, query.sorting);
  const inOrder = await countedOnce(db, sql`${conditions} ${order}`, async () => {
    const { rows } = await sql<{ case_id: number }>`
      select case_id from caseload_entries ${conditions} ${order}`.execute(db);
    return Int32Array.from(rows, (row) => row.case_id);
  });
  const ids = [...inOrder.subarray(page.offset, page.offset + page.limit)];
  if (ids.length === 0) return [];
  const { rows } = await sql<CaseloadEntryRow>`
    select * from caseload_entries where case_id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((row) => [row.case_id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCaseloadRow(row)] : [];
  });
}

/**
 * A page of a quick filter's matches: by walking the sort column's index, testing each case's
 * text, when the matches are dense enough that the page is reached in fewer steps than there are
 * matches; otherwise sorted among the matches alone, so either way the work is the smaller of
 * the two, never a pass over the caseload.
 */
async function queryWithQuickFilter(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
): Promise<CaseloadQueryOutput> {
  const matches = await quickFilterMatches(db, query);
  const total = inStages(matches.byStage, query);
  const page = { offset: query.offset, limit: query.limit };
  let rows: CaseloadRow[] = [];
  if (total > 0) {
    const everyCase = sumOf(await everyCaseByStage(db));
    // Walk when that reads fewer cases than sorting the matches would.
    const steps = stepsAllowed(page, ((query.offset + query.limit) * everyCase) / total);
    const walked = canWalkSortIndex(query)
      ? steps < total
        ? await walkToPage(db, query, page, { steps, total }, { quickFilterByScan: true })
        : null
      : await pageGroupByGroup(db, query, page);
    rows = walked ?? (await pageOfMatchesInOrder(db, query, page, total));
  }
  return {
    rows,
    total,
    offset: query.offset,
    stageCounts: query.includeStageCounts ? toStageCounts(matches.byStage) : null,
  };
}

/** About how many index entries a page may walk before the filter's own index is the better road. */
const maxRowsToWalk = 4_000;

export async function queryCaseload(
  db: Kysely<AdvocaseDatabase>,
  query: CaseloadQuery,
): Promise<CaseloadQueryOutput> {
  if (query.quickFilter) return queryWithQuickFilter(db, query);
  const byStage = await countByStage(db, query);
  // The total is the stage counts of the view's stages: no count of its own.
  const total = inStages(byStage, query);
  const page = { offset: query.offset, limit: query.limit };
  const isFiltered = Object.values(query.filters).some((value) => value !== undefined);
  let rows: CaseloadRow[] | null = null;
  if (isFiltered && total > 0 && canWalkSortIndex(query)) {
    const expectedSteps = ((query.offset + query.limit) * sumOf(await everyCaseByStage(db))) / total;
    if (expectedSteps <= maxRowsToWalk) {
      rows = await walkToPage(db, query, page, { steps: stepsAllowed(page, expectedSteps), total });
    }
  }
  if (!canWalkSortIndex(query) && total > 0) rows = await pageGroupByGroup(db, query, page);
  rows ??= await selectRows(db, query, page);
  return {
    rows,
    total,
    offset: query.offset,
    stageCounts: query.includeStageCounts ? toStageCounts(byStage) : null,
  };
}

/**
 * Every row of a view, in its order, as the database reads them (CSV export): the caller holds one
 * row at a time, never the whole view. The connection is held until the last row is read.
 */
export async function* caseloadRowsInOrder(
  db: Kysely<AdvocaseDatabase>,
  view: CaseloadViewDefinition,
): AsyncGenerator<CaseloadRow> {
  const rows = db
    .selectFrom('caseload_entries')
    .selectAll()
    .modifyEnd(sql`${whereClause(db, view)} ${orderByClause(db, view.sorting)}`)
    .stream(1000);
  for await (const row of rows) yield toCaseloadRow(row);
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
