import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditedInsert } from '../../src/core/db/audited-writes';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { asOneEdit } from '../../src/core/history/edit-groups';
import { undoRecentEdits } from '../../src/core/history/undo';
import { createPostgresTestDatabase, openPostgresTestConnection } from '../helpers/postgres-database';

const now = '2026-12-07T10:00:00.000Z';

const newClient = (db: Kysely<AdvocaseDatabase>, actor: string, fullName: string) =>
  auditedInsert(db, actor, 'clients', { full_name: fullName, created_at: now, updated_at: now });

/**
 * On a team database writers go side by side (team step 0208), so a colleague's save can take an
 * audit id in the middle of an edit Undo takes back as one step. Undo takes back that person's
 * step and nothing of the colleague's, read as a supervisor reads the log (every person's entries).
 */
describe('an edit group on PostgreSQL with a colleague saving meanwhile', () => {
  it('is taken back by Undo without the colleague’s save', async () => {
    const database = await createPostgresTestDatabase();
    const chen = openPostgresTestConnection<AdvocaseDatabase>(database);
    const rivera = openPostgresTestConnection<AdvocaseDatabase>(database);
    try {
      let colleagues = 0;
      await asOneEdit(chen, 'chen', 'edit', async (trx) => {
        await newClient(trx, 'chen', 'Ada Ames');
        colleagues = (await newClient(rivera, 'rivera', 'Ben Brown')).id;
        await newClient(trx, 'chen', 'Cy Cole');
        return { result: undefined, label: 'Added two clients' };
      });
      const { rows } = await sql<{ actor: string }>`SELECT actor FROM audit_log ORDER BY id`.execute(chen);
      // The colleague's entry sits inside Chen's run of ids.
      expect(rows.map((row) => row.actor)).toEqual(['chen', 'rivera', 'chen']);

      const undone = await undoRecentEdits(chen, 'chen', 1);
      expect(undone.undone.map((edit) => edit.label)).toEqual(['Added two clients']);
      const live = await chen
        .selectFrom('clients')
        .select(['id', 'full_name'])
        .where('deleted_at', 'is', null)
        .execute();
      expect(live).toEqual([{ id: colleagues, full_name: 'Ben Brown' }]);
    } finally {
      await chen.destroy();
      await rivera.destroy();
      await database.drop();
    }
  });
});
