import type { Kysely } from 'kysely';
import {
  caseloadPreferencesSchema,
  defaultCaseloadColumns,
  type CaseloadPreferences,
} from '../../shared/schemas/caseload';
import type { AdvocaseDatabase } from '../db/schema';
import { settingsEntry } from '../settings/settings-entry';

const defaults: CaseloadPreferences = { columns: [...defaultCaseloadColumns], myAdvocateName: null };

/** Kept in the encrypted `settings` table with the other preferences, under its own key. */
const caseloadPreferencesEntry = settingsEntry('caseload.preferences', (stored): CaseloadPreferences => {
  // Preferences this build cannot read (a column since renamed) fall back to the defaults.
  const parsed = caseloadPreferencesSchema.partial().safeParse(stored);
  return { ...defaults, ...(parsed.success ? parsed.data : {}) };
});

export function readCaseloadPreferences(db: Kysely<AdvocaseDatabase>): Promise<CaseloadPreferences> {
  return caseloadPreferencesEntry.read(db);
}

export async function saveCaseloadPreferences(
  db: Kysely<AdvocaseDatabase>,
  changes: Partial<CaseloadPreferences>,
): Promise<CaseloadPreferences> {
  const current = await readCaseloadPreferences(db);
  const next: CaseloadPreferences = {
    columns: changes.columns ?? current.columns,
    myAdvocateName: changes.myAdvocateName === undefined ? current.myAdvocateName : changes.myAdvocateName,
  };
  await caseloadPreferencesEntry.write(db, next);
  return next;
}
