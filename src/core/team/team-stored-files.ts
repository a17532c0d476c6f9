import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { defaultChunkSize } from '../vault/chunked-encryption';
import {
  checkByReading,
  uploadInFlightMs,
  type StoredFiles,
  type StoredFileWriter,
} from '../vault/stored-files';

/**
 * A team database's document files (docs/team-mode.md, "Documents"): each file in 1 MiB chunks,
 * rows of `team_stored_file_chunks` with each chunk's SHA-256, and one row of `team_stored_files`
 * with the whole file's SHA-256, size and number of chunks. A chunk that is missing, extra or
 * changed, or a whole that does not add up, stops a read with DATA_DAMAGED naming the part, before
 * anything is shown. Who may read the chunks is decided by PostgreSQL, by the case the file's
 * document belongs to (migration 0190). Nothing is written to the laptop's disk.
 */

type Db = Kysely<AdvocaseDatabase>;

/** Chunks fetched in one query: 8 MiB, as the local store reads its files. */
const chunksPerQuery = 8;

const teamAdvice =
  "Ask whoever runs your team's database to restore it from the database's backup, or add the file again.";

function damaged(problem: string): AppError {
  return new AppError(
    'DATA_DAMAGED',
    `This document is damaged: ${problem}, so none of it is shown. ${teamAdvice}`,
  );
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

class TeamStoredFileWriter implements StoredFileWriter {
  readonly storageId = randomBytes(16).toString('hex');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private chunkCount = 0;
  private sizeBytes = 0;
  private readonly whole = createHash('sha256');

  constructor(private readonly db: Db) {}

  async write(plaintext: Uint8Array): Promise<void> {
    // Copied: the caller may reuse its buffer, and a chunk waits here until it is full.
    this.pending.push(Buffer.from(plaintext));
    this.pendingBytes += plaintext.byteLength;
    while (this.pendingBytes >= defaultChunkSize) {
      const joined = Buffer.concat(this.pending);
      this.pending = [joined.subarray(defaultChunkSize)];
      this.pendingBytes = joined.length - defaultChunkSize;
      await this.insertChunk(joined.subarray(0, defaultChunkSize));
    }
  }

  async commit(): Promise<void> {
    if (this.pendingBytes > 0) await this.insertChunk(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    await sql`
      INSERT INTO team_stored_files (storage_id, sha256, size_bytes, chunk_count)
      VALUES (${this.storageId}, ${this.whole.digest()}, ${this.sizeBytes}, ${this.chunkCount})`.execute(
      this.db,
    );
  }

  async discard(): Promise<void> {
    this.pending = [];
    await destroy(this.db, this.storageId);
  }

  private async insertChunk(chunk: Buffer): Promise<void> {
    this.whole.update(chunk);
    await sql`
      INSERT INTO team_stored_file_chunks (storage_id, chunk_index, bytes, sha256)
      VALUES (${this.storageId}, ${this.chunkCount}, ${chunk}, ${sha256(chunk)})`.execute(this.db);
    this.chunkCount += 1;
    this.sizeBytes += chunk.length;
  }
}

async function destroy(db: Db, storageId: string): Promise<void> {
  await sql`DELETE FROM team_stored_file_chunks WHERE storage_id = ${storageId}`.execute(db);
  await sql`DELETE FROM team_stored_files WHERE storage_id = ${storageId}`.execute(db);
}

type FileRow = { sha256: Buffer; size_bytes: number; chunk_count: number };
type ChunkRow = { chunk_index: number; bytes: Buffer; sha256: Buffer };

async function readFileRow(db: Db, storageId: string): Promise<FileRow | undefined> {
  const { rows } = await sql<FileRow>`
    SELECT sha256, size_bytes, chunk_count FROM team_stored_files WHERE storage_id = ${storageId}`.execute(
    db,
  );
  return rows[0];
}

async function read(
  db: Db,
  storageId: string,
  onChunk: (plaintext: Buffer) => void | Promise<void>,
): Promise<void> {
  const file = await readFileRow(db, storageId);
  if (!file) throw damaged('its file is missing from the team database');
  const count = file.chunk_count;
  const part = (index: number) => `part ${index + 1} of ${count} of its file`;
  const whole = createHash('sha256');
  let sizeBytes = 0;
  for (let first = 0; first < count; first += chunksPerQuery) {
    const { rows } = await sql<ChunkRow>`
      SELECT chunk_index, bytes, sha256 FROM team_stored_file_chunks
      WHERE storage_id = ${storageId} AND chunk_index >= ${first} AND chunk_index < ${first + chunksPerQuery}
      ORDER BY chunk_index`.execute(db);
    const byIndex = new Map(rows.map((row) => [row.chunk_index, row]));
    for (let index = first; index < Math.min(first + chunksPerQuery, count); index += 1) {
      const chunk = byIndex.get(index);
      if (!chunk) throw damaged(`${part(index)} is missing`);
      if (!sha256(chunk.bytes).equals(chunk.sha256))
        throw damaged(`${part(index)} failed its integrity check`);
      whole.update(chunk.bytes);
      sizeBytes += chunk.bytes.length;
      await onChunk(chunk.bytes);
    }
  }
  const { rows: extra } = await sql<{ chunk_index: number }>`
    SELECT chunk_index FROM team_stored_file_chunks WHERE storage_id = ${storageId} AND chunk_index >= ${count}
    ORDER BY chunk_index LIMIT 1`.execute(db);
  if (extra[0]) throw damaged(`its file has a part ${extra[0].chunk_index + 1} beyond its ${count} parts`);
  if (sizeBytes !== file.size_bytes || !whole.digest().equals(file.sha256)) {
    throw damaged('its parts verify one by one but not as a whole file');
  }
}

export function teamStoredFiles(db: Db): StoredFiles {
  const files: StoredFiles = {
    createWriter: async () => new TeamStoredFileWriter(db),
    read: (storageId, onChunk) => read(db, storageId, onChunk),
    check: async (storageId) =>
      (await readFileRow(db, storageId)) ? checkByReading(files, storageId) : 'missing',
    destroy: (storageId) => destroy(db, storageId),
    unrecordedStorageIds: async (known, now) => {
      const before = new Date(now - uploadInFlightMs).toISOString();
      const { rows } = await sql<{ storage_id: string }>`
        SELECT storage_id FROM team_stored_files WHERE created_at < ${before}::timestamptz
        UNION
        SELECT storage_id FROM team_stored_file_chunks WHERE created_at < ${before}::timestamptz
        ORDER BY storage_id`.execute(db);
      return rows.map((row) => row.storage_id).filter((storageId) => !known.has(storageId));
    },
    contentKey: async (plaintextSha256) => {
      const { rows } = await sql<{ key: string }>`
        SELECT encode(sha256(convert_to(session_user || ':' || ${plaintextSha256}, 'UTF8')), 'hex') AS key`.execute(
        db,
      );
      return rows[0]!.key;
    },
    openCopyRefusal:
      'On a team database, documents are not copied onto this computer for other apps. Preview it here, or download it to a file you choose.',
  };
  return files;
}
