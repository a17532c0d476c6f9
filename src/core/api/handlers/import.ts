import type { HandlersOf } from '../../../shared/contract';
import { importProgressTracker } from '../../import/import-progress';
import { commitImport, previewImport } from '../../import/import-service';
import { readRowsMemo, type ReadRowsMemo } from '../../import/read-rows-memo';
import type { Store } from '../../db/store';
import type { HandlerContext } from './handler-context';

export function importHandlers({ session }: HandlerContext): HandlersOf<'import'> {
  const progress = importProgressTracker();
  // The rows a preview read, per unlocked store: they go with it when the session locks.
  const memos = new WeakMap<Store, ReadRowsMemo>();
  const memoOf = (store: Store) => memos.get(store) ?? memos.set(store, readRowsMemo()).get(store)!;
  return {
    'import.preview': (input) => session.useStore((store) => previewImport(store.db, input, memoOf(store))),
    'import.commit': (input) =>
      session
        .useStore((store) => commitImport(store.db, session.actor, input, progress.report, memoOf(store)))
        .finally(progress.finish),
    'import.progress': () => Promise.resolve(progress.current()),
  };
}
