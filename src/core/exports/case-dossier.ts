import type { Kysely } from 'kysely';
import type { CaseDetail } from '../../shared/schemas/cases';
import type { Authorization, Client } from '../../shared/schemas/clients';
import type { Coverage, Provider } from '../../shared/schemas/coverages';
import type { CaseDeadlines } from '../../shared/schemas/deadlines';
import type { TimelineEvent } from '../../shared/schemas/events';
import type { AdvocateProfile } from '../../shared/schemas/profile';
import type { DocumentSummary } from '../../shared/schemas/vault';
import type { AdvocaseDatabase } from '../db/schema';
import { getCaseDeadlines } from '../deadlines/deadlines-service';
import { userTimeZone } from '../deadlines/time-zone';
import { getCaseDetail } from '../cases/cases-service';
import { getClientDetail } from '../clients/clients-service';
import { listTimelineEvents } from '../events/events-service';
import { readAdvocateProfile } from '../profile/profile-service';
import { listProviders } from '../providers/providers-service';
import { listDocumentSummaries } from '../vault/document-repository';

/** One case with everything its summary shows, read through the services' own functions. */
export type CaseFacts = {
  readonly detail: CaseDetail;
  readonly coverage: Coverage | null;
  readonly provider: Provider | null;
  /** Oldest first. */
  readonly events: readonly TimelineEvent[];
  /** The deadline engine's output for the case, as its Deadlines tab shows it. */
  readonly deadlines: CaseDeadlines;
};

/** Everything an attorney export is made from, before selection and redaction. */
export type Dossier = {
  readonly client: Client;
  readonly authorizations: readonly Authorization[];
  readonly cases: readonly CaseFacts[];
  /** Documents filed to the client, to one of the cases or to one of their events; not in the trash. */
  readonly documents: readonly DocumentSummary[];
  readonly timeZone: string;
  /** Settings → Profile: who prepared the export, when no advocate is assigned on the cases. */
  readonly advocate: AdvocateProfile | null;
};

/** More than any real case holds; the events list refuses larger pages. */
const maximumEventsPerCase = 10_000;

async function loadCaseFacts(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  providers: readonly Provider[],
  coverages: readonly Coverage[],
): Promise<CaseFacts> {
  const detail = await getCaseDetail(db, caseId);
  const { events } = await listTimelineEvents(db, {
    caseId,
    order: 'oldest_first',
    limit: maximumEventsPerCase,
    offset: 0,
    text: null,
  });
  return {
    detail,
    coverage: coverages.find((coverage) => coverage.id === detail.coverageId) ?? null,
    provider: providers.find((provider) => provider.id === detail.providerId) ?? null,
    events,
    deadlines: await getCaseDeadlines(db, actor, caseId),
  };
}

/** Reads the client and the cases in scope: one case, or every case of one client. */
export async function loadDossier(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  scope: { readonly caseId?: number | undefined; readonly clientId?: number | undefined },
): Promise<Dossier> {
  const clientId =
    scope.clientId ??
    (scope.caseId === undefined ? undefined : (await getCaseDetail(db, scope.caseId)).clientId);
  if (clientId === undefined) throw new Error('An export needs a case or a client.');
  const clientDetail = await getClientDetail(db, clientId);
  const providers = await listProviders(db);
  const caseIds =
    scope.caseId !== undefined
      ? [scope.caseId]
      : [...clientDetail.cases]
          .sort((a, b) => a.openedOn.localeCompare(b.openedOn) || a.id - b.id)
          .map((c) => c.id);
  const cases: CaseFacts[] = [];
  for (const caseId of caseIds) {
    cases.push(await loadCaseFacts(db, actor, caseId, providers, clientDetail.coverages));
  }
  const caseIdSet = new Set(caseIds);
  const eventIdSet = new Set(cases.flatMap((facts) => facts.events.map((event) => event.id)));
  const documents = (await listDocumentSummaries(db, {})).filter(
    (document) =>
      document.clientIds.includes(clientId) ||
      document.caseIds.some((id) => caseIdSet.has(id)) ||
      document.eventIds.some((id) => eventIdSet.has(id)),
  );
  return {
    client: clientDetail.client,
    authorizations: clientDetail.authorizations,
    cases,
    documents,
    timeZone: userTimeZone(),
    advocate: await readAdvocateProfile(db),
  };
}
