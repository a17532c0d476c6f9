import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { restoreFromBackupAdvice } from '../../shared/schemas/backup';

/**
 * The vault's file format: AES-256-GCM in authenticated chunks, after the STREAM construction
 * (Hoang, Reyhanitabar, Rogaway and Vizár, "Online Authenticated-Encryption and its Nonce-Reuse
 * Misuse-Resistance", CRYPTO 2015), the same layout as Tink's AES-GCM-HKDF streaming AEAD.
 *
 *   header  = magic "ADVVAULT" | version (1) | chunk size (u32 BE) | salt (16) | nonce prefix (7)
 *   chunk i = AES-256-GCM(fileKey, nonce = prefix | i (u32 BE) | isFinal (1 byte), aad = header | storageId)
 *             ciphertext then its 16-byte tag
 *
 * Each file gets its own key, HKDF(vaultKey, salt), so nonces never repeat across files. The chunk
 * index and the final flag sit in the nonce, so chunks cannot be reordered, dropped or cut off at the
 * end; the header and the file's storage id sit in the associated data, so a header cannot be
 * altered and one stored file cannot stand in for another.
 */

const magic = Buffer.from('ADVVAULT', 'ascii');
const formatVersion = 1;
const saltLength = 16;
const noncePrefixLength = 7;
export const headerLength = magic.length + 1 + 4 + saltLength + noncePrefixLength;
const tagLength = 16;
/** 1 MiB: large enough that per-chunk setup costs little next to AES itself. */
export const defaultChunkSize = 1024 * 1024;
const maximumChunkSize = 16 * 1024 * 1024;

function damaged(): AppError {
  return new AppError(
    'DATA_DAMAGED',
    `This document is damaged: its stored file failed the integrity check, so none of it is shown. ${restoreFromBackupAdvice}`,
  );
}

function fileKey(vaultKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, salt, 'advocase/vault-file/v1', 32));
}

function chunkNonce(prefix: Buffer, index: number, isFinal: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, noncePrefixLength);
  nonce[11] = isFinal ? 1 : 0;
  return nonce;
}

/**
 * Pieces of any size in, chunks of a given size out. A chunk inside one piece is a view of it;
 * only a chunk that spans two pieces is copied, so pieces that line up with the chunks (the app's
 * 2 MiB uploads, 1 MiB chunks) are never copied at all.
 */
class ChunkQueue {
  private pieces: Buffer[] = [];
  length = 0;

  add(piece: Buffer): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  /** The next `size` bytes (at most as many as are queued). */
  take(size: number): Buffer {
    const first = this.pieces[0];
    if (!first || size === 0) return Buffer.alloc(0);
    let chunk: Buffer;
    if (first.length >= size) {
      chunk = first.subarray(0, size);
      if (first.length === size) this.pieces.shift();
      else this.pieces[0] = first.subarray(size);
    } else {
      chunk = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const piece = this.pieces[0]!;
        const used = Math.min(piece.length, size - filled);
        piece.copy(chunk, filled, 0, used);
        filled += used;
        if (used === piece.length) this.pieces.shift();
        else this.pieces[0] = piece.subarray(used);
      }
    }
    this.length -= size;
    return chunk;
  }

  clear(): void {
    this.pieces = [];
    this.length = 0;
  }
}

/** Encrypts one file chunk by chunk. Feed it plaintext pieces of any size; it emits whole chunks. */
export class ChunkEncryptor {
  private readonly key: Buffer;
  private readonly prefix: Buffer;
  private readonly aad: Buffer;
  private readonly pending = new ChunkQueue();
  private index = 0;
  private isFinished = false;
  readonly header: Buffer;

  constructor(
    vaultKey: Buffer,
    storageId: string,
    private readonly chunkSize: number = defaultChunkSize,
  ) {
    const salt = randomBytes(saltLength);
    this.prefix = randomBytes(noncePrefixLength);
    const sizeField = Buffer.alloc(4);
    sizeField.writeUInt32BE(chunkSize);
    this.header = Buffer.concat([magic, Buffer.from([formatVersion]), sizeField, salt, this.prefix]);
    this.aad = Buffer.concat([this.header, Buffer.from(storageId, 'utf8')]);
    this.key = fileKey(vaultKey, salt);
  }

  /**
   * Returns what this piece completes (possibly nothing): each chunk's ciphertext, then its tag,
   * as separate buffers to write in order, so a chunk is never copied to join its tag. The
   * encryptor keeps views of the piece until they are sealed: do not change it meanwhile.
   */
  push(plaintext: Uint8Array): Buffer[] {
    if (this.isFinished) throw new Error('The encryptor is finished.');
    const out: Buffer[] = [];
    this.pending.add(Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength));
    // A chunk goes out only once more bytes follow it: the last chunk must carry the final flag.
    while (this.pending.length > this.chunkSize) {
      out.push(...this.seal(this.pending.take(this.chunkSize), false));
    }
    return out;
  }

  /** Seals the final chunk (empty only when the whole file is) and forgets the key. */
  finish(): Buffer {
    const last = Buffer.concat(this.seal(this.pending.take(this.pending.length), true));
    this.pending.clear();
    this.isFinished = true;
    this.key.fill(0);
    return last;
  }

  /** Forgets the key without finishing (an upload abandoned half way). */
  abandon(): void {
    this.isFinished = true;
    this.pending.clear();
    this.key.fill(0);
  }

  private seal(plaintext: Buffer, isFinal: boolean): [ciphertext: Buffer, tag: Buffer] {
    const cipher = createCipheriv('aes-256-gcm', this.key, chunkNonce(this.prefix, this.index, isFinal));
    cipher.setAAD(this.aad);
    const body = cipher.update(plaintext);
    // GCM is a stream mode: final() adds no bytes, only the tag.
    cipher.final();
    this.index += 1;
    return [body, cipher.getAuthTag()];
  }
}

/**
 * Decrypts a stored file read in pieces of any size. Throws DATA_DAMAGED at the first chunk that
 * fails its tag, for a wrong header, for chunks after the final one, or for a file that ends
 * before its final chunk. Callers must not use any plaintext until `finish()` has returned.
 */
export class ChunkDecryptor {
  private headerBytes: Buffer = Buffer.alloc(0);
  private key: Buffer | null = null;
  private prefix: Buffer = Buffer.alloc(0);
  private aad: Buffer = Buffer.alloc(0);
  private sealedChunkSize = 0;
  private readonly pending = new ChunkQueue();
  private index = 0;
  private hasSeenFinal = false;

  constructor(
    private readonly vaultKey: Buffer,
    private readonly storageId: string,
  ) {}

  /** How many bytes a sealed chunk takes on disk (ciphertext and tag), once the header is read; else 1 MiB. */
  get sealedChunkBytes(): number {
    return this.sealedChunkSize || defaultChunkSize;
  }

  push(ciphertext: Uint8Array): Buffer[] {
    let piece = Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength);
    if (!this.key) {
      const needed = headerLength - this.headerBytes.length;
      this.headerBytes = Buffer.concat([this.headerBytes, piece.subarray(0, needed)]);
      piece = piece.subarray(needed);
      if (this.headerBytes.length < headerLength) return [];
      this.readHeader();
    }
    if (piece.length === 0) return [];
    if (this.hasSeenFinal) throw damaged();
    this.pending.add(piece);
    const out: Buffer[] = [];
    // Hold back one full sealed chunk: whether it is the last one is known only when more follows.
    while (this.pending.length > this.sealedChunkSize) {
      out.push(this.open(this.pending.take(this.sealedChunkSize), false));
    }
    return out;
  }

  finish(): Buffer {
    if (!this.key || this.pending.length < tagLength) throw damaged();
    const last = this.open(this.pending.take(this.pending.length), true);
    this.hasSeenFinal = true;
    this.pending.clear();
    this.key.fill(0);
    return last;
  }

  private readHeader(): void {
    const header = this.headerBytes;
    if (!header.subarray(0, magic.length).equals(magic) || header[magic.length] !== formatVersion) {
      throw damaged();
    }
    const chunkSize = header.readUInt32BE(magic.length + 1);
    if (chunkSize === 0 || chunkSize > maximumChunkSize) throw damaged();
    const saltStart = magic.length + 5;
    const salt = header.subarray(saltStart, saltStart + saltLength);
    this.prefix = Buffer.from(header.subarray(saltStart + saltLength, headerLength));
    this.sealedChunkSize = chunkSize + tagLength;
    this.aad = Buffer.concat([header, Buffer.from(this.storageId, 'utf8')]);
    this.key = fileKey(this.vaultKey, salt);
  }

  private open(sealed: Buffer, isFinal: boolean): Buffer {
    if (!this.key || sealed.length < tagLength) throw damaged();
    const decipher = createDecipheriv('aes-256-gcm', this.key, chunkNonce(this.prefix, this.index, isFinal));
    decipher.setAAD(this.aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
    try {
      const plaintext = decipher.update(sealed.subarray(0, sealed.length - tagLength));
      // GCM's final() adds no bytes; it checks the tag.
      decipher.final();
      this.index += 1;
      return plaintext;
    } catch {
      throw damaged();
    }
  }
}
