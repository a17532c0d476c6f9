import type { HandlersOf } from '../../../shared/contract';
import { createCase, listCases } from '../../services/cases-service';
import type { HandlerContext } from './handler-context';

export function casesHandlers({ session }: HandlerContext): HandlersOf<'cases'> {
  return {
    'cases.create': (input) => session.useStore(({ db }) => createCase(db, session.actor, input)),
    'cases.list': () => session.useStore(({ db }) => listCases(db)),
  };
}
