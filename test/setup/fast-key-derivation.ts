import { vi } from 'vitest';
import type * as KeyDerivation from '../../src/core/crypto/key-derivation';

/**
 * Every database test creates a keyring, and at the production scrypt cost (N = 2^17, about 1 s
 * here) key derivation dominated the suite. Tests create keyrings at N = 2^10 instead; the cost is
 * stored in each keyring, so unlocking reads it back like any other. This mock lives only in the
 * test setup: the app, the CLI and the harness never see it, and
 * `test/security/production-key-derivation.test.ts` checks the real parameters.
 */
vi.mock('../../src/core/crypto/key-derivation', async (importOriginal) => {
  const real = await importOriginal<typeof KeyDerivation>();
  return {
    ...real,
    newScryptParameters: () => ({ ...real.newScryptParameters(), N: 2 ** 10 }),
  };
});
