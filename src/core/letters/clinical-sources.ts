import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { loadCaseClinicalFacts } from '../medical-necessity/load-case-clinical-facts';
import type { ClinicalSources } from './load-letter-context';

/**
 * Where letters read a case's clinical facts and criteria check: the evidence ledger's own
 * loader, so a letter quotes exactly what the Evidence tab shows. The criteria evaluator is not
 * in this build yet, so every placeholder that needs it shows its "[… — not recorded]" prompt.
 */
export function clinicalSourcesOf(db: Kysely<AdvocaseDatabase>): ClinicalSources {
  return {
    loadClinicalFacts: (caseId, asOf) => loadCaseClinicalFacts(db, caseId, asOf),
    evaluateCriteria: () => Promise.resolve(null),
  };
}
