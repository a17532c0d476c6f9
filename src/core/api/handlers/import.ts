import type { HandlersOf } from '../../../shared/contract';
import { importProgressTracker } from '../../import/import-progress';
import { commitImport, previewImport } from '../../import/import-service';
import type { HandlerContext } from './handler-context';

export function importHandlers({ session }: HandlerContext): HandlersOf<'import'> {
  const progress = importProgressTracker();
  return {
    'import.preview': (input) => session.useStore(({ db }) => previewImport(db, input)),
    'import.commit': (input) =>
      session
        .useStore(({ db }) => commitImport(db, session.actor, input, progress.report))
        .finally(progress.finish),
    'import.progress': () => Promise.resolve(progress.current()),
  };
}
