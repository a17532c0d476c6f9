import { sql } from 'kysely';
import type { CaseloadChanges } from '../caseload-changes';

/**
 * Writers side by side: each change adds a mark rather than moving the one row, which every writer
 * would lock until its commit; the count is the row plus the marks not folded into it yet, read in
 * one statement (migration 0208).
 */
export const postgresCaseloadChanges: CaseloadChanges = {
  async generation(db) {
    const { rows } = await sql<{
      generation: number;
    }>`SELECT advocase_caseload_generation() AS generation`.execute(db);
    return rows[0]?.generation ?? -1;
  },
};
