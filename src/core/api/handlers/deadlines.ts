import type { HandlersOf } from '../../../shared/contract/index';
import {
  addManualDeadline,
  addPayerRequest,
  answerPayerRequest,
  clearDeadlineOverride,
  exportCalendar,
  getAgenda,
  getCaseDeadlines,
  getReminderSettings,
  getReminderSummary,
  markAgendaItemDone,
  overrideDeadline,
  setReminderSettings,
} from '../../deadlines/deadlines-service';
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
    'deadlines.reminderSummary': () => session.useStore(({ db }) => getReminderSummary(db)),
    'deadlines.reminderSettings': () => session.useStore(({ db }) => getReminderSettings(db)),
    'deadlines.updateReminderSettings': (changes) =>
      session.useStore(({ db }) => setReminderSettings(db, actor, changes)),
  };
}
