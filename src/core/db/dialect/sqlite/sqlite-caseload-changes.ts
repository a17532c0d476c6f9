import { sql } from 'kysely';
import type { CaseloadChanges } from '../caseload-changes';

/** One writer at a time: the one row its triggers move (migration 0103). */
export const sqliteCaseloadChanges: CaseloadChanges = {
  async generation(db) {
    const { rows } = await sql<{ generation: number }>`SELECT generation FROM caseload_changes`.execute(db);
    return rows[0]?.generation ?? -1;
  },
};
