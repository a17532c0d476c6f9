import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';

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
  const rows = await db
    .selectFrom('settings')
    .selectAll()
    .where('key', 'in', Object.keys(preferenceSchemas))
    .execute();
  const read = <K extends PreferenceKey>(key: K): z.infer<(typeof preferenceSchemas)[K]> | null => {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) return null;
    const parsed = preferenceSchemas[key].safeParse(JSON.parse(row.value));
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
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: json }))
    .execute();
  // The folder is a setting the user chose; the results are recorded by the backup's own audit entry.
  if (key === 'backup.folder') {
    await appendAuditEntry(db, {
      actor,
      tableName: 'settings',
      rowId: 0,
      action: 'update',
      before: null,
      after: { [key]: value },
    });
  }
}
