import type { Kysely } from 'kysely';
import { reminderSettingsSchema, type ReminderSettings } from '../../shared/schemas/deadlines';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';

/**
 * Reminder lead times, kept in the `settings` table under their own keys. The general settings
 * reader ignores keys it does not know, so these live beside the app's preferences without
 * changing what `settings.get` returns.
 */
export const defaultReminderSettings: ReminderSettings = {
  // 7 days, 2 days and the same day, as the issue asks; re-authorization 30 days ahead.
  reminderLeadDays: [7, 2, 0],
  reauthorizationLeadDays: 30,
};

const keys = ['reminderLeadDays', 'reauthorizationLeadDays'] as const;

export async function readReminderSettings(db: Kysely<AdvocaseDatabase>): Promise<ReminderSettings> {
  const rows = await db
    .selectFrom('settings')
    .selectAll()
    .where('key', 'in', [...keys])
    .execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  // A value this build cannot read falls back to the default, key by key.
  const parsed = reminderSettingsSchema.partial().safeParse(stored);
  return { ...defaultReminderSettings, ...(parsed.success ? parsed.data : {}) };
}

export function updateReminderSettings(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  changes: Partial<ReminderSettings>,
): Promise<ReminderSettings> {
  return inTransaction(db, async (trx) => {
    const before = await readReminderSettings(trx);
    for (const key of keys) {
      const value = changes[key];
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    const after = await readReminderSettings(trx);
    await appendAuditEntry(trx, { actor, tableName: 'settings', rowId: 0, action: 'update', before, after });
    return after;
  });
}
