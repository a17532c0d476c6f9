import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AdvocaseDatabase } from '../db/schema';
import { auditSettingsChange, readSettingValues, writeSettingValue } from '../settings/settings-entry';

/**
 * What the app remembers about backups, inside the encrypted store (the settings table), so a
 * restored store brings its backup folder and history along.
 */
const lastBackupSchema = z.object({
  at: z.string(),
  name: z.string(),
  sizeBytes: z.number(),
  isVerified: z.boolean(),
});
const lastFailureSchema = z.object({ at: z.string(), message: z.string() });

const preferenceSchemas = {
  'backup.folder': z.string(),
  'backup.last': lastBackupSchema,
  'backup.lastFailure': lastFailureSchema,
} as const;

type PreferenceKey = keyof typeof preferenceSchemas;
export type BackupPreferences = {
  readonly folder: string | null;
  readonly last: z.infer<typeof lastBackupSchema> | null;
  readonly lastFailure: z.infer<typeof lastFailureSchema> | null;
};

export async function readBackupPreferences(db: Kysely<AdvocaseDatabase>): Promise<BackupPreferences> {
  const stored = await readSettingValues(db, Object.keys(preferenceSchemas));
  const read = <K extends PreferenceKey>(key: K): z.infer<(typeof preferenceSchemas)[K]> | null => {
    if (!(key in stored)) return null;
    const parsed = preferenceSchemas[key].safeParse(stored[key]);
    return parsed.success ? (parsed.data as z.infer<(typeof preferenceSchemas)[K]>) : null;
  };
  return {
    folder: read('backup.folder'),
    last: read('backup.last'),
    lastFailure: read('backup.lastFailure'),
  };
}

export async function writeBackupPreference<K extends PreferenceKey>(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  key: K,
  value: z.infer<(typeof preferenceSchemas)[K]>,
): Promise<void> {
  await writeSettingValue(db, key, value);
  // The folder is a setting the user chose; the results are recorded by the backup's own audit entry.
  if (key === 'backup.folder') {
    await auditSettingsChange(db, actor, null, { [key]: value });
  }
}
