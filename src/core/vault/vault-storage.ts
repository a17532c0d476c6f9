import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { ChunkDecryptor, ChunkEncryptor, headerLength } from './chunked-encryption';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';

/**
 * Where the vault keeps its encrypted files: `<data folder>/vault/objects/ab/<32 hex>`. Names are
 * random; which document a file holds is known only to the encrypted database.
 */
export function vaultFolders(dataDirectory: string) {
  const root = join(dataDirectory, 'vault');
  return { root, objects: join(root, 'objects'), incoming: join(root, 'incoming') } as const;
}

export function newStorageId(): string {
  return randomBytes(16).toString('hex');
}

export function storedFilePath(dataDirectory: string, storageId: string): string {
  if (!/^[0-9a-f]{32}$/.test(storageId)) throw new Error('Not a storage id.');
  return join(vaultFolders(dataDirectory).objects, storageId.slice(0, 2), storageId);
}

/**
 * Writes one encrypted file as plaintext arrives, into `incoming/` first; `commit` moves it into
 * place, `discard` removes it. Plaintext is held only in memory, one chunk at a time.
 */
export class EncryptedFileWriter {
  private readonly encryptor: ChunkEncryptor;
  /** The write in flight: the next piece is encrypted while it reaches the disk. */
  private inFlight: Promise<void> = Promise.resolve();
  private writeFailure: Error | null = null;
  private bytesWritten = 0;

  private constructor(
    private readonly dataDirectory: string,
    readonly storageId: string,
    private readonly incomingPath: string,
    private readonly file: FileHandle,
    vaultKey: Buffer,
  ) {
    this.encryptor = new ChunkEncryptor(vaultKey, storageId);
  }

  static async create(dataDirectory: string, vaultKey: Buffer): Promise<EncryptedFileWriter> {
    const folders = vaultFolders(dataDirectory);
    await mkdir(folders.incoming, { recursive: true, mode: 0o700 });
    const storageId = newStorageId();
    const incomingPath = join(folders.incoming, storageId);
    const file = await open(incomingPath, 'wx', 0o600);
    const writer = new EncryptedFileWriter(dataDirectory, storageId, incomingPath, file, vaultKey);
    await writer.append(writer.encryptor.header);
    return writer;
  }

  get ciphertextBytes(): number {
    return this.bytesWritten;
  }

  /**
   * Encrypts the piece while the previous piece's write is still going, then hands this one's
   * chunks to the disk: one write in flight at a time, so memory holds at most two pieces.
   */
  async write(plaintext: Uint8Array): Promise<void> {
    const sealed = this.encryptor.push(plaintext);
    await this.settled();
    if (sealed.length === 0) return;
    this.inFlight = this.append(...sealed).catch((error: unknown) => {
      this.writeFailure = error instanceof Error ? error : new Error(String(error));
    });
  }

  /** Waits for the write in flight, and throws what it failed with. */
  private async settled(): Promise<void> {
    await this.inFlight;
    if (this.writeFailure !== null) throw this.writeFailure;
  }

  /** Seals the last chunk, flushes to disk and moves the file into place. */
  async commit(): Promise<void> {
    await this.settled();
    await this.append(this.encryptor.finish());
    await this.file.sync();
    await this.file.close();
    const finalPath = storedFilePath(this.dataDirectory, this.storageId);
    await mkdir(join(finalPath, '..'), { recursive: true, mode: 0o700 });
    await rename(this.incomingPath, finalPath);
  }

  /** Drops the half-written file (ciphertext only, so plain removal is enough). */
  async discard(): Promise<void> {
    this.encryptor.abandon();
    await this.inFlight;
    await this.file.close().catch(() => undefined);
    await rm(this.incomingPath, { force: true });
  }

  /** The buffers in order, in one gathered write (each chunk's ciphertext and tag, never joined). */
  private async append(...buffers: Buffer[]): Promise<void> {
    const { bytesWritten } = await this.file.writev(buffers);
    this.bytesWritten += bytesWritten;
  }
}

/** 8 MiB reads at the default chunk size. */
const sealedChunksPerRead = 8;

function missing(): AppError {
  return new AppError(
    'DATA_DAMAGED',
    `This document's stored file is missing from the data folder. ${restoreFromBackupAdvice}`,
  );
}

/**
 * Decrypts a stored file, handing each verified chunk to `onChunk` in order. A damaged chunk stops
 * it with DATA_DAMAGED; chunks already handed over were each verified, but a caller showing the
 * document must still wait for the whole file (see `readWholeStoredFile`).
 */
export async function decryptStoredFile(
  dataDirectory: string,
  storageId: string,
  vaultKey: Buffer,
  onChunk: (plaintext: Buffer) => void | Promise<void>,
): Promise<void> {
  const path = storedFilePath(dataDirectory, storageId);
  const decryptor = new ChunkDecryptor(vaultKey, storageId);
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    throw missing();
  }
  try {
    const header = Buffer.alloc(headerLength);
    await file.read(header, 0, headerLength, 0);
    decryptor.push(header);
    // Whole sealed chunks, several at a time, into two buffers used in turn: each chunk is
    // decrypted from the buffer it was read into (never copied together from two reads), and the
    // decryptor, which holds back the last chunk until it knows whether more follow, has let go of
    // a buffer before it is read into again. No buffer is allocated per read.
    const readBytes = decryptor.sealedChunkBytes * sealedChunksPerRead;
    const buffers = [Buffer.allocUnsafe(readBytes), Buffer.allocUnsafe(readBytes)] as const;
    let position = headerLength;
    for (let turn = 0; ; turn += 1) {
      const buffer = buffers[turn % 2]!;
      const { bytesRead } = await file.read(buffer, 0, readBytes, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      for (const plaintext of decryptor.push(buffer.subarray(0, bytesRead))) await onChunk(plaintext);
    }
  } finally {
    await file.close();
  }
  await onChunk(decryptor.finish());
}

/**
 * Overwrites a stored file with random bytes, flushes, then removes it. On SSDs and copy-on-write
 * file systems the old blocks may survive the overwrite; they hold ciphertext only, and the key
 * for it goes with the database row that is deleted alongside.
 */
export async function destroyStoredFile(dataDirectory: string, storageId: string): Promise<void> {
  const path = storedFilePath(dataDirectory, storageId);
  let file: FileHandle;
  try {
    file = await open(path, 'r+');
  } catch {
    return;
  }
  try {
    const { size } = await file.stat();
    const block = Buffer.alloc(Math.min(size, 1024 * 1024));
    for (let offset = 0; offset < size; offset += block.length) {
      randomBytes(block.length).copy(block);
      await file.write(block, 0, Math.min(block.length, size - offset), offset);
    }
    await file.sync();
  } finally {
    await file.close();
  }
  await rm(path, { force: true });
}

/** Removes leftovers of uploads interrupted by a crash (ciphertext only). */
export async function clearIncoming(dataDirectory: string): Promise<void> {
  await rm(vaultFolders(dataDirectory).incoming, { recursive: true, force: true });
}
