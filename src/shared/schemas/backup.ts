import { z } from 'zod';

/** A backup as a list shows it. `id` is minted by the app for this session; it is never a path. */
export const backupListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string().nullable(),
  sizeBytes: z.number(),
  /** Why the file cannot be used (damaged, not a backup); null when it reads. */
  problem: z.string().nullable(),
});
export type BackupListItem = z.infer<typeof backupListItemSchema>;

export const backupProgressSchema = z.object({
  phase: z.string(),
  doneBytes: z.number(),
  totalBytes: z.number(),
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

export const backupStatusSchema = z.object({
  /** Where automatic backups go, as the OS names the folder; null until the user picks one. */
  folder: z.string().nullable(),
  keep: z.number(),
  lastBackup: z
    .object({ at: z.string(), name: z.string(), sizeBytes: z.number(), isVerified: z.boolean() })
    .nullable(),
  /** The most recent attempt that failed, if it came after the last good backup. */
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** No good backup in the last day (or never). */
  isOverdue: z.boolean(),
  running: backupProgressSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupContentsSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
  clients: z.number(),
  cases: z.number(),
  documents: z.number(),
});
export type BackupContentsSummary = z.infer<typeof backupContentsSchema>;

export const backupIdInputSchema = z.strictObject({
  id: z.string({ error: 'Choose a backup.' }).min(1, 'Choose a backup.').max(64),
});

export const backupRestoreListSchema = z.object({
  /** The folder listed, or null when none is known yet (choose a file instead). */
  folder: z.string().nullable(),
  backups: z.array(backupListItemSchema),
  /** True where the app can show the system's file picker (the desktop app). */
  canChooseFile: z.boolean(),
});

export const prepareRestoreInputSchema = z.union([
  z.strictObject({
    id: backupIdInputSchema.shape.id,
    passphrase: z.string({ error: 'Enter the passphrase.' }).min(1, 'Enter the passphrase.').max(1024),
  }),
  z.strictObject({
    id: backupIdInputSchema.shape.id,
    recoveryKey: z
      .string({ error: 'Enter the recovery key.' })
      .trim()
      .min(1, 'Enter the recovery key.')
      .max(200),
  }),
]);

export const restoreOutputSchema = z.object({
  /** Where the data that was replaced now lives (moved aside, not deleted); null when there was none. */
  setAsideFolder: z.string().nullable(),
});

/** What every "damaged or missing" message tells the user to do, pointing at the backup feature. */
export const restoreFromBackupAdvice =
  'Restore your latest backup: Settings → Backups → Restore…, or "Restore from a backup" when Advocase starts.';
