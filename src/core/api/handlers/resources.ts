import type { HandlersOf } from '../../../shared/contract/index';
import {
  addStarterResources,
  createResource,
  deleteResource,
  linkResourceToCase,
  listResources,
  listResourcesOfCase,
  unlinkResourceFromCase,
  updateResource,
} from '../../resources/resources-service';
import type { HandlerContext } from './handler-context';

export function resourcesHandlers({ session }: HandlerContext): HandlersOf<'resources'> {
  return {
    'resources.list': (query) => session.useStore(({ db }) => listResources(db, query)),
    'resources.create': (fields) => session.useStore(({ db }) => createResource(db, session.actor, fields)),
    'resources.update': (input) => session.useStore(({ db }) => updateResource(db, session.actor, input)),
    'resources.delete': ({ resourceId }) =>
      session.useStore(({ db }) => deleteResource(db, session.actor, resourceId)),
    'resources.addStarterSet': () => session.useStore(({ db }) => addStarterResources(db, session.actor)),
    'resources.listForCase': ({ caseId }) => session.useStore(({ db }) => listResourcesOfCase(db, caseId)),
    'resources.linkToCase': (input) =>
      session.useStore(({ db }) => linkResourceToCase(db, session.actor, input)),
    'resources.unlinkFromCase': ({ linkId }) =>
      session.useStore(({ db }) => unlinkResourceFromCase(db, session.actor, linkId)),
  };
}
