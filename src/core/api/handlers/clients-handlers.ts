import type { HandlersOf } from '../../../shared/contract';
import { createClient, listClients } from '../../services/clients-service';
import type { HandlerContext } from './handler-context';

export function clientsHandlers({ session }: HandlerContext): HandlersOf<'clients'> {
  return {
    'clients.create': (input) => session.useStore(({ db }) => createClient(db, session.actor, input)),
    'clients.list': () => session.useStore(({ db }) => listClients(db)),
  };
}
