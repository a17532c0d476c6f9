import type { Kysely } from 'kysely';
import type { LetterKind } from '../../shared/domain/letter-kinds';
import { describeTreatment } from '../../shared/domain/treatments';
import { documentTypeLabels, type DocumentSummary } from '../../shared/schemas/vault';
import type { TimelineEvent } from '../../shared/schemas/events';
import type { AdvocaseDatabase } from '../db/schema';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { AppError } from '../errors';
import { loadDossier } from '../exports/case-dossier';
import type { CaseClinicalFacts } from '../medical-necessity/case-clinical-facts';
import type { CriteriaEvaluation } from '../medical-necessity/criteria-evaluation';
import { listRecordedDenialNotices } from '../denials/recorded-denial-notices';
import type { LetterContext, LetterDenial, LetterEnclosure } from './letter-context';

/** Reads the clinical facts and the criteria check of a case; given by whoever owns them. */
export type ClinicalSources = {
  readonly loadClinicalFacts: (caseId: number, asOf: string) => Promise<CaseClinicalFacts | null>;
  readonly evaluateCriteria: (caseId: number, asOf: string) => Promise<CriteriaEvaluation | null>;
};

function detailString(event: TimelineEvent, key: string): string | null {
  const value = event.details[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

function latestDecision(events: readonly TimelineEvent[]): LetterDenial | null {
  const decision = [...events].reverse().find((event) => event.type === 'payer_decision');
  if (!decision) return null;
  const details = decision.details;
  return {
    decision: details['decision'] as LetterDenial['decision'],
    level: typeof details['level'] === 'number' ? details['level'] : 0,
    noticeDate: detailString(decision, 'noticeDate') ?? decision.occurredAt.slice(0, 10),
    receivedOn: detailString(decision, 'receivedOn'),
    reason: detailString(decision, 'reason'),
    isFinal: details['isFinal'] === true,
  };
}

function enclosureTitle(document: DocumentSummary): string {
  const name = document.fileName.replace(/\.[a-z0-9]{2,4}$/i, '');
  return `${documentTypeLabels[document.documentType]}: ${name}`;
}

/**
 * Everything a letter for one case can say, read through the services the case page uses
 * (the attorney export's dossier), so a letter and the screen never disagree about a fact.
 * Enclosures must be the case's or its client's documents, in the order given.
 */
export async function loadLetterContext(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  request: {
    readonly caseId: number;
    readonly letterKind: LetterKind;
    readonly enclosureDocumentIds: readonly number[];
    readonly now?: Date;
  },
  clinicalSources: ClinicalSources,
): Promise<LetterContext> {
  const dossier = await loadDossier(db, actor, { caseId: request.caseId });
  const facts = dossier.cases[0];
  if (!facts) throw new AppError('NOT_FOUND', `There is no case with id ${request.caseId}.`, 'caseId');
  const today = civilDateInZone((request.now ?? new Date()).getTime(), dossier.timeZone);
  const documentsById = new Map(dossier.documents.map((document) => [document.id, document]));
  const enclosures: LetterEnclosure[] = request.enclosureDocumentIds.map((documentId) => {
    const document = documentsById.get(documentId);
    if (!document) {
      throw new AppError(
        'INVALID_INPUT',
        `Document ${documentId} is not filed to this case or its client (or is in the trash). Choose enclosures from the case's documents.`,
        'enclosureDocumentIds',
      );
    }
    return {
      documentId,
      title: enclosureTitle(document),
      documentType: document.documentType,
      documentDate: document.documentDate,
    };
  });
  const { detail, coverage, provider, events } = facts;
  const eventsOf = (type: TimelineEvent['type']) => events.filter((event) => event.type === type);
  const [clinical, criteria, denialNotices] = await Promise.all([
    clinicalSources.loadClinicalFacts(request.caseId, today),
    clinicalSources.evaluateCriteria(request.caseId, today),
    listRecordedDenialNotices(db, request.caseId),
  ]);
  return {
    today,
    letterKind: request.letterKind,
    caseNumber: detail.caseNumber,
    treatmentKind: detail.treatment,
    treatment: describeTreatment(detail.treatment, detail.treatmentDetail),
    isUrgent: detail.isUrgent,
    claimType: detail.claimType,
    client: {
      name: dossier.client.fullName,
      dateOfBirth: dossier.client.dateOfBirth,
      address: dossier.client.address,
      phone: dossier.client.phone,
    },
    coverage: {
      payer: coverage?.payer ?? detail.payer,
      planName: coverage?.planName ?? null,
      planType: coverage?.planType ?? null,
      memberId: coverage?.memberId ?? null,
      groupNumber: coverage?.groupNumber ?? null,
      appealsAddress: coverage?.appealsAddress ?? null,
      payerFax: coverage?.payerFax ?? null,
    },
    provider: provider
      ? {
          name: provider.name,
          npi: provider.npi,
          specialty: provider.specialty,
          address: provider.address,
          phone: provider.phone,
          fax: provider.fax,
        }
      : null,
    claimNumbers: distinct(
      [...eventsOf('claim_submitted'), ...eventsOf('eob_received')].map((event) =>
        detailString(event, 'claimNumber'),
      ),
    ),
    authorizationNumbers: distinct(
      eventsOf('prior_auth_submitted').map((event) => detailString(event, 'confirmationNumber')),
    ),
    datesOfService: distinct(
      eventsOf('claim_submitted').map((event) => detailString(event, 'dateOfService')),
    ),
    procedureCodes: detail.procedureCodes,
    diagnosisCodes: detail.diagnosisCodes,
    denial: latestDecision(events),
    denialNotice: denialNotices[0] ?? null,
    appealsFiled: eventsOf('appeal_filed').map((event) => ({
      level: typeof event.details['level'] === 'number' ? event.details['level'] : 1,
      filedOn: civilDateInZone(Date.parse(event.occurredAt), dossier.timeZone),
    })),
    deadlines: facts.deadlines.deadlines,
    clinical,
    criteria,
    enclosures,
  };
}
