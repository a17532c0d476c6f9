import type { HandlersOf } from '../../../shared/contract/index';
import {
  closeCase,
  createCase,
  getCaseDetail,
  keepCaseStage,
  listCases,
  updateCase,
} from '../../cases/cases-service';
import type { HandlerContext } from './handler-context';

export function casesHandlers({ session }: HandlerContext): HandlersOf<'cases'> {
  return {
    'cases.create': (input) => session.useStore(({ db }) => createCase(db, session.actor, input)),
    'cases.list': () => session.useStore(({ db }) => listCases(db)),
    'cases.get': ({ caseId }) => session.useStore(({ db }) => getCaseDetail(db, caseId)),
    'cases.update': (input) => session.useStore(({ db }) => updateCase(db, session.actor, input)),
    'cases.close': (input) => session.useStore(({ db }) => closeCase(db, session.actor, input)),
    'cases.keepStage': (input) => session.useStore(({ db }) => keepCaseStage(db, session.actor, input)),
  };
}
