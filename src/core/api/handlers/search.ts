import type { HandlersOf } from '../../../shared/contract/index';
import { searchEverything } from '../../search/search-everything';
import type { HandlerContext } from './handler-context';

export function searchHandlers({ session }: HandlerContext): HandlersOf<'search'> {
  return {
    'search.global': (input) => session.useStore(({ db }) => searchEverything(db, input)),
  };
}
