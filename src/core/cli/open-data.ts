import type { CommandContext } from './command';
import { readPassphrase } from './prompt-secret';

/**
 * Opens the data a command works on: connects to the team database when ADVOCASE_DATABASE_URL
 * names one (the login is in the URL), otherwise unlocks the local store with the passphrase.
 */
export async function openData({ io, call, session }: CommandContext): Promise<void> {
  if (session.storeKind === 'team') return session.connectTeamDatabase();
  await call('session.unlock', { passphrase: await readPassphrase(io) });
}
