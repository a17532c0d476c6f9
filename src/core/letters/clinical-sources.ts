import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { loadCaseClinicalFacts } from '../medical-necessity/load-case-clinical-facts';
import { evaluateCaseCriteria } from '../medical-necessity/case-criteria-service';
import type { ClinicalSources } from './load-letter-context';

/**
 * Where letters read a case's clinical facts and criteria check: the evidence ledger's own
 * loader and the Criteria tab's own evaluation (the set chosen for the case, with the user's
 * judgements), so a letter quotes exactly what those tabs show.
 */
export function clinicalSourcesOf(db: Kysely<AdvocaseDatabase>): ClinicalSources {
  return {
    loadClinicalFacts: (caseId, asOf) => loadCaseClinicalFacts(db, caseId, asOf),
    evaluateCriteria: async (caseId, asOf) =>
      (await evaluateCaseCriteria(db, caseId, loadCaseClinicalFacts, asOf)).evaluation,
  };
}
