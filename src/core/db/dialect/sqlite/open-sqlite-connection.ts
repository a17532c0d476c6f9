import type { OpenConnection } from '../connection';
import { openEncryptedSqlite } from '../../sqlite/open-encrypted-sqlite';
import { upgradeStoreCipher } from '../../sqlite/upgrade-store-cipher';

/**
 * A local store: the encrypted file at `path`, keyed with `databaseKey`, which is zeroed once the
 * connection holds its own copy. A store written under an older scheme is converted first
 * (upgrade-store-cipher.ts).
 */
export const openSqliteConnection: OpenConnection<{ readonly path: string; readonly databaseKey: Buffer }> = <
  Database,
>({
  path,
  databaseKey,
}: {
  readonly path: string;
  readonly databaseKey: Buffer;
}) => {
  try {
    upgradeStoreCipher(path, databaseKey);
    return openEncryptedSqlite(path, databaseKey).createKysely<Database>();
  } finally {
    databaseKey.fill(0);
  }
};
