import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import type { ClinicalSources } from './load-letter-context';

/**
 * Where letters read a case's clinical facts and criteria check. Until the evidence ledger
 * (loadCaseClinicalFacts) and the criteria evaluator are in this build, both are unknown, and
 * every placeholder that needs them shows its "[… — not recorded]" prompt.
 */
export function clinicalSourcesOf(_db: Kysely<AdvocaseDatabase>): ClinicalSources {
  return {
    loadClinicalFacts: () => Promise.resolve(null),
    evaluateCriteria: () => Promise.resolve(null),
  };
}
