import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { ChunkDecryptor, ChunkEncryptor, headerLength } from './chunked-encryption';

const chunkSize = 64;
const sealedChunkSize = chunkSize + 16;
const storageId = 'a'.repeat(32);

function encrypt(plaintext: Buffer, key: Buffer, id = storageId, pieceSize = 37): Buffer {
  const encryptor = new ChunkEncryptor(key, id, chunkSize);
  const parts = [encryptor.header];
  // Fed in uneven pieces by default, as uploads arrive.
  for (let offset = 0; offset < plaintext.length; offset += pieceSize) {
    parts.push(...encryptor.push(plaintext.subarray(offset, offset + pieceSize)));
  }
  parts.push(encryptor.finish());
  return Buffer.concat(parts);
}

function decrypt(ciphertext: Buffer, key: Buffer, id = storageId, pieceSize = 50): Buffer {
  const decryptor = new ChunkDecryptor(key, id);
  const parts: Buffer[] = [];
  for (let offset = 0; offset < ciphertext.length; offset += pieceSize) {
    parts.push(...decryptor.push(ciphertext.subarray(offset, offset + pieceSize)));
  }
  parts.push(decryptor.finish());
  return Buffer.concat(parts);
}

function expectDamaged(work: () => unknown): void {
  let caught: unknown;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('DATA_DAMAGED');
}

describe('the vault file format', () => {
  it.each([0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3 * chunkSize, 3 * chunkSize + 5])(
    'round-trips %i bytes read back in pieces of any size',
    (length) => {
      const key = randomBytes(32);
      const plaintext = randomBytes(length);
      const ciphertext = encrypt(plaintext, key);
      const chunks = Math.max(1, Math.ceil(length / chunkSize));
      expect(ciphertext.length).toBe(headerLength + length + chunks * 16);
      for (const pieceSize of [1, 7, sealedChunkSize, 1000]) {
        expect(decrypt(ciphertext, key, storageId, pieceSize).equals(plaintext)).toBe(true);
      }
    },
  );

  it('makes the same file whether pieces line up with the chunks (no copy), span them, or come a byte at a time', () => {
    const key = randomBytes(32);
    const plaintext = randomBytes(5 * chunkSize + 9);
    for (const pieceSize of [1, 37, chunkSize, 2 * chunkSize, plaintext.length]) {
      const ciphertext = encrypt(plaintext, key, storageId, pieceSize);
      expect(ciphertext.length).toBe(headerLength + plaintext.length + 6 * 16);
      expect(decrypt(ciphertext, key, storageId, 2 * sealedChunkSize).equals(plaintext)).toBe(true);
      expect(decrypt(ciphertext, key, storageId, 3).equals(plaintext)).toBe(true);
    }
  });

  it('gives the same file a different ciphertext each time (fresh salt and nonce prefix)', () => {
    const key = randomBytes(32);
    const plaintext = Buffer.from('the same letter');
    expect(encrypt(plaintext, key).equals(encrypt(plaintext, key))).toBe(false);
  });

  const key = randomBytes(32);
  const plaintext = randomBytes(3 * chunkSize + 10); // chunks 0, 1, 2 full, chunk 3 final
  const good = encrypt(plaintext, key);
  const chunkAt = (index: number) => headerLength + index * sealedChunkSize;
  const tampered: ReadonlyArray<[string, () => Buffer]> = [
    ['a flipped byte in the header salt', () => flip(good, 14)],
    ['a flipped byte in the chunk size', () => flip(good, 11)],
    ['a flipped byte in the first chunk', () => flip(good, chunkAt(0) + 3)],
    ['a flipped byte in a tag', () => flip(good, chunkAt(1) + chunkSize + 2)],
    ['a flipped byte in the final chunk', () => flip(good, good.length - 20)],
    [
      'two chunks swapped',
      () =>
        Buffer.concat([
          good.subarray(0, chunkAt(0)),
          good.subarray(chunkAt(1), chunkAt(2)),
          good.subarray(chunkAt(0), chunkAt(1)),
          good.subarray(chunkAt(2)),
        ]),
    ],
    ['a chunk dropped', () => Buffer.concat([good.subarray(0, chunkAt(1)), good.subarray(chunkAt(2))])],
    ['the final chunk cut off at a chunk boundary', () => good.subarray(0, chunkAt(3))],
    ['the file cut mid-chunk', () => good.subarray(0, chunkAt(2) + 10)],
    ['only the header', () => good.subarray(0, headerLength)],
    [
      'a chunk appended after the final one',
      () => Buffer.concat([good, good.subarray(chunkAt(0), chunkAt(1))]),
    ],
    ['an empty file', () => Buffer.alloc(0)],
  ];

  it.each(tampered)('refuses %s', (_name, make) => {
    expectDamaged(() => decrypt(make(), key));
  });

  it('refuses a file stored under another id, or read with another key', () => {
    expectDamaged(() => decrypt(good, key, 'b'.repeat(32)));
    expectDamaged(() => decrypt(good, randomBytes(32)));
  });
});

function flip(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}
