import { describe, expect, it } from 'vitest';
import type { SearchOutput } from '../../src/shared/schemas/search';
import { dialectOf } from '../../src/core/db/dialect/dialect-of';
import { searchEverything } from '../../src/core/search/search-everything';
import { toSearchTerms } from '../../src/core/search/search-terms';
import { updateClient } from '../../src/core/clients/clients-service';
import { addTimelineEvent } from '../../src/core/events/events-service';
import { openTestStore, storeEngines } from '../helpers/test-stores';
import { actor, seedCaseload } from './seed-caseload';

/** What the palette would list: kind, title, and the snippet with matches in [brackets]. */
function shown(output: SearchOutput): string[] {
  return output.groups.flatMap((group) =>
    group.results.map(
      (result) =>
        `${group.label}: ${result.title} | ${result.snippet.map((s) => (s.isMatch ? `[${s.text}]` : s.text)).join('')}`,
    ),
  );
}

// The same behaviour on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('global search on %s', (engine) => {
  it('finds a call by its reference number and leads to the case timeline', async () => {
    const store = await openTestStore(engine);
    const { opened, call } = await seedCaseload(store);
    const output = await searchEverything(store.db, { text: 'REF-20931', limitPerKind: 8 });
    expect(output.groups.map((group) => group.kind)).toEqual(['event']);
    const [result] = output.groups[0]!.results;
    expect(result).toMatchObject({
      kind: 'event',
      id: call.id,
      title: `Phone call · C-${String(opened.id).padStart(5, '0')} · Maria Lopez`,
      target: { name: 'case', caseId: opened.id, tab: 'timeline' },
    });
    expect(result!.snippet.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual([
      'REF-20931',
    ]);
    await store.close();
  });

  it('matches without diacritics and by prefix, as the user types', async () => {
    const store = await openTestStore(engine);
    await seedCaseload(store);
    expect(shown(await searchEverything(store.db, { text: 'Muller', limitPerKind: 8 }))).toEqual([
      'Clients: Jürgen Müller | Jürgen [Müller]',
    ]);
    expect(shown(await searchEverything(store.db, { text: 'jürg', limitPerKind: 8 }))).toEqual([
      'Clients: Jürgen Müller | [Jürgen] Müller',
    ]);
    // A last word of four letters or more, which SQLite asks as the index's words it begins.
    expect(shown(await searchEverything(store.db, { text: 'jurgen MULL', limitPerKind: 8 }))).toEqual([
      'Clients: Jürgen Müller | [Jürgen] [Müller]',
    ]);
    expect(shown(await searchEverything(store.db, { text: 'Mullerz', limitPerKind: 8 }))).toEqual([]);
    await store.close();
  });

  it('finds a client by member ID, and a name match puts clients before cases', async () => {
    const store = await openTestStore(engine);
    const { maria, opened } = await seedCaseload(store);
    const byMemberId = await searchEverything(store.db, { text: 'W123456789', limitPerKind: 8 });
    expect(byMemberId.groups.map((group) => [group.kind, group.results.map((result) => result.id)])).toEqual([
      ['client', [maria.id]],
      ['case', [opened.id]],
    ]);
    const byName = await searchEverything(store.db, { text: 'maria lop', limitPerKind: 8 });
    expect(byName.groups.map((group) => group.kind)).toEqual(['client', 'case']);
    expect(byName.groups[0]!.results[0]!.target).toEqual({ name: 'client', clientId: maria.id });
    await store.close();
  });

  it('finds a call by the rep name, and follows a renamed client', async () => {
    const store = await openTestStore(engine);
    const { maria } = await seedCaseload(store);
    expect(shown(await searchEverything(store.db, { text: 'derek', limitPerKind: 8 }))[0]).toMatch(
      /^Timeline: Phone call · C-\d{5} · Maria Lopez \| .*\[Derek\] Olsen/,
    );
    await updateClient(store.db, actor, { clientId: maria.id, changes: { fullName: 'Maria Lopez-Reyes' } });
    const renamed = await searchEverything(store.db, { text: 'reyes', limitPerKind: 8 });
    expect(renamed.groups.map((group) => [group.kind, group.results[0]!.title])).toEqual([
      ['client', 'Maria Lopez-Reyes'],
      ['case', expect.stringMatching(/^C-\d{5} · Maria Lopez-Reyes$/)],
    ]);
    await store.close();
  });

  it('leaves out trashed records and the timeline of a trashed case', async () => {
    const store = await openTestStore(engine);
    const { opened } = await seedCaseload(store);
    await store.db
      .updateTable('cases')
      .set({ deleted_at: '2026-03-03T00:00:00.000Z' })
      .where('id', '=', opened.id)
      .execute();
    expect((await searchEverything(store.db, { text: 'REF-20931', limitPerKind: 8 })).groups).toEqual([]);
    expect(
      (await searchEverything(store.db, { text: 'Aetna', limitPerKind: 8 })).groups.map(
        (group) => group.kind,
      ),
    ).toEqual(['client']);
    await store.db.updateTable('cases').set({ deleted_at: null }).where('id', '=', opened.id).execute();
    expect(
      (await searchEverything(store.db, { text: 'REF-20931', limitPerKind: 8 })).groups.map(
        (group) => group.kind,
      ),
    ).toEqual(['event']);
    await store.close();
  });

  it('forgets a permanently deleted record in the index too', async () => {
    const store = await openTestStore(engine);
    const { jurgen } = await seedCaseload(store);
    await store.db.deleteFrom('clients').where('id', '=', jurgen.id).execute();
    expect((await searchEverything(store.db, { text: 'Müller', limitPerKind: 8 })).groups).toEqual([]);
    // The index itself, not only what search shows after reading the records back.
    const left = await dialectOf(store.db).fullTextSearch.findRecordMatches(
      store.db,
      'client_search',
      toSearchTerms('muller')!,
      8,
    );
    expect(left.matches).toEqual([]);
    await store.close();
  });

  it('says there are more when more matched than it shows', async () => {
    const store = await openTestStore(engine);
    const { opened } = await seedCaseload(store);
    for (const minute of [10, 11, 12]) {
      await addTimelineEvent(store.db, actor, opened.id, {
        type: 'note',
        occurredAt: `2026-03-04T09:${minute}:00Z`,
        summary: `Faxed the appeal, page batch ${minute}`,
        details: {},
      });
    }
    const output = await searchEverything(store.db, { text: 'faxed appeal', limitPerKind: 2 });
    expect(output.groups).toHaveLength(1);
    expect(output.groups[0]!.hasMore).toBe(true);
    // Newest first.
    expect(output.groups[0]!.results.map((result) => result.snippet.map((s) => s.text).join(''))).toEqual([
      'Faxed the appeal, page batch 12',
      'Faxed the appeal, page batch 11',
    ]);
    await store.close();
  });
});
