import type { HandlersOf } from '../../../shared/contract';
import { recordDenialFromNotice } from '../../denials/record-denial-from-notice';
import { listRecordedDenialNotices } from '../../denials/recorded-denial-notices';
import { assertCaseExists } from '../../services/events-service';
import type { HandlerContext } from './handler-context';

export function denialsHandlers({ session }: HandlerContext): HandlersOf<'denials'> {
  return {
    'denials.readDocument': () => {
      throw new Error('not yet');
    },
    'denials.record': (input) =>
      session.useStore(({ db }) => recordDenialFromNotice(db, session.actor, input)),
    'denials.listForCase': ({ caseId }) =>
      session.useStore(async ({ db }) => {
        await assertCaseExists(db, caseId);
        return listRecordedDenialNotices(db, caseId);
      }),
  };
}
