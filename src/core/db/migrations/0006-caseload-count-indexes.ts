/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Covering indexes for the caseload's counts. Every filtered query also counts the matching cases
 * per stage; with an index on (filter column, stage_rank) that count reads only index entries.
 * Measured on the bench's 100,000 cases: counting the urgent ones by stage went from ~600 ms
 * (a table lookup per case through the stage index) to ~15 ms, and the quick filter's scan of
 * (quick_filter_text, stage_rank) from ~95 ms to ~15 ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of [
    ['payer', ['payer', 'stage_rank']],
    ['plan_type', ['plan_type', 'stage_rank']],
    ['treatment', ['treatment', 'stage_rank']],
    ['advocate', ['assigned_advocate', 'stage_rank']],
    ['priority', ['priority_rank', 'is_urgent', 'stage_rank']],
    ['quick_filter', ['quick_filter_text', 'stage_rank']],
  ] as const) {
    await db.schema
      .createIndex(`caseload_entries_count_${name}`)
      .on('caseload_entries')
      .columns([...columns])
      .execute();
  }
}
