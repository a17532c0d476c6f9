import { describe, expect, it } from 'vitest';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-03-02T10:00:00.000Z';

/** A letter body as drafts were stored before 0076: the day written out and the signer as it was. */
const oldBody = JSON.stringify({
  blocks: [
    { type: 'paragraph', runs: [{ text: 'March 2, 2026' }] },
    { type: 'paragraph', runs: [{ text: 'Dear Cigna,' }] },
    { type: 'list', items: [[{ text: 'Signed: [your name — not recorded]', bold: true }]] },
    { type: 'paragraph', runs: [{ text: 'Sincerely, [your name — not recorded]' }] },
  ],
});

describe('migration 0076 (letter render fields)', () => {
  it('gives unsent drafts the date and signer markers, and leaves sent and trashed letters as they went', async () => {
    const old = await storeAt(migrationBefore('0076-letter-render-fields'));
    await old.seed(
      `INSERT INTO clients (id, full_name, created_at, updated_at) VALUES (1, 'Ada Moss', '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, treatment, stage, priority, opened_on, created_at, updated_at)
         VALUES (1, 1, 'tms', 'denied', 'normal', '2026-02-01', '${now}', '${now}')`,
      `INSERT INTO letters (id, case_id, template_id, title, kind, body, status, sent_on, created_at, updated_at, deleted_at) VALUES
         (1, 1, 'appeal', 'Draft appeal', 'appeal', '${oldBody}', 'draft', NULL, '${now}', '${now}', NULL),
         (2, 1, 'appeal', 'Sent appeal', 'appeal', '${oldBody}', 'sent', '2026-03-02', '${now}', '${now}', NULL),
         (3, 1, 'appeal', 'Trashed draft', 'appeal', '${oldBody}', 'draft', NULL, '${now}', '${now}', '${now}')`,
    );

    const store = await old.migrateTo('0076-letter-render-fields');
    const bodies = await store.db.selectFrom('letters').select(['id', 'body']).orderBy('id').execute();
    expect(JSON.parse(bodies[0]!.body)).toEqual({
      blocks: [
        { type: 'paragraph', runs: [{ text: '[date — filled in when printed]' }] },
        { type: 'paragraph', runs: [{ text: 'Dear Cigna,' }] },
        {
          type: 'list',
          items: [[{ text: 'Signed: [your name — from your profile when printed]', bold: true }]],
        },
        { type: 'paragraph', runs: [{ text: 'Sincerely, [your name — from your profile when printed]' }] },
      ],
    });
    expect(bodies[1]!.body).toBe(oldBody);
    expect(bodies[2]!.body).toBe(oldBody);
    await store.close();
  });
});
