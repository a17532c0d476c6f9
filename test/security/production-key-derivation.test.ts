import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The test setup lowers the scrypt cost for speed; this file checks the cost the app really uses.
vi.unmock('../../src/core/crypto/key-derivation');

const { newScryptParameters, deriveKeyFromSecret } = await import('../../src/core/crypto/key-derivation');
const { Keyring } = await import('../../src/core/crypto/keyring');

describe('key derivation at production cost', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('uses scrypt N = 2^17, r = 8, p = 1 with a fresh 16-byte salt (OWASP password storage)', () => {
    const parameters = newScryptParameters();
    expect(parameters).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(Buffer.from(parameters.salt, 'base64')).toHaveLength(16);
    expect(newScryptParameters().salt).not.toBe(parameters.salt);
  });

  it('stores those parameters in both slots of a new keyring and derives a 32-byte key with them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'advocase-kdf-'));
    folders.push(folder);
    const path = join(folder, 'keyring.json');
    await new Keyring(path).create('correct horse battery staple');
    const stored = JSON.parse(readFileSync(path, 'utf8')) as {
      slots: Record<'passphrase' | 'recovery', { kdf: { N: number; r: number; p: number } }>;
    };
    for (const slot of Object.values(stored.slots))
      expect(slot.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    const key = await deriveKeyFromSecret('x', newScryptParameters());
    expect(key).toHaveLength(32);
  });
});
