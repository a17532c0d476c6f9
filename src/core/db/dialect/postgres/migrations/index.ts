import type { Migration } from 'kysely';
import * as baseline from './0101-baseline';
import * as caseOutcomeFacts from './0102-case-outcome-facts';
import * as caseloadChanges from './0103-caseload-changes';

/**
 * The PostgreSQL chain, by the same names as the SQLite chain (`src/core/db/migrations/`), so
 * both stores report the same schema version. Its first step is a baseline named after the SQLite
 * head it matches; each later schema change is a pair with the same number, one file per chain.
 */
export const postgresMigrations: Readonly<Record<string, Migration>> = {
  '0101-caseload-quick-filter-trigrams': baseline,
  '0102-case-outcome-facts': caseOutcomeFacts,
  '0103-caseload-changes': caseloadChanges,
};
