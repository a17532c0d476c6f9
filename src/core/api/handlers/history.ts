import type { HandlersOf } from '../../../shared/contract';
import { listRecentEdits, undoRecentEdits } from '../../history/undo';
import type { HandlerContext } from './handler-context';

export function historyHandlers({ session }: HandlerContext): HandlersOf<'history'> {
  return {
    'history.recent': ({ limit }) =>
      session.useStore(({ db }) => listRecentEdits(db, session.actor, limit, session.unlockedSince())),
    'history.undo': ({ count }) =>
      session.useStore(({ db }) => undoRecentEdits(db, session.actor, count, session.unlockedSince())),
  };
}
