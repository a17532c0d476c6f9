import { exitCodes } from '../cli-io';
import type { Command } from '../command';
import { readNewPassphrase, readPassphrase } from '../prompt-secret';

export const initCommand: Command = {
  async run({ io, call, dataDirectory }) {
    const passphrase = await readNewPassphrase(io, 'ADVOCASE_PASSPHRASE');
    const { recoveryKey } = await call('session.initialize', { passphrase });
    // The terminal is where the key is shown, with no screen to confirm on: printing it is the hand-over.
    await call('session.confirmRecoveryKey', {});
    await call('session.lock', {});
    io.stderr.write(
      `Advocase is set up in ${dataDirectory}.\n` +
        'Your recovery key is below. Write it down or print it and keep it somewhere safe, away from this computer.\n' +
        'It is shown only this once. Without it and your passphrase, no one can open your data, including us.\n',
    );
    io.stdout.write(`${recoveryKey}\n`);
    return exitCodes.ok;
  },
};

export const statusCommand: Command = {
  async run({ io, call, dataDirectory }) {
    const { state } = await call('session.status', {});
    const description =
      state === 'uninitialized' ? 'not set up yet (run: advocase init)' : 'set up, encrypted and locked';
    io.stdout.write(`Data folder: ${dataDirectory}\nStatus: ${description}\n`);
    return exitCodes.ok;
  },
};

export const changePassphraseCommand: Command = {
  async run({ io, call }) {
    const currentPassphrase = await readPassphrase(io, 'Current passphrase: ');
    await call('session.unlock', { passphrase: currentPassphrase });
    const newPassphrase = await readNewPassphrase(io, 'ADVOCASE_NEW_PASSPHRASE');
    await call('session.changePassphrase', { currentPassphrase, newPassphrase });
    io.stderr.write('Passphrase changed. The recovery key is unchanged.\n');
    return exitCodes.ok;
  },
};
