import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type WrappedKey = {
  readonly algorithm: 'aes-256-gcm';
  /** Base64 fields. */
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
};

/** Encrypts a key under another; `context` is bound in as associated data so slots cannot be swapped. */
export function wrapKey(key: Buffer, wrappingKey: Buffer, context: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  // GCM is a stream mode: update() returns all the ciphertext, final() only checks the length.
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns null when the wrapping key is wrong (or the slot was altered): GCM's tag does not verify. */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Buffer, context: string): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  // update() hands out the unwrapped bytes before final() checks the tag. Returned as they are
  // (no Buffer.concat, whose intermediate copy nobody would zero), and zeroed when the tag fails.
  const plaintext = decipher.update(Buffer.from(wrapped.ciphertext, 'base64'));
  try {
    decipher.final();
    return plaintext;
  } catch {
    plaintext.fill(0);
    return null;
  }
}
