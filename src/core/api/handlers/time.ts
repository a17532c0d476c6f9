import type { HandlersOf } from '../../../shared/contract';
import { readBillingSettingsWithProfile, updateBillingSettings } from '../../time/billing-settings';
import { summarizeHours } from '../../time/hours-summary';
import { clientRateCents, setClientRate } from '../../time/rates';
import {
  addTimeEntry,
  deleteTimeEntry,
  getRunningTimer,
  listTimeOfCase,
  startTimer,
  stopTimer,
  updateTimeEntry,
} from '../../time/time-entries-service';
import type { HandlerContext } from './handler-context';

export function timeHandlers({ session }: HandlerContext): HandlersOf<'time'> {
  return {
    'time.running': () => session.useStore(({ db }) => getRunningTimer(db)),
    'time.start': (input) => session.useStore(({ db }) => startTimer(db, session.actor, input)),
    'time.stop': (input) => session.useStore(({ db }) => stopTimer(db, session.actor, input)),
    'time.add': (input) => session.useStore(({ db }) => addTimeEntry(db, session.actor, input)),
    'time.update': (input) => session.useStore(({ db }) => updateTimeEntry(db, session.actor, input)),
    'time.delete': ({ entryId }) => session.useStore(({ db }) => deleteTimeEntry(db, session.actor, entryId)),
    'time.listForCase': ({ caseId }) => session.useStore(({ db }) => listTimeOfCase(db, caseId)),
    'time.summarizeHours': (query) => session.useStore(({ db }) => summarizeHours(db, query)),
  };
}

export function billingHandlers({ session }: HandlerContext): HandlersOf<'billing'> {
  return {
    'billing.getSettings': () => session.useStore(({ db }) => readBillingSettingsWithProfile(db)),
    'billing.updateSettings': (changes) =>
      session.useStore(({ db }) => updateBillingSettings(db, session.actor, changes)),
    'billing.getClientRate': ({ clientId }) =>
      session.useStore(async ({ db }) => ({ rateCents: await clientRateCents(db, clientId) })),
    'billing.setClientRate': ({ clientId, rateCents }) =>
      session.useStore(({ db }) => setClientRate(db, session.actor, clientId, rateCents)),
  };
}
