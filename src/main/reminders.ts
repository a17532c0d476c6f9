import { Notification, type BrowserWindow } from 'electron';
import {
  notificationsDue,
  onDeadlinesRecomputed,
  planDesktopReminders,
  type PlannedNotification,
} from '../core/deadlines/deadline-reminders';
import { logger } from '../core/logging/logger';
import type { Session } from '../core/session/session';

/** How often the timer looks at the clock and the lock. */
const tickMilliseconds = 60_000;

/**
 * Desktop reminders of deadlines. The plan of notifications is read from the database
 * only when the data is unlocked (the user has just acted, so reading does not hold off the idle
 * lock) and when the user opens or refreshes a deadline screen; between those, a timer fires the
 * planned notifications from memory. Notifications carry counts only, and none is shown while
 * the data is locked: the plan is dropped the moment the session locks.
 */
export function startDeadlineReminders(session: Session, getWindow: () => BrowserWindow | null): () => void {
  let plan: PlannedNotification[] = [];
  let wasUnlocked = false;
  let lastTick = Date.now();

  function show(message: string): void {
    if (!message || !Notification.isSupported()) return;
    const notification = new Notification({ title: 'Advocase', body: message, silent: false });
    notification.on('click', () => {
      const window = getWindow();
      if (window?.isMinimized()) window.restore();
      window?.focus();
    });
    notification.show();
  }

  async function replan(announce: boolean): Promise<void> {
    const reminders = await session.useStore(({ db }) => planDesktopReminders(db));
    plan = reminders.plan;
    if (announce) show(reminders.message);
  }

  function tick(): void {
    const now = Date.now();
    const isUnlocked = session.status().state === 'unlocked';
    if (!isUnlocked) {
      plan = [];
      wasUnlocked = false;
    } else if (!wasUnlocked) {
      wasUnlocked = true;
      // Just unlocked: re-judge statuses, plan the coming reminders, and say what is due now.
      replan(true).catch(() => logger.warn('reminders.plan_failed'));
    } else {
      for (const notification of notificationsDue(plan, lastTick, now)) show(notification.message);
    }
    lastTick = now;
  }

  // A date changed because the user wrote something (the user is active, so this read does not
  // hold off the idle lock): plan again once the writer's transaction has finished.
  let replanTimer: ReturnType<typeof setTimeout> | undefined;
  const stopListening = onDeadlinesRecomputed(() => {
    if (!wasUnlocked) return;
    clearTimeout(replanTimer);
    replanTimer = setTimeout(() => {
      if (session.status().state !== 'unlocked') return;
      replan(false).catch(() => logger.warn('reminders.plan_failed'));
    }, 2_000);
  });

  const timer = setInterval(tick, tickMilliseconds);
  // Checked soon after start too, so an unlock is noticed within seconds rather than a minute.
  const fastTimer = setInterval(() => {
    if (!wasUnlocked && session.status().state === 'unlocked') tick();
  }, 5_000);
  return () => {
    stopListening();
    clearTimeout(replanTimer);
    clearInterval(timer);
    clearInterval(fastTimer);
  };
}
