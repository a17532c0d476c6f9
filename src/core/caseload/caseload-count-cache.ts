import type { Kysely, RawBuilder } from 'kysely';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';

/**
 * What a view of the caseload matched (its stage counts, the quick filter's matching cases),
 * counted once and reused until any caseload entry changes. Counting reads every match (0.1–0.4 s
 * for a common treatment or quick-filter text at 100,000 cases); paging, sorting and coming back
 * to the view then cost only the page. The caseload's change count (migration 0103, dialect
 * caseloadChanges) moves with every change to an entry, whoever makes it, so a kept count is never
 * older than the entries. Kept per store,
 * for the few views used last.
 *
 * Kept only while the connection sees every case (a local store, a team supervisor). A team
 * member whose rows are scoped is counted each time: what they see also changes when a case is
 * assigned or shared to them, or a share ends, none of which moves the change count, and the
 * kept counts of a connection that saw everything are never theirs (a store object is one login's
 * pool, but a supervisor can be made a navigator while it is open).
 */

const keptViews = 24;

type KeptCounts = { generation: number; byView: Map<string, unknown> };

const keptByStore = new WeakMap<Kysely<AdvocaseDatabase>, KeptCounts>();

/**
 * The view's counts, kept under the text and values of its conditions. Inside a transaction they
 * are counted each time: what it changed may yet be rolled back; so are a scoped team member's.
 */
export async function countedOnce<Counts>(
  db: Kysely<AdvocaseDatabase>,
  conditions: RawBuilder<unknown>,
  count: () => Promise<Counts>,
): Promise<Counts> {
  if (db.isTransaction || !(await dialectOf(db).rowVisibility.seesEveryCase(db))) return count();
  const generation = await dialectOf(db).caseloadChanges.generation(db);
  let kept = keptByStore.get(db);
  if (!kept || kept.generation !== generation) {
    kept = { generation, byView: new Map() };
    keptByStore.set(db, kept);
  }
  const compiled = conditions.compile(db);
  const key = JSON.stringify([compiled.sql, compiled.parameters]);
  if (kept.byView.has(key)) {
    const counts = kept.byView.get(key) as Counts;
    // Most recently used last, so the oldest goes first.
    kept.byView.delete(key);
    kept.byView.set(key, counts);
    return counts;
  }
  // Counted after the generation was read: a change in between moves it, so the next call counts again.
  const counts = await count();
  kept.byView.set(key, counts);
  if (kept.byView.size > keptViews) kept.byView.delete(kept.byView.keys().next().value!);
  return counts;
}
