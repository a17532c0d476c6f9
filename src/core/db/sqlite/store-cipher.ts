import Database from 'better-sqlite3-multiple-ciphers';

/**
 * How a local store's pages are encrypted (SQLite3 Multiple Ciphers' schemes), chosen by
 * measurement (docs/performance.md, "Encrypted ÷ plain"):
 *
 * - **AEGIS-256** for every store this build writes. An authenticated cipher built on the AES
 *   round, which SQLite3 Multiple Ciphers runs on the processor's AES instructions: each page gets
 *   its own nonce and a 256-bit tag checked on every read, so a page changed on disk is refused as
 *   SQLCipher's HMAC refused it. What it replaced cost a software HMAC-SHA-512 per page read;
 *   verifying it was most of the encryption's cost (with the check turned off a scan ran at plain
 *   speed), and turning the check off would have left a changed page unnoticed.
 * - **SQLCipher 4** (AES-256-CBC + HMAC-SHA-512, 4 KiB pages) for stores written before: opened
 *   to read, and converted once at unlock (upgrade-store-cipher.ts).
 *
 * Both take a raw 256-bit key (`x'…'`), which skips the scheme's own key derivation (PBKDF2 for
 * SQLCipher, Argon2 for AEGIS): the key is already random, derived from the data key. There is no
 * SQLCipher-style `cipher_memory_security` in this driver, so nothing is spent wiping buffers.
 */
export type StoreCipher = {
  /** Said in logs and errors; never a secret. */
  readonly name: 'aegis-256' | 'sqlcipher-4';
  /** Set before the key, on a fresh connection. */
  readonly pragmas: readonly string[];
};

export const currentStoreCipher: StoreCipher = {
  name: 'aegis-256',
  pragmas: [`cipher='aegis'`, `algorithm='aegis-256'`],
};

export const legacyStoreCipher: StoreCipher = {
  name: 'sqlcipher-4',
  pragmas: [`cipher='sqlcipher'`, 'legacy=4'],
};

/** Every scheme a store may be in, the current first. */
export const storeCiphers: readonly StoreCipher[] = [currentStoreCipher, legacyStoreCipher];

export function rawKeyPragma(key: Buffer): string {
  return `"x'${key.toString('hex')}'"`;
}

/** Keys a fresh connection under a scheme; the first read then says whether it fits. */
export function keyConnection(connection: Database.Database, cipher: StoreCipher, key: Buffer): void {
  for (const pragma of cipher.pragmas) connection.pragma(pragma);
  connection.pragma(`key=${rawKeyPragma(key)}`);
}

/** Makes the next `rekey` on this keyed connection write its pages under `cipher`. */
export function writeNextUnder(connection: Database.Database, cipher: StoreCipher): void {
  for (const pragma of cipher.pragmas) connection.pragma(pragma);
}

export function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB';
}

/** The scheme under which this key reads the file, or null (another key, or not a store). */
export function cipherOpening(path: string, key: Buffer): StoreCipher | null {
  for (const cipher of storeCiphers) {
    const connection = new Database(path, { fileMustExist: true });
    try {
      keyConnection(connection, cipher, key);
      connection.prepare('SELECT count(*) FROM sqlite_master').get();
      return cipher;
    } catch (error) {
      if (!isNotADatabase(error)) throw error;
    } finally {
      connection.close();
    }
  }
  return null;
}
