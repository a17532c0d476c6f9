import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnfilledPrompts } from '../../src/shared/domain/letter-prompts';
import type { LetterDocument } from '../../src/shared/domain/letter-document';
import { openStore } from '../../src/core/db/store';
import { generateDemoCaseload } from '../../src/core/demo/generate-demo-caseload';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

/** The demo shows letters sent with proof of delivery, as Mark as sent records them. */
describe('the demo caseload', () => {
  it('has every appeal as a finished letter marked sent by fax, with a "letter sent" entry and its proof', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    await generateDemoCaseload(store.db, { clientCount: 40, today: new Date('2026-12-06T12:00:00Z') });
    const appeals = await store.db
      .selectFrom('events')
      .select(['case_id', 'occurred_at'])
      .where('type', '=', 'appeal_filed')
      .execute();
    const letters = await store.db.selectFrom('letters').selectAll().execute();
    const sentEntries = await store.db
      .selectFrom('events')
      .select(['case_id', 'occurred_at', 'details'])
      .where('type', '=', 'letter_sent')
      .execute();
    expect(appeals.length).toBeGreaterThan(3);
    expect(letters).toHaveLength(appeals.length);
    expect(sentEntries).toHaveLength(appeals.length);
    for (const letter of letters) {
      expect(letter).toMatchObject({ status: 'sent', sent_via: 'fax', kind: 'internal_appeal' });
      expect(findUnfilledPrompts(JSON.parse(letter.body) as LetterDocument)).toEqual([]);
      const entry = sentEntries.find(
        (candidate) =>
          candidate.case_id === letter.case_id && candidate.occurred_at.slice(0, 10) === letter.sent_on,
      );
      expect(entry).toBeDefined();
    }
    const proofs = sentEntries.map(
      (entry) => (JSON.parse(entry.details) as { deliveryProof: { method: string } | null }).deliveryProof,
    );
    expect(proofs.filter((proof) => proof?.method === 'fax_confirmation').length).toBeGreaterThan(
      proofs.length / 2,
    );
    await store.close();
  }, 120_000);
});
