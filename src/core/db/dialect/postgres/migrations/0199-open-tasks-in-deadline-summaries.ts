import type { Kysely } from 'kysely';
import { up as markSummariesOfOpenTasksStale } from '../../../migrations/0199-open-tasks-in-deadline-summaries';

/**
 * The PostgreSQL half of 0199 (the SQLite chain's step says why): the same two statements, which
 * read and write only tables both stores share.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await markSummariesOfOpenTasksStale(db);
}
