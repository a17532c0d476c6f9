import type { HandlersOf } from '../../../shared/contract/index';
import { commitImport, previewImport } from '../../import/import-service';
import type { HandlerContext } from './handler-context';

export function importHandlers({ session }: HandlerContext): HandlersOf<'import'> {
  return {
    'import.preview': (input) => session.useStore(({ db }) => previewImport(db, input)),
    'import.commit': (input) => session.useStore(({ db }) => commitImport(db, session.actor, input)),
  };
}
