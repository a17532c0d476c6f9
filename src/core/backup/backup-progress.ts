import { AppError } from '../errors';

/**
 * How far long backup work has come, for the progress bar, and the way to cancel it: the work
 * checks `isCancelled` between pieces and stops with BACKUP_CANCELLED, leaving nothing behind.
 */
export type WorkProgress = {
  /** What is being done now, in words for the user. */
  phase: string;
  doneBytes: number;
  totalBytes: number;
  isCancelled: boolean;
  advance(bytes: number): void;
};

export function newWorkProgress(phase: string): WorkProgress {
  return {
    phase,
    doneBytes: 0,
    totalBytes: 0,
    isCancelled: false,
    advance(bytes) {
      this.doneBytes += bytes;
    },
  };
}

/** Starts a new phase of `totalBytes` on the same progress object (the bar restarts). */
export function beginPhase(progress: WorkProgress, phase: string, totalBytes: number): void {
  progress.phase = phase;
  progress.doneBytes = 0;
  progress.totalBytes = totalBytes;
}

export function cancelledError(): AppError {
  return new AppError('INVALID_INPUT', 'The backup work was cancelled. Nothing was changed.');
}

export function throwIfCancelled(progress: WorkProgress): void {
  if (progress.isCancelled) throw cancelledError();
}
