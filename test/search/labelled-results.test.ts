import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchOutput } from '../../src/shared/schemas/search';
import { openStore } from '../../src/core/db/store';
import { searchEverything } from '../../src/core/search/search-everything';
import { updateCase } from '../../src/core/cases/cases-service';
import { updateCoverage } from '../../src/core/coverages/coverages-service';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { actor, seedCaseload } from './seed-caseload';

const newDataDirectory = useTemporaryDataDirectory();

/** Every result as "Group: title | snippet", the matched words in brackets. */
function shown(output: SearchOutput): string[] {
  return output.groups.flatMap((group) =>
    group.results.map(
      (result) =>
        `${group.label}: ${result.title} | ${result.snippet.map((s) => (s.isMatch ? `[${s.text}]` : s.text)).join('')}`,
    ),
  );
}

/**
 * A search result shows labelled fields of the record ("Member ID
 * W123456789"), never the search index's own row ("1 IV ketamine Aetna Aetna W123456789
 * 0881234-10-001 [] []") and never a stored code such as "outbound".
 */
describe('search results a person can read', () => {
  it('shows the field that matched with its label, not the index row', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const { opened, coverage } = await seedCaseload(store);
    await updateCoverage(store.db, actor, {
      coverageId: coverage.id,
      changes: { groupNumber: '0881234-10-001' },
    });
    await updateCase(store.db, actor, { caseId: opened.id, changes: { diagnosisCodes: ['F33.2'] } });

    const byMemberId = shown(await searchEverything(store.db, { text: 'W123456789', limitPerKind: 8 }));
    expect(byMemberId).toEqual([
      'Clients: Maria Lopez | Member ID [W123456789]',
      `Cases: C-${String(opened.id).padStart(5, '0')} · Maria Lopez | Member ID [W123456789]`,
    ]);
    const byGroup = shown(await searchEverything(store.db, { text: '0881234', limitPerKind: 8 }));
    expect(byGroup).toContain('Clients: Maria Lopez | Group [0881234]-10-001');
    for (const line of [...byMemberId, ...byGroup]) {
      expect(line).not.toContain('[]');
      expect(line).not.toContain('Aetna Aetna');
    }
    expect(shown(await searchEverything(store.db, { text: 'F33', limitPerKind: 8 }))).toContain(
      `Cases: C-${String(opened.id).padStart(5, '0')} · Maria Lopez | Diagnosis codes [F33].2`,
    );
    await store.close();
  });

  it("shows a call's details by name and never its stored codes", async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    await seedCaseload(store);
    const byRep = shown(await searchEverything(store.db, { text: 'Derek', limitPerKind: 8 }));
    expect(byRep).toHaveLength(1);
    expect(byRep[0]).toMatch(/^Timeline: Phone call · C-\d{5} · Maria Lopez \| Rep \[Derek\] Olsen$/);
    const byReference = shown(await searchEverything(store.db, { text: 'REF-20931', limitPerKind: 8 }));
    expect(byReference[0]).toMatch(/\| Reference no\. \[REF-20931\]-B$/);
    // "outbound" is how the call's direction is stored, not a word anyone wrote.
    const byCode = await searchEverything(store.db, { text: 'outbound', limitPerKind: 8 });
    for (const line of shown(byCode)) expect(line).not.toMatch(/outbound/i);
    await store.close();
  });
});
