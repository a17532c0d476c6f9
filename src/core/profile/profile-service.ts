import type { Kysely } from 'kysely';
import { advocateProfileSchema, type AdvocateProfile } from '../../shared/schemas/profile';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';

const profileKey = 'advocate_profile';

/** The profile kept in the encrypted settings table; null before it is saved (or if unreadable). */
export async function readAdvocateProfile(db: Kysely<AdvocaseDatabase>): Promise<AdvocateProfile | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', profileKey)
    .executeTakeFirst();
  const parsed = row ? advocateProfileSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : null;
}

/** Replaces the profile, recording before and after in the audit log. */
export function saveAdvocateProfile(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  profile: AdvocateProfile,
): Promise<AdvocateProfile> {
  return inTransaction(db, async (trx) => {
    const before = await readAdvocateProfile(trx);
    const value = JSON.stringify(profile);
    await trx
      .insertInto('settings')
      .values({ key: profileKey, value })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
      .execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'settings',
      rowId: 0,
      action: 'update',
      before,
      after: profile,
    });
    return profile;
  });
}
