import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { caseStageLabels } from '../../shared/domain/case-stages';
import { timelineEventTypeLabels } from '../../shared/domain/timeline-event-types';
import { formatPhoneNumber } from '../../shared/domain/phone-number';
import { treatmentLabels } from '../../shared/domain/treatments';
import type { SearchKind, SearchResult } from '../../shared/schemas/search';
import type { AdvocaseDatabase } from '../db/schema';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/time-zone';
import { eventSearchFields } from './event-search-fields';
import { labelledSnippet } from './labelled-snippet';
import { documentSearchProvider } from '../vault/document-search-provider';
import { dialectOf } from '../db/dialect/dialect-of';
import type { IndexedMatch, SearchTerms } from '../db/dialect/full-text-search';
import type { LabelledField } from './labelled-snippet';

/**
 * One source of global-search results. Another feature (the vault's documents) adds its own by
 * writing one of these and listing it in `searchProviders` below: nothing else changes.
 */
export type SearchProvider = {
  readonly kind: SearchKind;
  /**
   * At most `limit` results, best first, never a trashed record; `hasMore` when more matched;
   * `isStrongMatch` when the best result holds every word in its name or title (its group is
   * then shown before groups that only matched in details).
   */
  search(
    db: Kysely<AdvocaseDatabase>,
    query: { readonly typed: string; readonly terms: SearchTerms },
    limit: number,
  ): Promise<{ results: SearchResult[]; hasMore: boolean; isStrongMatch: boolean }>;
};

/** A JSON list (a case's codes, a client's tags) as one line: "90867, 90868"; null when empty. */
function listText(stored: string): string | null {
  const codes = JSON.parse(stored) as string[];
  return codes.length > 0 ? codes.join(', ') : null;
}

/** Puts hydrated records back in the order the index ranked them, dropping any that vanished. */
function inMatchOrder<Row extends { id: number }>(
  matches: readonly IndexedMatch[],
  rows: readonly Row[],
  toResult: (row: Row) => SearchResult,
): SearchResult[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return matches.flatMap((match) => {
    const row = byId.get(match.recordId);
    return row ? [toResult(row)] : [];
  });
}

export const clientSearchProvider: SearchProvider = {
  kind: 'client',
  async search(db, { typed, terms }, limit) {
    const { matches, hasMore } = await dialectOf(db).fullTextSearch.findRecordMatches(
      db,
      'client_search',
      terms,
      limit,
    );
    if (matches.length === 0) return { results: [], hasMore, isStrongMatch: false };
    const ids = matches.map((match) => match.recordId);
    const coverages = await db
      .selectFrom('coverages')
      .select(['client_id', 'payer', 'plan_name', 'member_id', 'group_number'])
      .where('client_id', 'in', ids)
      .execute();
    const rows = await db
      .selectFrom('clients')
      .select([
        'id',
        'full_name',
        'date_of_birth',
        'state',
        'phone',
        'email',
        'preferred_language',
        'tags',
        'notes',
      ])
      .where(
        'id',
        'in',
        matches.map((match) => match.recordId),
      )
      .where('deleted_at', 'is', null)
      .execute();
    const results = inMatchOrder(matches, rows, (row) => ({
      kind: 'client',
      id: row.id,
      title: row.full_name,
      subtitle:
        [row.date_of_birth && `Born ${row.date_of_birth}`, row.state].filter(Boolean).join(' · ') || null,
      snippet: labelledSnippet(typed, [
        ...coverages
          .filter((coverage) => coverage.client_id === row.id)
          .flatMap((coverage): LabelledField[] => [
            ['Member ID', coverage.member_id],
            ['Group', coverage.group_number],
            ['Payer', coverage.payer],
            ['Plan', coverage.plan_name],
          ]),
        ['Phone', row.phone === null ? null : formatPhoneNumber(row.phone)],
        ['Email', row.email],
        ['Language', row.preferred_language],
        ['Tags', listText(row.tags)],
        ['Notes', row.notes],
        ['', row.full_name],
      ]),
      target: { name: 'client', clientId: row.id },
    }));
    return { results, hasMore, isStrongMatch: matches[0]?.isTitleMatch ?? false };
  },
};

export const caseSearchProvider: SearchProvider = {
  kind: 'case',
  async search(db, { typed, terms }, limit) {
    const { matches, hasMore } = await dialectOf(db).fullTextSearch.findRecordMatches(
      db,
      'case_search',
      terms,
      limit,
    );
    if (matches.length === 0) return { results: [], hasMore, isStrongMatch: false };
    const rows = await db
      .selectFrom('cases')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
      .select([
        'cases.id',
        'clients.full_name',
        'cases.treatment',
        'cases.treatment_detail',
        'cases.stage',
        'cases.payer',
        'coverages.payer as coverage_payer',
        'coverages.member_id',
        'coverages.group_number',
        'cases.procedure_codes',
        'cases.diagnosis_codes',
        'cases.assigned_advocate',
      ])
      .where(
        'cases.id',
        'in',
        matches.map((match) => match.recordId),
      )
      .where('cases.deleted_at', 'is', null)
      .execute();
    const results = inMatchOrder(matches, rows, (row) => ({
      kind: 'case',
      id: row.id,
      title: `${formatCaseNumber(row.id)} · ${row.full_name}`,
      subtitle: [
        row.treatment === 'other' ? row.treatment_detail : treatmentLabels[row.treatment],
        row.coverage_payer ?? row.payer,
        caseStageLabels[row.stage],
      ]
        .filter(Boolean)
        .join(' · '),
      snippet: labelledSnippet(typed, [
        ['Member ID', row.member_id],
        ['Group', row.group_number],
        ['Procedure codes', listText(row.procedure_codes)],
        ['Diagnosis codes', listText(row.diagnosis_codes)],
        ['Advocate', row.assigned_advocate],
        ['', row.full_name],
      ]),
      target: { name: 'case', caseId: row.id, tab: 'timeline' },
    }));
    return { results, hasMore, isStrongMatch: matches[0]?.isTitleMatch ?? false };
  },
};

export const eventSearchProvider: SearchProvider = {
  kind: 'event',
  async search(db, { typed, terms }, limit) {
    const { matches, hasMore } = await dialectOf(db).fullTextSearch.findRecordMatches(
      db,
      'event_search',
      terms,
      limit,
    );
    if (matches.length === 0) return { results: [], hasMore, isStrongMatch: false };
    const rows = await db
      .selectFrom('events')
      .innerJoin('cases', 'cases.id', 'events.case_id')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .select([
        'events.id',
        'events.case_id',
        'events.type',
        'events.occurred_at',
        'events.summary',
        'events.details',
        'clients.full_name',
      ])
      .where(
        'events.id',
        'in',
        matches.map((match) => match.recordId),
      )
      .where('events.deleted_at', 'is', null)
      .where('cases.deleted_at', 'is', null)
      .execute();
    const timeZone = userTimeZone();
    const results = inMatchOrder(matches, rows, (row) => ({
      kind: 'event',
      id: row.id,
      title: `${timelineEventTypeLabels[row.type]} · ${formatCaseNumber(row.case_id)} · ${row.full_name}`,
      // The day on the user's calendar, not UTC's: a call at 9 pm in California is that day's.
      subtitle: civilDateInZone(Date.parse(row.occurred_at), timeZone),
      snippet: labelledSnippet(
        typed,
        eventSearchFields(row.summary, JSON.parse(row.details) as Record<string, unknown>),
      ),
      target: { name: 'case', caseId: row.case_id, tab: 'timeline' },
    }));
    // A call's summary is not its name: a timeline group comes after a name match elsewhere.
    return { results, hasMore, isStrongMatch: false };
  },
};

/** The sources global search asks, in the order their groups are shown when none matched by name. */
export const searchProviders: readonly SearchProvider[] = [
  clientSearchProvider,
  caseSearchProvider,
  eventSearchProvider,
  documentSearchProvider,
];
