import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/core/db/dialect/dialect-of';
import { inFts5Column, toFts5Match } from '../../src/core/db/dialect/sqlite/fts5-match';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { openStore, type Store } from '../../src/core/db/store';
import { toSearchTerms } from '../../src/core/search/search-terms';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The record indexes' matches, found in passes that stop early, are exactly the first `limit` of
 * every match read to the end: the title matches, then the others, each newest first, and "more"
 * exactly when there are more. Checked on a real encrypted store for searches
 * with no match, a few, exactly a page, and many, in the title, elsewhere and both; and for a last
 * word of four letters or more, which the SQLite index asks as the words it begins when they are
 * few: words with accents, a prefix of many words, of none, inside a phrase.
 */

const newDataDirectory = useTemporaryDataDirectory();
let store: Store;

beforeAll(async () => {
  store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('clients')
      .values({ id: 1, full_name: 'Maria Lopez', state: 'CA', created_at: now, updated_at: now })
      .execute();
    await trx
      .insertInto('cases')
      .values({
        id: 1,
        client_id: 1,
        treatment: 'tms',
        stage: 'intake',
        priority: 'normal',
        opened_on: '2026-01-05',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let index = 0; index < 60; index += 1) {
      const isCall = index % 2 === 0;
      await trx
        .insertInto('events')
        .values({
          case_id: 1,
          type: isCall ? 'phone_call' : 'note',
          occurred_at: now,
          summary: isCall
            ? `Called Aetna about the request${index % 7 === 0 ? ', clinic copied' : ''}`
            : `Sent records to the clinic${index % 5 === 0 ? ' and Aetna' : ''}`,
          details: JSON.stringify(
            isCall
              ? { referenceNumber: `REF-${1000 + index}`, repName: index % 3 === 0 ? 'Tanya' : 'Devon' }
              : {},
          ),
          created_at: now,
        })
        .execute();
    }
  });
});
afterAll(() => store.close());

/** Every match read to its end, title matches first, as the search must answer. */
async function everyMatch(db: Kysely<AdvocaseDatabase>, typed: string, limit: number) {
  const anywhere = toFts5Match(toSearchTerms(typed)!);
  const read = async (match: string) =>
    (
      await sql<{ rowid: number }>`
        SELECT rowid FROM event_search WHERE event_search MATCH ${match} ORDER BY rowid`.execute(db)
    ).rows;
  const inTitle = await read(inFts5Column('summary', anywhere));
  const titleIds = new Set(inTitle.map((row) => row.rowid));
  const all = [
    ...inTitle.map((row) => ({ recordId: -row.rowid, isTitleMatch: true })),
    ...(await read(anywhere))
      .filter((row) => !titleIds.has(row.rowid))
      .map((row) => ({ recordId: -row.rowid, isTitleMatch: false })),
  ];
  return { matches: all.slice(0, limit), hasMore: all.length > limit };
}

describe('record matches found in passes that stop early', () => {
  it('are the first of every match, title matches first, with the same "more"', async () => {
    const searches = [
      'zzz',
      'clinic REF',
      'Tanya',
      'Tanya clinic',
      'clinic',
      'Aetna',
      'Aetna clinic',
      'REF',
      'Dev',
      'REF-1004',
    ];
    for (const typed of searches) {
      for (const limit of [1, 3, 8, 25]) {
        const found = await dialectOf(store.db).fullTextSearch.findRecordMatches(
          store.db,
          'event_search',
          toSearchTerms(typed)!,
          limit,
        );
        expect({ typed, limit, ...found }).toEqual({
          typed,
          limit,
          ...(await everyMatch(store.db, typed, limit)),
        });
      }
    }
  });
});

describe('a long last word, asked as the words of the index it begins', () => {
  beforeAll(async () => {
    const now = new Date().toISOString();
    const note = (summary: string, details: Record<string, string> = {}) => ({
      case_id: 1,
      type: 'phone_call' as const,
      occurred_at: now,
      summary,
      details: JSON.stringify(details),
      created_at: now,
    });
    await store.db
      .insertInto('events')
      .values([
        note('Letter from Dr. Müller', { referenceNumber: 'REF-20931' }),
        note('Called the Mülheim clinic about the letters', { repName: 'Letícia' }),
        note('Faxed the lettering to Aetna', { referenceNumber: 'REF-20932' }),
        note('Mailed the appeal', { repName: 'Lettie Muller' }),
        // More words beginning "zx10" than are asked one by one: that prefix stays a prefix.
        ...Array.from({ length: 40 }, (_, index) =>
          note(`Filed claim ZX${1000 + index}`, index % 4 === 0 ? { repName: 'Letty' } : {}),
        ),
        note('A note to be trashed: Quorndon'),
      ])
      .execute();
    await store.db
      .updateTable('events')
      .set({ deleted_at: now })
      .where('summary', '=', 'A note to be trashed: Quorndon')
      .execute();
  });

  it('find a word written with accents by its letters without them', async () => {
    const found = await dialectOf(store.db).fullTextSearch.findRecordMatches(
      store.db,
      'event_search',
      toSearchTerms('mull')!,
      8,
    );
    const summaries = await store.db
      .selectFrom('events')
      .select(['id', 'summary'])
      .where(
        'id',
        'in',
        found.matches.map((match) => match.recordId),
      )
      .execute();
    const summaryOf = new Map(summaries.map((row) => [row.id, row.summary]));
    expect(found.matches.map((match) => [summaryOf.get(match.recordId), match.isTitleMatch])).toEqual([
      ['Letter from Dr. Müller', true],
      ['Mailed the appeal', false],
    ]);
  });

  it('are exactly the matches of the prefix, title matches first, with the same "more"', async () => {
    const searches = [
      'lett',
      'LETTER',
      'letters',
      'letterz',
      'mull',
      'mulh',
      'Mül',
      'Müll',
      'clinic mulh',
      'Aetna lette',
      'Leti',
      'zx10',
      'zx100',
      'zx1039',
      'Letty zx100',
      'REF-2093',
      'REF-20931',
      'REF-2094',
      'quorn',
      'zzzz',
    ];
    for (const typed of searches) {
      for (const limit of [1, 3, 8, 25]) {
        const found = await dialectOf(store.db).fullTextSearch.findRecordMatches(
          store.db,
          'event_search',
          toSearchTerms(typed)!,
          limit,
        );
        expect({ typed, limit, ...found }).toEqual({
          typed,
          limit,
          ...(await everyMatch(store.db, typed, limit)),
        });
      }
    }
  });
});
