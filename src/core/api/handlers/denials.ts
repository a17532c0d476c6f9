import type { HandlersOf } from '../../../shared/contract';
import { DenialNoticeReader } from '../../denials/read-denial-document';
import { recordDenialFromNotice } from '../../denials/record-denial-from-notice';
import { listRecordedDenialNotices } from '../../denials/recorded-denial-notices';
import { assertCaseExists } from '../../events/events-service';
import { documentTextRecognitionOf } from '../../vault/document-text-recognition';
import type { HandlerContext } from './handler-context';

export function denialsHandlers({ session }: HandlerContext): HandlersOf<'denials'> {
  const reader = new DenialNoticeReader(session, documentTextRecognitionOf(session));
  return {
    'denials.readDocument': (input) => reader.read(input),
    'denials.record': (input) =>
      session.useStore(({ db }) => recordDenialFromNotice(db, session.actor, input)),
    'denials.listForCase': ({ caseId }) =>
      session.useStore(async ({ db }) => {
        await assertCaseExists(db, caseId);
        return listRecordedDenialNotices(db, caseId);
      }),
  };
}
