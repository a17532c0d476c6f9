import { parseArgs } from 'node:util';
import { exitCodes } from '../cli-io';
import type { Command } from '../command';
import { readPassphrase } from '../prompt-secret';

function recoveryKeyLines(recoveryKey: string): string {
  return [
    `New recovery key: ${recoveryKey}`,
    'Write it down and keep it apart from this computer: it is shown only this once, and the old one no longer opens anything.',
    '',
  ].join('\n');
}

export const rotateKeyCommand: Command = {
  async run(context) {
    parseArgs({ args: [...context.argv], options: {}, strict: true });
    const passphrase = await readPassphrase(context.io);
    const unlocked = await context.call('session.unlock', { passphrase });
    // The unlock itself finishes a rotation a crash interrupted; that one is the rotation asked for.
    if (unlocked.recoveryKeyAfterRotation) {
      context.io.stdout.write('An interrupted key rotation was finished.\n');
      context.io.stdout.write(recoveryKeyLines(unlocked.recoveryKeyAfterRotation));
      await context.call('session.confirmRecoveryKey', {});
      return exitCodes.ok;
    }
    context.io.stderr.write('Re-encrypting every document and the database under a new key…\n');
    const { recoveryKey } = await context.call('session.rotateKey', { passphrase });
    context.io.stdout.write('The encryption key was replaced.\n');
    context.io.stdout.write(recoveryKeyLines(recoveryKey));
    // Printed in the terminal, which has no confirmation screen: printing it is the hand-over.
    await context.call('session.confirmRecoveryKey', {});
    return exitCodes.ok;
  },
};
