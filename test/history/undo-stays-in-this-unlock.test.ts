import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession, testPassphrase } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

describe('undo', () => {
  it('takes back only what was done since this unlock, never an earlier session’s work', async () => {
    const contract = await startContractSession(newDataDirectory());
    session = contract.session;
    const { call } = contract;
    await call('clients.create', { fullName: 'Made Yesterday' });
    await call('session.lock', {});
    await call('session.unlock', { passphrase: testPassphrase });

    expect(await call('history.recent', { limit: 5 })).toEqual([]);
    const nothing = await call('history.undo', { count: 1 });
    expect(nothing.message).toBe('Nothing to undo: you have made no changes since you unlocked Advocase.');
    expect((await call('clients.list', {})).map((client) => client.fullName)).toEqual(['Made Yesterday']);

    await call('clients.create', { fullName: 'Made Today' });
    const undone = await call('history.undo', { count: 1 });
    expect(undone.message).toBe('Undone: Added client Made Today.');
    expect((await call('clients.list', {})).map((client) => client.fullName)).toEqual(['Made Yesterday']);
  });
});
