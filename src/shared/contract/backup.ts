import { z } from 'zod';
import {
  backupContentsSchema,
  backupIdInputSchema,
  backupListItemSchema,
  backupProgressSchema,
  backupRestoreListSchema,
  backupStatusSchema,
  prepareRestoreInputSchema,
  restoreOutputSchema,
} from '../schemas/backup';
import { defineMethods, noInput, nothing } from './method-spec';

/**
 * Backups and restore (docs/security.md §3). No method takes a path: the folder and files come from the
 * system's own dialogs in the desktop app (or the harness's start-up configuration), and a backup
 * is named by an id the app minted when it listed or picked it.
 */
export const backupMethods = defineMethods({
  'backup.status': {
    doc: 'Where backups go, the last good backup, a failure or an overdue warning, and work in progress.',
    input: noInput,
    output: backupStatusSchema,
  },
  'backup.chooseFolder': {
    doc: "Asks the user for the backup folder with the system's folder dialog; returns the new status.",
    input: noInput,
    output: backupStatusSchema,
  },
  'backup.create': {
    doc: 'Writes a backup into the backup folder now, checks it, and thins old ones; returns what it holds.',
    input: noInput,
    output: backupContentsSchema,
  },
  'backup.progress': {
    doc: 'How far the backup or restore work in progress has come; null when none runs.',
    input: noInput,
    output: backupProgressSchema.nullable(),
  },
  'backup.cancel': {
    doc: 'Stops the backup or restore check in progress; nothing half-written is left.',
    input: noInput,
    output: nothing,
  },
  'backup.list': {
    doc: 'The backups in the backup folder (or, before unlocking, the folder this computer knows), newest first.',
    input: noInput,
    output: backupRestoreListSchema,
  },
  'backup.chooseFile': {
    doc: "Asks for one backup file with the system's open dialog; null when the user cancels.",
    input: noInput,
    output: backupListItemSchema.nullable(),
  },
  'backup.verify': {
    doc: 'Reads a backup back and checks every byte, the database inside and every document file.',
    input: backupIdInputSchema,
    output: z.object({ message: z.string() }),
  },
  'backup.prepareRestore': {
    doc: 'Opens a backup with its passphrase or recovery key, checks it, and shows what it holds. Replaces nothing.',
    input: prepareRestoreInputSchema,
    output: backupContentsSchema,
  },
  'backup.restore': {
    doc: 'Replaces the data with the prepared backup (the old data is moved aside first) and locks.',
    input: noInput,
    output: restoreOutputSchema,
  },
  'backup.discardRestore': {
    doc: 'Forgets a prepared restore without changing anything.',
    input: noInput,
    output: nothing,
  },
});
