import type { Kysely } from 'kysely';
import { autoLockMinutesRange, settingsSchema, type Settings } from '../../shared/schemas/settings';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';

const defaults: Settings = { autoLockMinutes: autoLockMinutesRange.default };

export async function readSettings(db: Kysely<AdvocaseDatabase>): Promise<Settings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
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
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    const after = await readSettings(trx);
    await appendAuditEntry(trx, { actor, tableName: 'settings', rowId: 0, action: 'update', before, after });
    return after;
  });
}
