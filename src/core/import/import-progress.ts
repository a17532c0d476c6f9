import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportProgress } from '../../shared/schemas/import';

/**
 * Where an import being written says how far it has come. Each report also waits a turn of the
 * event loop, so the process that answers the screens (the desktop app's main process) stays
 * responsive between pieces of the import, and a call asking for the progress is answered.
 */
export type ImportProgressReport = (progress: ImportProgress) => Promise<void>;

/** For a caller with no one to tell (the CLI, a test): the import runs the same, without pauses. */
export const unwatchedImport: ImportProgressReport = () => Promise.resolve();

/** The import in progress of one session, read by `import.progress`; null when none runs. */
export function importProgressTracker(): {
  readonly current: () => ImportProgress | null;
  readonly report: ImportProgressReport;
  readonly finish: () => void;
} {
  let current: ImportProgress | null = null;
  return {
    current: () => current,
    report: async (progress) => {
      current = progress;
      await nextTurn();
    },
    finish: () => {
      current = null;
    },
  };
}
