import type { Kysely } from 'kysely';
import { advocateProfileSchema, type AdvocateProfile } from '../../shared/schemas/profile';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { auditSettingsChange, settingsEntry } from '../settings/settings-entry';

const advocateProfileEntry = settingsEntry('advocate_profile', (stored): AdvocateProfile | null => {
  const parsed = advocateProfileSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
});

/** The profile kept in the encrypted settings table; null before it is saved (or if unreadable). */
export function readAdvocateProfile(db: Kysely<AdvocaseDatabase>): Promise<AdvocateProfile | null> {
  return advocateProfileEntry.read(db);
}

/** Replaces the profile, recording before and after in the audit log. */
export function saveAdvocateProfile(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  profile: AdvocateProfile,
): Promise<AdvocateProfile> {
  return inTransaction(db, async (trx) => {
    const before = await readAdvocateProfile(trx);
    await advocateProfileEntry.write(trx, profile);
    await auditSettingsChange(trx, actor, before, profile);
    return profile;
  });
}
