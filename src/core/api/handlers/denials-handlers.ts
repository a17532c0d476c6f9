import type { HandlersOf } from '../../../shared/contract';
import { DenialNoticeReader } from '../../denials/read-denial-document';
import { recordDenialFromNotice } from '../../denials/record-denial-from-notice';
import { listRecordedDenialNotices } from '../../denials/recorded-denial-notices';
import { assertCaseExists } from '../../services/events-service';
import type { HandlerContext } from './handler-context';

export function denialsHandlers({ session }: HandlerContext): HandlersOf<'denials'> {
  const reader = new DenialNoticeReader(session);
  return {
    'denials.readDocument': (input) => reader.read(input),
    'denials.readProgress': async ({ documentId }) => {
      await session.useStore(async () => undefined);
      return reader.progress(documentId);
    },
    'denials.cancelRead': async ({ documentId }) => {
      reader.cancel(documentId);
      return {};
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
