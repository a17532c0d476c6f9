import type { Kysely } from 'kysely';
import type { EvidenceSourceDto } from '../../shared/schemas/treatment-history';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { recordedClinicalFacts } from '../evidence/clinical-facts-service';
import { describeSources } from '../evidence/evidence-sources';
import { listSymptomScores } from '../evidence/symptom-scores-service';
import { listTreatmentTrials } from '../evidence/treatment-trials-service';
import type { CaseClinicalFacts, EvidenceSource } from './case-clinical-facts';

/** Whole years from a YYYY-MM-DD birth date to `asOf`. */
export function ageOn(dateOfBirth: string, asOf: string): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(asOf.slice(0, 4)), asOf.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/** A source in the trash is no longer evidence: the criteria check and the letters see none. */
function asEvidence(source: EvidenceSourceDto | null): EvidenceSource | null {
  if (!source || source.isInTrash) return null;
  return { documentId: source.documentId, eventId: source.eventId, label: source.label };
}

/**
 * Everything recorded about a case that payer criteria can be judged against, on `asOf`
 * (YYYY-MM-DD): the client's age, the case's codes, the client's treatment history and scores,
 * and the clinical facts recorded on the case.
 */
export async function loadCaseClinicalFacts(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  asOf: string,
): Promise<CaseClinicalFacts> {
  const found = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select([
      'cases.client_id',
      'cases.treatment',
      'cases.diagnosis_codes',
      'cases.procedure_codes',
      'clients.date_of_birth',
    ])
    .where('cases.id', '=', caseId)
    .where('cases.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      `There is no case with id ${caseId}. It may have been deleted.`,
      'caseId',
    );
  const [trials, scores, factRows] = await Promise.all([
    listTreatmentTrials(db, found.client_id),
    listSymptomScores(db, found.client_id),
    recordedClinicalFacts(db, caseId),
  ]);
  const describe = await describeSources(
    db,
    factRows.map((row) => ({ documentId: row.source_document_id, eventId: row.source_event_id })),
  );
  return {
    caseId,
    treatment: found.treatment,
    asOf,
    ageYears: found.date_of_birth ? ageOn(found.date_of_birth, asOf) : null,
    diagnosisCodes: JSON.parse(found.diagnosis_codes) as string[],
    procedureCodes: JSON.parse(found.procedure_codes) as string[],
    trials: trials.map(({ clientId: _clientId, source, ...trial }) => ({
      ...trial,
      source: asEvidence(source),
    })),
    scores: scores.map((score) => ({
      id: score.id,
      instrument: score.instrument,
      score: score.score,
      takenOn: score.takenOn,
      source: asEvidence(score.source),
    })),
    facts: factRows.map((row) => ({
      key: row.fact_key,
      answer: row.answer,
      source: asEvidence(describe({ documentId: row.source_document_id, eventId: row.source_event_id })),
    })),
  };
}
