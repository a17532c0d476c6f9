import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a key copied by hand cannot be misread.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const recoveryKeyBytes = 20;
const recoveryKeyLength = 32; // 160 bits / 5 bits per character

function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return output;
}

/** 160 random bits, shown as eight groups of four characters: 7KQ2-M9X4-…. */
export function generateRecoveryKey(): string {
  const characters = encodeBase32(randomBytes(recoveryKeyBytes));
  return characters.match(/.{4}/g)!.join('-');
}

/**
 * The canonical form of a recovery key as typed back: case, spaces and dashes ignored, and the
 * letters people confuse with digits read as those digits (Crockford's rule). Null if it cannot be one.
 */
export function normalizeRecoveryKey(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== recoveryKeyLength) return null;
  if ([...cleaned].some((character) => !alphabet.includes(character))) return null;
  return cleaned;
}
