import type { Kysely } from 'kysely';
import { defaultBillingIncrement } from '../../shared/domain/billing';
import { billingSettingsSchema, type BillingSettings } from '../../shared/schemas/time';
import { definedEntries } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { readAdvocateProfile } from '../profile/profile-service';
import { auditSettingsChange, settingsEntry } from '../settings/settings-entry';

const defaults: BillingSettings = {
  defaultRateCents: null,
  incrementMinutes: defaultBillingIncrement,
  fromName: null,
  fromAddress: null,
  paymentTerms: null,
};

/** Kept under one key of the settings table, apart from the app-wide settings object. */
const billingSettingsEntry = settingsEntry('billing', (stored): BillingSettings => {
  // A value this build cannot read falls back to the defaults, field by field.
  const parsed = billingSettingsSchema.partial().safeParse(stored);
  return { ...defaults, ...(parsed.success ? parsed.data : {}) };
});

export function readBillingSettings(db: Kysely<AdvocaseDatabase>): Promise<BillingSettings> {
  return billingSettingsEntry.read(db);
}

export function updateBillingSettings(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  changes: Partial<BillingSettings>,
): Promise<BillingSettings> {
  return inTransaction(db, async (trx) => {
    const before = await readBillingSettings(trx);
    const after = { ...before, ...definedEntries(changes) };
    await billingSettingsEntry.write(trx, after);
    await auditSettingsChange(trx, actor, before, after);
    return after;
  });
}

/**
 * The billing settings as the invoice dialog starts from them: a name and address not set for
 * invoices come from Settings → Profile, so what the advocate typed once is not asked again.
 * Stored settings are left as they are.
 */
export async function readBillingSettingsWithProfile(db: Kysely<AdvocaseDatabase>): Promise<BillingSettings> {
  const settings = await readBillingSettings(db);
  const profile = await readAdvocateProfile(db);
  return {
    ...settings,
    fromName: settings.fromName ?? (profile ? (profile.organization ?? profile.name) : null),
    fromAddress: settings.fromAddress ?? profile?.address ?? null,
  };
}
