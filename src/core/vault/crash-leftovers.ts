import { removeOpenCopies } from './open-copies';
import { clearIncoming } from './vault-storage';

/**
 * What a crash, a kill or a power cut can leave in the data folder outside the database
 * (docs/security.md §6): half-written uploads in `vault/incoming/` (ciphertext) and decrypted copies made for
 * another app. Removed at every unlock, before anything new can be started.
 */
export async function removeCrashLeftovers(dataDirectory: string): Promise<void> {
  await clearIncoming(dataDirectory);
  await removeOpenCopies(dataDirectory);
}
