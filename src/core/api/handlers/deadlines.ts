import type { HandlersOf } from '../../../shared/contract';
import { addManualDeadline, getAgenda, markAgendaItemDone } from '../../deadlines/agenda';
import { exportCalendar } from '../../deadlines/calendar-export';
import { refreshDeadlineStatusesOncePerDay } from '../../deadlines/daily-refresh';
import {
  clearDeadlineOverride,
  getCaseDeadlines,
  overrideDeadline,
} from '../../deadlines/case-deadlines-service';
import {
  getReminderSettings,
  getReminderSummary,
  setReminderSettings,
} from '../../deadlines/deadline-reminders';
import { addPayerRequest, answerPayerRequest } from '../../deadlines/payer-requests';
import { logger } from '../../logging/logger';
import type { HandlerContext } from './handler-context';

export function deadlinesHandlers({ session }: HandlerContext): HandlersOf<'deadlines'> {
  const { actor } = session;
  return {
    'deadlines.listForCase': ({ caseId }) =>
      session.useStore(({ db }) => getCaseDeadlines(db, actor, caseId)),
    'deadlines.override': (input) => session.useStore(({ db }) => overrideDeadline(db, actor, input)),
    'deadlines.clearOverride': (input) =>
      session.useStore(({ db }) => clearDeadlineOverride(db, actor, input)),
    'deadlines.agenda': () => session.useStore(({ db }) => getAgenda(db)),
    'deadlines.markDone': ({ item, note }) =>
      session.useStore(async ({ db }) => {
        await markAgendaItemDone(db, actor, item, note);
        return {};
      }),
    'deadlines.addManual': (input) => session.useStore(({ db }) => addManualDeadline(db, actor, input)),
    'deadlines.addPayerRequest': (input) => session.useStore(({ db }) => addPayerRequest(db, actor, input)),
    'deadlines.answerPayerRequest': (input) =>
      session.useStore(({ db }) => answerPayerRequest(db, actor, input)),
    'deadlines.exportCalendar': (input) => session.useStore(({ db }) => exportCalendar(db, input)),
    'deadlines.reminderSummary': async () => {
      const summary = await session.useStore(({ db }) => getReminderSummary(db));
      // Asked for at every unlock: the day's status refresh (the caseload's overdue counts) starts
      // once the summary has answered and runs beside the first page, a few cases per transaction.
      // Cut short by a lock, it runs again at the next read of deadlines.
      void session
        .useStore(({ db }) => refreshDeadlineStatusesOncePerDay(db))
        .catch(() => logger.warn('deadlines.status_refresh_stopped'));
      return summary;
    },
    'deadlines.reminderSettings': () => session.useStore(({ db }) => getReminderSettings(db)),
    'deadlines.updateReminderSettings': (changes) =>
      session.useStore(({ db }) => setReminderSettings(db, actor, changes)),
  };
}
