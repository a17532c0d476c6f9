import type { ContractHandlers } from '../../shared/contract';
import { createCase, listCases } from '../services/cases-service';
import { createClient, listClients } from '../services/clients-service';
import { readSettings, updateSettings } from '../services/settings-service';
import type { Session } from '../session/session';

/** The contract implemented over one session; the compiler checks every method is here. */
export function createHandlers(session: Session): ContractHandlers {
  return {
    'session.status': async () => session.status(),
    'session.initialize': ({ passphrase }) => session.initialize(passphrase),
    'session.unlock': ({ passphrase }) => session.unlock(passphrase),
    'session.recover': ({ recoveryKey, newPassphrase }) => session.recover(recoveryKey, newPassphrase),
    'session.lock': () => session.lock(),
    'session.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      // Only an unlocked session may change the passphrase, like any other edit.
      await session.useStore(async () => undefined);
      await session.changePassphrase(currentPassphrase, newPassphrase);
      return {};
    },
    'settings.get': () => session.useStore(({ db }) => readSettings(db)),
    'settings.update': (changes) =>
      session.useStore(async ({ db }) => {
        const settings = await updateSettings(db, session.actor, changes);
        session.setAutoLockMinutes(settings.autoLockMinutes);
        return settings;
      }),
    'clients.create': (input) => session.useStore(({ db }) => createClient(db, session.actor, input)),
    'clients.list': () => session.useStore(({ db }) => listClients(db)),
    'cases.create': (input) => session.useStore(({ db }) => createCase(db, session.actor, input)),
    'cases.list': () => session.useStore(({ db }) => listCases(db)),
  };
}
