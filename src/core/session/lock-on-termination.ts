import { logger } from '../logging/logger';
import type { Session } from './session';

/** The signals that end a process politely: Ctrl+C, `kill`, a closed terminal. */
const terminationSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Locks the session (database closed and checkpointed, key zeroed, decrypted copies deleted)
 * when the process is asked to end, then lets `stop` finish the process. A second signal while
 * locking is ignored: the lock is already on its way, and cutting it short would leave the copies.
 */
export function lockOnTermination(session: Session, stop: () => void | Promise<void>): void {
  let isStopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    logger.info('session.termination_signal', { signal });
    void session
      .lock()
      .catch(() => logger.error('session.lock_at_termination_failed'))
      .then(stop);
  };
  for (const signal of terminationSignals) process.on(signal, onSignal);
}
