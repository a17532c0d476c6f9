import type { OpenConnection } from '../connection';
import { openEncryptedSqlite } from '../../sqlite/open-encrypted-sqlite';

/**
 * A local store: the SQLCipher file at `path`, keyed with `databaseKey`, which is zeroed once the
 * connection holds its own copy.
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
    return openEncryptedSqlite(path, databaseKey).createKysely<Database>();
  } finally {
    databaseKey.fill(0);
  }
};
