import type { Kysely } from 'kysely';
import { autoLockMinutesRange, settingsSchema, type Settings } from '../../shared/schemas/settings';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { auditSettingsChange, readSettingValues, writeSettingValue } from './settings-entry';

const defaults: Settings = { autoLockMinutes: autoLockMinutesRange.default };

export async function readSettings(db: Kysely<AdvocaseDatabase>): Promise<Settings> {
  const stored = await readSettingValues(db);
  // A value this build cannot read (written by hand, or by another version) falls back to the default.
  const parsed = settingsSchema.partial().safeParse(stored);
  return { ...defaults, ...(parsed.success ? parsed.data : {}) };
}

export function updateSettings(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  changes: Partial<Settings>,
): Promise<Settings> {
  return inTransaction(db, async (trx) => {
    const before = await readSettings(trx);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      await writeSettingValue(trx, key, value);
    }
    const after = await readSettings(trx);
    await auditSettingsChange(trx, actor, before, after);
    return after;
  });
}
