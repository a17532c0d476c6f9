import type { Kysely } from 'kysely';
import { up as markSummariesWithFollowUpsStale } from '../../../migrations/0209-next-deadline-never-a-follow-up';

/**
 * The PostgreSQL half of 0209 (the SQLite chain's step says why): the same statement, which reads
 * and writes only tables both stores share.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await markSummariesWithFollowUpsStale(db);
}
