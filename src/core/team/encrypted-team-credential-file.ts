import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { logger } from '../logging/logger';
import {
  rememberedTeamConnectionSchema,
  type RememberedTeamConnection,
  type TeamCredentialStore,
} from './team-credential-store';

/** What encrypts the file: Electron's `safeStorage` has exactly this shape (the OS keychain's key). */
export type KeychainCipher = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export const keychainUnavailableMessage =
  'This computer offers no keychain to encrypt the team database password (on Linux, a Secret Service such as GNOME Keyring or KWallet must be running). Advocase never keeps it in a plain file, so it cannot join here until one is available.';

/**
 * The credentials of a joined team database, in one file encrypted by the keychain's key; when
 * the keychain cannot encrypt, nothing is written at all. Written to a temporary name and renamed,
 * so a crash leaves the old file or the new one, never half of one.
 */
export function encryptedTeamCredentialFile(path: string, cipher: KeychainCipher): TeamCredentialStore {
  return {
    read: async () => {
      let encrypted: Buffer;
      try {
        encrypted = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return rememberedTeamConnectionSchema.parse(JSON.parse(cipher.decryptString(encrypted)));
      } catch {
        // Another user's keychain, a damaged file: the person joins again; the file says nothing.
        logger.warn('team.credentials_unreadable');
        return null;
      }
    },
    save: async (remembered: RememberedTeamConnection) => {
      if (!cipher.isEncryptionAvailable())
        throw new AppError('KEYCHAIN_UNAVAILABLE', keychainUnavailableMessage);
      const encrypted = cipher.encryptString(JSON.stringify(remembered));
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, encrypted, { mode: 0o600 });
      await rename(temporary, path);
    },
    forget: () => rm(path, { force: true }),
  };
}
