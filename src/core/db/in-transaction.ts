import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from './schema';

/**
 * Runs `work` atomically: inside the caller's transaction when there is one (Kysely does not
 * nest them), otherwise in a new one. Lets a service be used alone or as part of a larger batch.
 */
export function inTransaction<T>(
  db: Kysely<AdvocaseDatabase>,
  work: (trx: Kysely<AdvocaseDatabase>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
