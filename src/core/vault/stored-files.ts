import { AppError } from '../errors';

/** What an integrity check of one stored file found. */
export type StoredFileCheck = 'ok' | 'damaged' | 'missing';

/** One stored file being written as its plaintext arrives; `commit` keeps it, `discard` drops it. */
export interface StoredFileWriter {
  readonly storageId: string;
  write(plaintext: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Where the vault keeps the files behind its documents, so that the vault's own logic (adding,
 * preview, download, trash, the integrity check) is written once for both stores: encrypted files
 * in the data folder (`local-stored-files.ts`), or chunks in the team's database
 * (`team/team-stored-files.ts`). The rows that describe a file (`vault_blobs`) live in the
 * database either way.
 */
export interface StoredFiles {
  /** Starts a new stored file under a fresh storage id. */
  createWriter(): Promise<StoredFileWriter>;
  /**
   * Hands each chunk to `onChunk` in order, each verified; DATA_DAMAGED at the first that fails,
   * so a caller showing the document must wait for the end (see `readWholeStoredFile`).
   */
  read(storageId: string, onChunk: (plaintext: Buffer) => void | Promise<void>): Promise<void>;
  check(storageId: string): Promise<StoredFileCheck>;
  /** Removes a stored file for good (nothing happens when there is none). */
  destroy(storageId: string): Promise<void>;
  /** Stored files older than an upload in flight that no row in `known` records (a crash's leftovers). */
  unrecordedStorageIds(known: ReadonlySet<string>, now: number): Promise<string[]>;
  /**
   * The key `vault_blobs.plaintext_sha256` finds identical content by: the plaintext's SHA-256 in
   * a local store; in a team database, that hash keyed by the person's login, so one person's
   * upload never reveals or depends on another's file they may not see.
   */
  contentKey(plaintextSha256: string): Promise<string>;
  /** Why a decrypted copy may not be written to this computer for another app, or null when it may. */
  readonly openCopyRefusal: string | null;
}

/** A stored file this young may be an upload being filed at this moment, so it is not a leftover. */
export const uploadInFlightMs = 60 * 60 * 1000;

/** The whole plaintext in memory, returned only once every chunk (and the whole) has verified. */
export async function readWholeStoredFile(files: StoredFiles, storageId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    await files.read(storageId, (chunk) => void chunks.push(chunk));
  } catch (error) {
    for (const chunk of chunks) chunk.fill(0);
    throw error;
  }
  return Buffer.concat(chunks);
}

/** A check of a stored file: the failure a read names, as a word. */
export async function checkByReading(files: StoredFiles, storageId: string): Promise<StoredFileCheck> {
  try {
    await files.read(storageId, () => undefined);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError && error.code === 'DATA_DAMAGED') return 'damaged';
    throw error;
  }
}
