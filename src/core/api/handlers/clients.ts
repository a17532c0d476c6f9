import type { HandlersOf } from '../../../shared/contract/index';
import {
  addAuthorization,
  createClient,
  getClientDetail,
  listClients,
  updateClient,
} from '../../clients/clients-service';
import type { HandlerContext } from './handler-context';

export function clientsHandlers({ session }: HandlerContext): HandlersOf<'clients'> {
  return {
    'clients.create': (input) => session.useStore(({ db }) => createClient(db, session.actor, input)),
    'clients.list': () => session.useStore(({ db }) => listClients(db)),
    'clients.get': ({ clientId }) => session.useStore(({ db }) => getClientDetail(db, clientId)),
    'clients.update': (input) => session.useStore(({ db }) => updateClient(db, session.actor, input)),
    'clients.addAuthorization': (input) =>
      session.useStore(({ db }) => addAuthorization(db, session.actor, input)),
  };
}
