import type pg from 'pg';

/**
 * Resolves once the PostgreSQL backend `pid` waits for a lock another transaction holds, as
 * `pg_stat_activity` shows it (a state, not a time); stops looking once `isOver` says the work it
 * watches has ended, and then never resolves. Race it against that work to learn which came first.
 */
export async function waitingForALock(
  observer: pg.Client,
  pid: number,
  isOver: () => boolean,
): Promise<'waiting'> {
  while (!isOver()) {
    const { rows } = await observer.query<{ wait: string | null }>(
      'SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1',
      [pid],
    );
    if (rows[0]?.wait === 'Lock') return 'waiting';
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return new Promise<never>(() => undefined);
}
