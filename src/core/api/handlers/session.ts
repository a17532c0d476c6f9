import type { HandlersOf } from '../../../shared/contract';
import type { HandlerContext } from './handler-context';

export function sessionHandlers({ session }: HandlerContext): HandlersOf<'session'> {
  return {
    'session.status': async () => session.status(),
    'session.initialize': ({ passphrase }) => session.initialize(passphrase),
    'session.unlock': ({ passphrase }) => session.unlock(passphrase),
    'session.recover': ({ recoveryKey, newPassphrase }) => session.recover(recoveryKey, newPassphrase),
    'session.lock': () => session.lock(),
    'session.rotateKey': ({ passphrase }) => session.rotateKey(passphrase),
    'session.recoveryKeyConfirmation': async () => ({
      isAwaitingConfirmation: await session.isRecoveryKeyAwaitingConfirmation(),
    }),
    'session.confirmRecoveryKey': async () => {
      await session.confirmRecoveryKeySaved();
      return {};
    },
    'session.replaceRecoveryKey': ({ passphrase }) => session.replaceUnconfirmedRecoveryKey(passphrase),
    'session.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      // Only an unlocked session may change the passphrase, like any other edit.
      await session.useStore(async () => undefined);
      await session.changePassphrase(currentPassphrase, newPassphrase);
      return {};
    },
  };
}
