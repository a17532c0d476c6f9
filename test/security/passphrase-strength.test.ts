import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodName } from '../../src/shared/contract/index';
import { testPassphrase } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

function openApp(dataDirectory: string) {
  const handlers = createHandlers(new Session({ dataDirectory, actor: 'navigator' }));
  return (method: MethodName, input: unknown) => dispatch(handlers, method, input);
}

describe('choosing a passphrase', () => {
  it('refuses a weak one at setup with a hint how to make it stronger, and creates nothing', async () => {
    const dataDirectory = newDataDirectory();
    const call = openApp(dataDirectory);
    expect(await call('session.initialize', { passphrase: 'aaaaaaaaaa' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'passphrase',
        message:
          'Too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common.',
      },
    });
    expect(existsSync(join(dataDirectory, 'keyring.json'))).toBe(false);
    expect(await call('session.status', {})).toEqual({ ok: true, value: { state: 'uninitialized' } });
    expect((await call('session.initialize', { passphrase: testPassphrase })).ok).toBe(true);
  });

  it('refuses a weak new passphrase on change and on recovery, and the old one keeps working', async () => {
    const dataDirectory = newDataDirectory();
    const call = openApp(dataDirectory);
    const created = await call('session.initialize', { passphrase: testPassphrase });
    if (!created.ok) throw new Error(created.error.message);
    const { recoveryKey } = created.value as { recoveryKey: string };
    const changed = await call('session.changePassphrase', {
      currentPassphrase: testPassphrase,
      newPassphrase: 'password123!',
    });
    expect(changed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'newPassphrase' } });
    expect(!changed.ok && changed.error.message).toMatch(/^Too easy to guess\. /);
    await call('session.lock', {});
    const recovered = await call('session.recover', { recoveryKey, newPassphrase: 'qwertyuiop' });
    expect(recovered).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'newPassphrase' } });
    expect(await call('session.unlock', { passphrase: testPassphrase })).toMatchObject({ ok: true });
  });
});
