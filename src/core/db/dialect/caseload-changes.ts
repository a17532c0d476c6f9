import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../schema';

/**
 * The caseload's change count (migration 0103): a number that moves with every change to a
 * caseload entry, whoever makes it, and only once that change is committed, so counts kept under
 * it are never older than the entries (caseload-count-cache.ts).
 */
export type CaseloadChanges = {
  readonly generation: (db: Kysely<AdvocaseDatabase>) => Promise<number>;
};
