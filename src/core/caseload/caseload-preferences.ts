import type { Kysely } from 'kysely';
import {
  caseloadPreferencesSchema,
  defaultCaseloadColumns,
  type CaseloadPreferences,
} from '../../shared/schemas/caseload';
import type { AdvocaseDatabase } from '../db/schema';

/** Kept in the encrypted `settings` table with the other preferences, under its own key. */
const settingsKey = 'caseload.preferences';

const defaults: CaseloadPreferences = { columns: [...defaultCaseloadColumns], myAdvocateName: null };

export async function readCaseloadPreferences(db: Kysely<AdvocaseDatabase>): Promise<CaseloadPreferences> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', settingsKey)
    .executeTakeFirst();
  if (!row) return defaults;
  // Preferences this build cannot read (a column since renamed) fall back to the defaults.
  const parsed = caseloadPreferencesSchema.partial().safeParse(JSON.parse(row.value));
  return { ...defaults, ...(parsed.success ? parsed.data : {}) };
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
  const value = JSON.stringify(next);
  await db
    .insertInto('settings')
    .values({ key: settingsKey, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute();
  return next;
}
