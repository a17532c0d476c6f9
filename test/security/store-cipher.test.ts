import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { deriveSubkey } from '../../src/core/crypto/key-derivation';
import { openStore } from '../../src/core/db/store';
import { rekeyDatabase } from '../../src/core/db/sqlite/rekey-encrypted-sqlite';
import {
  cipherOpening,
  keyConnection,
  legacyStoreCipher,
  rawKeyPragma,
  writeNextUnder,
  type StoreCipher,
} from '../../src/core/db/sqlite/store-cipher';
import { conversionPath } from '../../src/core/db/sqlite/upgrade-store-cipher';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The store is written under AEGIS-256 (store-cipher.ts); a store written before under SQLCipher
 * 4 is converted once, at unlock, into a new file that takes its place only once complete. Real
 * encrypted files throughout, read back with the driver.
 */

const newFolder = useTemporaryDataDirectory();
const marker = 'Zanzibar-Quokka-7731';

/** Every row of every table, in a stable order: what a conversion must keep. */
function dumpOf(path: string, cipher: StoreCipher, key: Buffer): Record<string, unknown[]> {
  const connection = new Database(path, { readonly: true, fileMustExist: true });
  try {
    keyConnection(connection, cipher, key);
    const tables = connection
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => [name, connection.prepare(`SELECT * FROM "${name}" ORDER BY 1`).raw().all()]),
    );
  } finally {
    connection.close();
  }
}

/**
 * A migrated store with a client, turned into the SQLCipher 4 file an earlier build wrote, as the
 * app leaves it when the laptop dies: in WAL mode, the last write only in the -wal beside it.
 */
async function legacyStore(folder: string, dataKey: Buffer): Promise<string> {
  const source = join(folder, 'written-before.db');
  const path = join(folder, 'advocase.db');
  const store = await openStore(source, dataKey);
  await store.db
    .insertInto('clients')
    .values({ full_name: `${marker} client`, created_at: '2026-01-01', updated_at: '2026-01-01' })
    .execute();
  await store.close();
  const key = deriveSubkey(dataKey, 'database');
  const connection = new Database(source);
  keyConnection(connection, cipherOpening(source, key)!, key);
  connection.pragma('journal_mode = DELETE');
  writeNextUnder(connection, legacyStoreCipher);
  connection.pragma(`rekey=${rawKeyPragma(key)}`);
  connection.pragma('journal_mode = WAL');
  connection.pragma('wal_autocheckpoint = 0');
  connection.prepare('UPDATE clients SET notes = ?').run(`${marker} note in the WAL`);
  // The files as they are on disk at this moment (closing would checkpoint the WAL into the file).
  copyFileSync(source, path);
  copyFileSync(`${source}-wal`, `${path}-wal`);
  copyFileSync(`${source}-shm`, `${path}-shm`);
  connection.close();
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
  expect(cipherOpening(path, key)?.name).toBe('sqlcipher-4');
  return path;
}

describe('the store cipher', () => {
  it('writes a new store under AEGIS-256, which the SQLCipher settings cannot read, and no plaintext', async () => {
    const folder = newFolder();
    const dataKey = randomBytes(32);
    const path = join(folder, 'advocase.db');
    const store = await openStore(path, dataKey);
    await store.db
      .insertInto('clients')
      .values({ full_name: `${marker} client`, created_at: '2026-01-01', updated_at: '2026-01-01' })
      .execute();
    await store.close();
    const key = deriveSubkey(dataKey, 'database');
    expect(cipherOpening(path, key)?.name).toBe('aegis-256');
    expect(readFileSync(path).includes(marker)).toBe(false);
    expect(cipherOpening(path, randomBytes(32))).toBeNull();
  });

  it('converts a SQLCipher 4 store at unlock, keeping every row (the WAL’s too), into a file the old settings no longer read', async () => {
    const folder = newFolder();
    const dataKey = randomBytes(32);
    const path = await legacyStore(folder, dataKey);
    const key = deriveSubkey(dataKey, 'database');
    const before = dumpOf(path, legacyStoreCipher, key);
    expect(JSON.stringify(before.clients)).toContain('note in the WAL');

    const store = await openStore(path, dataKey);
    const clients = await store.db.selectFrom('clients').select(['full_name', 'notes']).execute();
    await store.close();

    expect(clients).toEqual([{ full_name: `${marker} client`, notes: `${marker} note in the WAL` }]);
    const cipher = cipherOpening(path, key);
    expect(cipher?.name).toBe('aegis-256');
    expect(dumpOf(path, cipher!, key)).toEqual(before);
    expect(existsSync(conversionPath(path))).toBe(false);
    expect(readFileSync(path).includes(marker)).toBe(false);
  });

  it('throws away a conversion the laptop died in the middle of, and converts again from the untouched store', async () => {
    const folder = newFolder();
    const dataKey = randomBytes(32);
    const path = await legacyStore(folder, dataKey);
    const key = deriveSubkey(dataKey, 'database');
    const before = dumpOf(path, legacyStoreCipher, key);
    // What a power cut before the rename leaves: a half-written copy and its journal.
    writeFileSync(conversionPath(path), readFileSync(path).subarray(0, 8192));
    writeFileSync(`${conversionPath(path)}-journal`, randomBytes(4096));

    const store = await openStore(path, dataKey);
    await store.close();

    expect(existsSync(conversionPath(path))).toBe(false);
    expect(existsSync(`${conversionPath(path)}-journal`)).toBe(false);
    const cipher = cipherOpening(path, key);
    expect(cipher?.name).toBe('aegis-256');
    expect(dumpOf(path, cipher!, key)).toEqual(before);
  });

  it('rotates the key of a store still under SQLCipher 4 into AEGIS-256 under the new key', async () => {
    const folder = newFolder();
    const oldDataKey = randomBytes(32);
    const newDataKey = randomBytes(32);
    const path = await legacyStore(folder, oldDataKey);
    const before = dumpOf(path, legacyStoreCipher, deriveSubkey(oldDataKey, 'database'));

    rekeyDatabase(path, oldDataKey, newDataKey);

    const newKey = deriveSubkey(newDataKey, 'database');
    expect(cipherOpening(path, deriveSubkey(oldDataKey, 'database'))).toBeNull();
    const cipher = cipherOpening(path, newKey);
    expect(cipher?.name).toBe('aegis-256');
    expect(dumpOf(path, cipher!, newKey)).toEqual(before);
  });
});
