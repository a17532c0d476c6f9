import { rm } from 'node:fs/promises';
import { AppError } from '../errors';
import { readFileIfExists, writeFileAtomically } from '../storage/atomic-file';

/** Wrong passphrases allowed in a row before Advocase makes the next one wait. */
export const freeFailedAttempts = 5;
const firstWaitMs = 15_000;
const longestWaitMs = 60 * 60_000;

/**
 * How long the next try must wait after `failures` wrong passphrases in a row: nothing for the
 * first five, then 15 s, doubling with each further failure up to an hour. Guessing through the
 * app then takes days for a few hundred tries, while a user who mistyped waits seconds (NIST SP
 * 800-63B §5.2.2 asks verifiers to limit failed attempts this way).
 */
export function waitAfterFailures(failures: number): number {
  if (failures < freeFailedAttempts) return 0;
  return Math.min(firstWaitMs * 2 ** (failures - freeFailedAttempts), longestWaitMs);
}

function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

type AttemptsFile = { readonly failedAt: readonly string[] };

/**
 * The wrong passphrases typed since the last unlock, kept in a small file beside the keyring:
 * the database is locked when they happen, and a restart must not reset the wait. It holds
 * times only, never what was typed; the next unlock writes them to the audit log and removes it.
 */
export class UnlockAttempts {
  constructor(
    private readonly path: string,
    private readonly now: () => number,
  ) {}

  /** The times of the wrong passphrases since the last unlock, oldest first. */
  async failures(): Promise<string[]> {
    const text = await readFileIfExists(this.path);
    if (text === null) return [];
    try {
      const parsed = JSON.parse(text) as Partial<AttemptsFile>;
      return Array.isArray(parsed.failedAt) ? parsed.failedAt.filter((at) => typeof at === 'string') : [];
    } catch {
      // A damaged file must not stop the throttle: count it as one failure, now.
      return [new Date(this.now()).toISOString()];
    }
  }

  /** Refuses, before the passphrase is even checked, while the wait after the last failure runs. */
  async assertMayTry(): Promise<void> {
    const failures = await this.failures();
    const last = failures.at(-1);
    if (last === undefined) return;
    const remaining = Date.parse(last) + waitAfterFailures(failures.length) - this.now();
    if (remaining > 0) {
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        `${failures.length} wrong passphrases in a row. Try again in ${describeWait(remaining)}.`,
        'passphrase',
      );
    }
  }

  /** Records a wrong passphrase; returns the sentence telling the user what happens next. */
  async recordFailure(): Promise<string> {
    const failedAt = [...(await this.failures()), new Date(this.now()).toISOString()];
    await writeFileAtomically(this.path, `${JSON.stringify({ failedAt } satisfies AttemptsFile)}\n`);
    const wait = waitAfterFailures(failedAt.length);
    if (wait > 0) return `Wrong passphrase. Try again in ${describeWait(wait)}.`;
    const left = freeFailedAttempts - failedAt.length;
    return left <= 2
      ? `Wrong passphrase. After ${left} more wrong ${left === 1 ? 'try' : 'tries'}, Advocase will make you wait before the next.`
      : 'Wrong passphrase.';
  }

  /** Forgets the failures once they are in the audit log. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
