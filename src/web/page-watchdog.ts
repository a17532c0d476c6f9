import { logger } from '../core/logging/logger';
import type { Session } from '../core/session/session';

export type PageWatchdog = {
  /** A page spoke (a heartbeat or any API call). */
  sawPage(): void;
  stop(): void;
};

/**
 * Locks the session when no page has been heard from for `pageGoneAfterMs` (the browser went
 * away without a `pagehide`). Checked a few times per period, so the lock comes at most a
 * quarter-period late.
 */
export function startPageWatchdog(
  session: Session,
  { pageGoneAfterMs, now = Date.now }: { pageGoneAfterMs: number; now?: () => number },
): PageWatchdog {
  let lastSeenAt = now();
  const timer = setInterval(
    () => {
      if (now() - lastSeenAt < pageGoneAfterMs) return;
      if (session.status().state !== 'unlocked') return;
      logger.info('web.page_gone_locking');
      void session.lock().catch(() => logger.error('web.page_gone_lock_failed'));
    },
    Math.max(pageGoneAfterMs / 4, 10),
  );
  timer.unref();
  return {
    sawPage: () => {
      lastSeenAt = now();
    },
    stop: () => clearInterval(timer),
  };
}
