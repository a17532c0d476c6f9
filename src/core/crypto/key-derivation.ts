import { hkdfSync, randomBytes, scrypt } from 'node:crypto';

export type ScryptParameters = {
  readonly name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** Base64. */
  readonly salt: string;
};

/**
 * 2^17 with r=8 uses 128 MiB and about half a second here: the OWASP password-storage
 * recommendation for scrypt (N=2^17, r=8, p=1), paid once per unlock.
 */
export function newScryptParameters(): ScryptParameters {
  return { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function deriveKeyFromSecret(secret: string, parameters: ScryptParameters): Promise<Buffer> {
  const memoryNeeded = 128 * parameters.N * parameters.r * parameters.p;
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFC'),
      Buffer.from(parameters.salt, 'base64'),
      32,
      { N: parameters.N, r: parameters.r, p: parameters.p, maxmem: memoryNeeded * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Separate keys for separate uses (the database now, the document vault later) from one data key. */
export type SubkeyPurpose = 'database' | 'vault';

export function deriveSubkey(dataKey: Buffer, purpose: SubkeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `advocase/${purpose}/v1`, 32));
}
