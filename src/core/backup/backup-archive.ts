import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { syncDirectory } from '../storage/atomic-file';
import { throwIfCancelled, type WorkProgress } from './backup-progress';

/**
 * One backup is one file, so it can be copied to a drive or synced as a unit:
 *
 *   "ADVOCASE-BACKUP\n" | entry bytes, one after another | index (JSON) | trailer
 *   trailer = index length (u64 BE) | SHA-256 of the index | "ADVOCASE-BKP-END"
 *
 * Every entry is already ciphertext (the encrypted database, the wrapped keyring, the vault's
 * sealed files), so the container adds no encryption of its own. It adds a SHA-256 per entry and
 * one for the index, so a single flipped byte anywhere is found without any key; the keys then
 * prove the contents (the database's page tags, vault chunk tags) in the deeper check.
 * The index names only entries (keyring.json, advocase.db, vault/objects/ab/<random id>) and the
 * time the backup was made: nothing about any client.
 */

const startMagic = Buffer.from('ADVOCASE-BACKUP\n', 'ascii');
const endMagic = Buffer.from('ADVOCASE-BKP-END', 'ascii');
const trailerLength = 8 + 32 + endMagic.length;
const pieceBytes = 1024 * 1024;
/** A real index lists one line per vault file; 64 MiB is far above any caseload. */
const maximumIndexBytes = 64 * 1024 * 1024;

export const databaseEntry = 'advocase.db';
export const keyringEntry = 'keyring.json';
const entryNamePattern = /^(?:keyring\.json|advocase\.db|vault\/objects\/[0-9a-f]{2}\/[0-9a-f]{32})$/;

const entrySchema = z.object({
  name: z.string().regex(entryNamePattern),
  offset: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const indexSchema = z.object({
  format: z.literal('advocase-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  entries: z.array(entrySchema),
});

export type ArchiveEntry = z.infer<typeof entrySchema>;
export type ArchiveIndex = z.infer<typeof indexSchema>;
/** A file to put into the backup under an entry name. */
export type ArchiveSource = { readonly name: string; readonly path: string };

export function damagedBackup(detail: string): AppError {
  return new AppError(
    'DATA_DAMAGED',
    `This backup is damaged (${detail}). Nothing was restored from it; use another backup.`,
  );
}

export function vaultEntryName(storageId: string): string {
  return `vault/objects/${storageId.slice(0, 2)}/${storageId}`;
}

export function storageIdOfEntry(name: string): string | null {
  return /^vault\/objects\/[0-9a-f]{2}\/([0-9a-f]{32})$/.exec(name)?.[1] ?? null;
}

/**
 * Writes the sources into one archive at `path`, under a temporary name first: a cancel, a crash or
 * a full disk leaves no file that looks like a backup.
 */
export async function writeBackupArchive(
  path: string,
  createdAt: string,
  sources: readonly ArchiveSource[],
  progress: WorkProgress,
): Promise<void> {
  const temporaryPath = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  const file = await open(temporaryPath, 'wx', 0o600);
  try {
    await file.write(startMagic);
    let offset = startMagic.length;
    const entries: ArchiveEntry[] = [];
    for (const source of sources) {
      const { size, sha256 } = await appendFile(file, source.path, progress);
      entries.push({ name: source.name, offset, size, sha256 });
      offset += size;
    }
    const index: ArchiveIndex = { format: 'advocase-backup', version: 1, createdAt, entries };
    const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(indexBytes.length));
    await file.write(Buffer.concat([indexBytes, length, sha256Of(indexBytes), endMagic]));
    await file.sync();
    await file.close();
    throwIfCancelled(progress);
    await rename(temporaryPath, path);
    await syncDirectory(dirname(path));
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporaryPath, { force: true });
    throw error;
  }
}

async function appendFile(
  target: FileHandle,
  sourcePath: string,
  progress: WorkProgress,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const source = await open(sourcePath, 'r');
  let size = 0;
  try {
    const buffer = Buffer.alloc(pieceBytes);
    for (;;) {
      throwIfCancelled(progress);
      const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const piece = buffer.subarray(0, bytesRead);
      hash.update(piece);
      await target.write(piece);
      size += bytesRead;
      progress.advance(bytesRead);
    }
  } finally {
    await source.close();
  }
  return { size, sha256: hash.digest('hex') };
}

function sha256Of(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Reads and checks the index (not yet the entries). Throws DATA_DAMAGED for anything amiss. */
export async function readBackupIndex(path: string): Promise<ArchiveIndex> {
  const size = await stat(path).then(
    (info) => (info.isFile() ? info.size : null),
    () => null,
  );
  if (size === null) {
    throw new AppError('NOT_FOUND', 'There is no backup file there. Check the name and the folder.');
  }
  const file = await open(path, 'r');
  try {
    if (size < startMagic.length + trailerLength) throw notABackup();
    const head = await readRange(file, 0, startMagic.length);
    if (!head.equals(startMagic)) throw notABackup();
    const trailer = await readRange(file, size - trailerLength, trailerLength);
    if (!trailer.subarray(40).equals(endMagic)) throw damagedBackup('its end is missing or altered');
    const indexLength = Number(trailer.readBigUInt64BE(0));
    const indexStart = size - trailerLength - indexLength;
    if (indexLength > maximumIndexBytes || indexStart < startMagic.length) {
      throw damagedBackup('its table of contents is out of place');
    }
    const indexBytes = await readRange(file, indexStart, indexLength);
    if (!sha256Of(indexBytes).equals(trailer.subarray(8, 40))) {
      throw damagedBackup('its table of contents failed its checksum');
    }
    const parsed = indexSchema.safeParse(parseJson(indexBytes));
    if (!parsed.success) throw damagedBackup('its table of contents cannot be read');
    assertEntriesInPlace(parsed.data.entries, indexStart);
    return parsed.data;
  } finally {
    await file.close();
  }
}

function notABackup(): AppError {
  return new AppError(
    'INVALID_INPUT',
    'This file is not an Advocase backup. Choose a file whose name ends in .advocase-backup.',
  );
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

function assertEntriesInPlace(entries: readonly ArchiveEntry[], indexStart: number): void {
  let expectedOffset = startMagic.length;
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.offset !== expectedOffset || names.has(entry.name)) {
      throw damagedBackup('its table of contents is inconsistent');
    }
    names.add(entry.name);
    expectedOffset += entry.size;
  }
  if (expectedOffset !== indexStart) throw damagedBackup('its table of contents is inconsistent');
  if (!names.has(databaseEntry) || !names.has(keyringEntry)) {
    throw damagedBackup('the database or the key file is missing from it');
  }
}

async function readRange(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw damagedBackup('it ends too early');
  return buffer;
}

/** Streams one entry's bytes, piece by piece, from the archive. */
export async function readEntry(
  path: string,
  entry: ArchiveEntry,
  onPiece: (piece: Buffer) => void | Promise<void>,
  progress?: WorkProgress,
): Promise<void> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(pieceBytes);
    for (let done = 0; done < entry.size;) {
      if (progress) throwIfCancelled(progress);
      const length = Math.min(buffer.length, entry.size - done);
      const { bytesRead } = await file.read(buffer, 0, length, entry.offset + done);
      if (bytesRead !== length) throw damagedBackup('it ends too early');
      await onPiece(buffer.subarray(0, bytesRead));
      done += bytesRead;
      progress?.advance(bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** Checks every entry against its SHA-256: finds any flipped byte without needing a key. */
export async function checkEntryChecksums(
  path: string,
  index: ArchiveIndex,
  progress: WorkProgress,
): Promise<void> {
  for (const entry of index.entries) {
    const hash = createHash('sha256');
    await readEntry(path, entry, (piece) => void hash.update(piece), progress);
    if (hash.digest('hex') !== entry.sha256) {
      throw damagedBackup(`${describeEntry(entry.name)} failed its checksum`);
    }
  }
}

export function describeEntry(name: string): string {
  if (name === databaseEntry) return 'the database';
  if (name === keyringEntry) return 'the key file';
  return `stored document file ${storageIdOfEntry(name)?.slice(0, 8) ?? name}`;
}

/** Copies one entry out of the archive into a new file (0600). */
export async function extractEntry(
  path: string,
  entry: ArchiveEntry,
  targetPath: string,
  progress?: WorkProgress,
): Promise<void> {
  const target = await open(targetPath, 'wx', 0o600);
  try {
    await readEntry(path, entry, async (piece) => void (await target.write(piece)), progress);
    await target.sync();
  } finally {
    await target.close();
  }
}

export function totalEntryBytes(index: ArchiveIndex): number {
  return index.entries.reduce((sum, entry) => sum + entry.size, 0);
}
