import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';

/**
 * The settings table holds one JSON value per key (the app's preferences, the profile, billing,
 * reminders, backups…). These are its one reader and writer, so each feature says only its key
 * and how it reads what is stored.
 */

/** The stored values of the given keys (all keys when none are given), parsed from JSON. */
export async function readSettingValues(
  db: Kysely<AdvocaseDatabase>,
  keys?: readonly string[],
): Promise<Record<string, unknown>> {
  let query = db.selectFrom('settings').selectAll();
  if (keys) query = query.where('key', 'in', [...keys]);
  const rows = await query.execute();
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

/** Stores `value` as JSON under `key`, replacing what was there. */
export async function writeSettingValue(
  db: Kysely<AdvocaseDatabase>,
  key: string,
  value: unknown,
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: json }))
    .execute();
}

/** The audit entry of a settings change: the table has no row ids, so every entry names row 0. */
export function auditSettingsChange(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  return appendAuditEntry(db, { actor, tableName: 'settings', rowId: 0, action: 'update', before, after });
}

/** One value of the settings table, typed: `fromStored` turns what is stored (or nothing) into it. */
export type SettingsEntry<T> = {
  readonly key: string;
  read(db: Kysely<AdvocaseDatabase>): Promise<T>;
  write(db: Kysely<AdvocaseDatabase>, value: T): Promise<void>;
};

export function settingsEntry<T>(key: string, fromStored: (stored: unknown) => T): SettingsEntry<T> {
  return {
    key,
    read: async (db) => {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return fromStored(row ? (JSON.parse(row.value) as unknown) : undefined);
    },
    write: (db, value) => writeSettingValue(db, key, value),
  };
}
