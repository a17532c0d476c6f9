import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodName } from '../../src/shared/contract/index';
import { testPassphrase } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const wrongGuess = 'Wrong guess Hx81';

/** A session on a clock the test moves, spoken to through the contract; a new one is a restart. */
function openApp(dataDirectory: string, clock: { now: number }) {
  const session = new Session({ dataDirectory, actor: 'navigator', now: () => clock.now });
  const handlers = createHandlers(session);
  return (method: MethodName, input: unknown) => dispatch(handlers, method, input);
}

async function setUp() {
  const dataDirectory = newDataDirectory();
  const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
  const call = openApp(dataDirectory, clock);
  expect((await call('session.initialize', { passphrase: testPassphrase })).ok).toBe(true);
  await call('session.lock', {});
  return { dataDirectory, clock, call };
}

describe('wrong passphrases', () => {
  it('are counted, recorded in the audit log by time only, and reported after the next unlock', async () => {
    const { dataDirectory, clock, call } = await setUp();
    const messages: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      clock.now += 1000;
      const result = await call('session.unlock', { passphrase: wrongGuess });
      if (result.ok) throw new Error('A wrong passphrase unlocked the store.');
      expect(result.error).toMatchObject({ code: 'WRONG_PASSPHRASE', field: 'passphrase' });
      messages.push(result.error.message);
    }
    expect(messages).toEqual([
      'Wrong passphrase.',
      'Wrong passphrase.',
      'Wrong passphrase. After 2 more wrong tries, Advocase will make you wait before the next.',
    ]);
    const attemptsFile = join(dataDirectory, 'unlock-attempts.json');
    expect(readFileSync(attemptsFile, 'utf8')).not.toContain(wrongGuess);

    clock.now += 1000;
    expect(await call('session.unlock', { passphrase: testPassphrase })).toEqual({
      ok: true,
      value: { state: 'unlocked', failedAttemptsSinceLastUnlock: 3 },
    });
    expect(existsSync(attemptsFile)).toBe(false);
    const entries = await call('audit.verify', {});
    expect(entries).toMatchObject({ ok: true, value: { isIntact: true } });
    await call('session.lock', {});
    const again = await call('session.unlock', { passphrase: testPassphrase });
    expect(again).toEqual({ ok: true, value: { state: 'unlocked', failedAttemptsSinceLastUnlock: 0 } });
  });

  it('make the next try wait after five in a row, across a restart, then let the right one in', async () => {
    const { dataDirectory, clock, call } = await setUp();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const result = await call('session.unlock', { passphrase: wrongGuess });
      expect(result.ok).toBe(false);
      if (attempt === 5 && !result.ok)
        expect(result.error.message).toBe('Wrong passphrase. Try again in 15 seconds.');
    }
    // Even the right passphrase is not checked while the wait runs, and a restart does not end it.
    const restarted = openApp(dataDirectory, clock);
    clock.now += 10_000;
    expect(await restarted('session.unlock', { passphrase: testPassphrase })).toEqual({
      ok: false,
      error: {
        code: 'TOO_MANY_ATTEMPTS',
        message: '5 wrong passphrases in a row. Try again in 5 seconds.',
        field: 'passphrase',
      },
    });
    // One more wrong try after the wait doubles it.
    clock.now += 5_000;
    const sixth = await restarted('session.unlock', { passphrase: wrongGuess });
    expect(!sixth.ok && sixth.error.message).toBe('Wrong passphrase. Try again in 30 seconds.');
    clock.now += 29_000;
    const early = await restarted('session.unlock', { passphrase: testPassphrase });
    expect(!early.ok && early.error.code).toBe('TOO_MANY_ATTEMPTS');
    clock.now += 1_000;
    expect(await restarted('session.unlock', { passphrase: testPassphrase })).toEqual({
      ok: true,
      value: { state: 'unlocked', failedAttemptsSinceLastUnlock: 6 },
    });
  });

  it('leave one audit entry each at the time it happened, and the unlock after them', async () => {
    const { clock, call, dataDirectory } = await setUp();
    const failedAt: string[] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      clock.now += 60_000;
      failedAt.push(new Date(clock.now).toISOString());
      await call('session.unlock', { passphrase: wrongGuess });
    }
    clock.now += 60_000;
    await call('session.unlock', { passphrase: testPassphrase });
    const session = new Session({ dataDirectory, actor: 'navigator' });
    await session.unlock(testPassphrase);
    const accesses = await session.useStore(({ db }) =>
      db
        .selectFrom('audit_log')
        .select(['at', 'after', 'actor'])
        .where('action', '=', 'access')
        .orderBy('id')
        .execute(),
    );
    expect(accesses.slice(0, 3).map((entry) => [entry.at, JSON.parse(entry.after!) as unknown])).toEqual([
      [failedAt[0], { event: 'unlock_failed' }],
      [failedAt[1], { event: 'unlock_failed' }],
      [expect.any(String), { event: 'unlock', method: 'passphrase', failedAttemptsSinceLastUnlock: 2 }],
    ]);
    expect(accesses.every((entry) => entry.actor === 'navigator' && !entry.after!.includes(wrongGuess))).toBe(
      true,
    );
    await session.lock();
  });
});
