import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeEngines } from '../../../../test/helpers/test-stores';
import { toSearchTerms } from '../../search/search-terms';
import type { AdvocaseDatabase } from '../schema';
import type { Store } from '../store';
import { dialectOf } from './dialect-of';
import { snippetMatchEnd, snippetMatchStart } from './full-text-search';

/** The words a snippet marks as matched. */
function marked(snippet: string): string[] {
  return [
    ...snippet.matchAll(new RegExp(`${snippetMatchStart}([^${snippetMatchEnd}]*)${snippetMatchEnd}`, 'g')),
  ].map((match) => match[1]!);
}

async function addDocument(db: Kysely<AdvocaseDatabase>, fileName: string): Promise<number> {
  const now = '2026-03-01T00:00:00.000Z';
  const blob = await db
    .insertInto('vault_blobs')
    .values({ storage_id: fileName, plaintext_sha256: fileName, size_bytes: 1, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const document = await db
    .insertInto('documents')
    .values({
      blob_id: blob.id,
      file_name: fileName,
      media_type: 'pdf',
      document_type: 'other',
      suggested_type: 'other',
      is_type_confirmed: 0,
      tags: '[]',
      text_status: 'indexed',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return document.id;
}

// One behaviour, written once, asked of each engine's full-text search.
describe.each(storeEngines)('document text search on %s', (engine) => {
  let store: Store;
  let letter: number;
  let notes: number;
  let scan: number;

  beforeAll(async () => {
    store = await openTestStore(engine);
    const { db } = store;
    const { indexDocumentText } = dialectOf(db).fullTextSearch;
    letter = await addDocument(db, 'denial-letter.pdf');
    notes = await addDocument(db, 'intake-notes.pdf');
    scan = await addDocument(db, 'Spravato appeal.pdf');
    await indexDocumentText(
      db,
      letter,
      'denial-letter.pdf',
      'Aetna denied the Spravato request: step therapy was not documented. Reference REF-20931-B.',
    );
    await indexDocumentText(
      db,
      notes,
      'intake-notes.pdf',
      'Client tried sertraline and bupropion before. Crème brûlée.',
    );
    await indexDocumentText(
      db,
      scan,
      'Spravato appeal.pdf',
      'First level appeal to Aetna, faxed on March 3.',
    );
  });
  afterAll(() => store.close());

  const search = (typed: string, options: { caseId?: number } = {}) =>
    dialectOf(store.db).fullTextSearch.searchDocumentText(store.db, toSearchTerms(typed)!, {
      limit: 10,
      ...options,
    });

  it('finds every word, folding accents and case, the last word as a prefix', async () => {
    expect((await search('creme BRULEE')).map((match) => match.documentId)).toEqual([notes]);
    expect((await search('sertra')).map((match) => match.documentId)).toEqual([notes]);
    expect(await search('sertraline aetna')).toEqual([]);
  });

  it('matches words typed together only next to each other, in order', async () => {
    expect((await search('REF-20931')).map((match) => match.documentId)).toEqual([letter]);
    expect(await search('therapy-step')).toEqual([]);
  });

  it('ranks a match in the file name above one in the text alone, and marks the matched words', async () => {
    const found = await search('spravato');
    expect(found.map((match) => match.documentId)).toEqual([scan, letter]);
    expect(marked(found[0]!.snippet)).toEqual(['Spravato']);
    expect(marked(found[1]!.snippet)).toEqual(['Spravato']);
    expect(found[1]!.snippet).toContain('denied the');
  });

  it('follows a rename and forgets a removed document', async () => {
    const { renameDocumentText, removeDocumentText, readDocumentText } = dialectOf(store.db).fullTextSearch;
    await renameDocumentText(store.db, notes, 'medication-history.pdf');
    expect((await search('medication')).map((match) => match.documentId)).toEqual([notes]);
    expect(await search('intake')).toEqual([]);
    expect(await readDocumentText(store.db, notes)).toContain('sertraline');
    await removeDocumentText(store.db, notes);
    expect(await search('sertraline')).toEqual([]);
    expect(await readDocumentText(store.db, notes)).toBe('');
  });

  it('keeps to one case’s documents when asked', async () => {
    expect(await search('aetna', { caseId: 999 })).toEqual([]);
  });
});
