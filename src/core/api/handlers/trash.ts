import type { HandlersOf } from '../../../shared/contract';
import {
  listTrash,
  moveCaseToTrash,
  moveClientToTrash,
  purgeExpiredTrash,
  removeTrashedForGood,
  restoreFromTrash,
} from '../../history/trash';
import type { HandlerContext } from './handler-context';

export function trashHandlers({ session }: HandlerContext): HandlersOf<'trash'> {
  return {
    'trash.moveCase': ({ caseId }) =>
      session.useStore(({ db }) => moveCaseToTrash(db, session.actor, caseId)),
    'trash.moveClient': ({ clientId }) =>
      session.useStore(({ db }) => moveClientToTrash(db, session.actor, clientId)),
    'trash.list': () => session.useStore(({ db }) => listTrash(db)),
    'trash.restore': ({ kind, id }) =>
      session.useStore(({ db }) => restoreFromTrash(db, session.actor, kind, id)),
    'trash.empty': () => session.useStore(({ db }) => removeTrashedForGood(db, session.actor, null)),
    'trash.purgeExpired': () => session.useStore(({ db }) => purgeExpiredTrash(db, session.actor)),
  };
}
