import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { caseOutcomeLabels } from '../../shared/domain/case-stages';
import type { CaseDetail, CaseSummary } from '../../shared/schemas/cases';
import { localToday } from '../../shared/schemas/fields';
import { AppError } from '../errors';
import { closeOutOpenTasksOfCase } from '../deadlines/agenda';
import { asOneEdit } from '../history/edit-groups';
import { recomputeCaseDeadlines } from '../deadlines/recompute';
import { refreshEvidenceReadiness } from '../evidence/evidence-readiness';
import { auditedInsert, auditedUpdate, definedEntries } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { assertClientExists } from '../clients/assert-client-exists';
import { changeStageWithTimelineEntry, noteClosingOnTimeline } from './closing-on-timeline';
import { assertNotChangedSince } from '../record-versions/edit-conflict';
import { readRecordVersion } from '../record-versions/record-version';
import { describeAuthorizationGap } from '../clients/authorization-gap';
import {
  assertClosingDateFitsStage,
  keepStageAgainst,
  stageChangeFor,
  stageSuggestionOf,
} from '../lifecycle/case-stage';

function selectCaseSummaries(db: Kysely<AdvocaseDatabase>) {
  return db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .where('cases.deleted_at', 'is', null)
    .where('clients.deleted_at', 'is', null)
    .select([
      'cases.id',
      'cases.client_id',
      'clients.full_name as client_name',
      'cases.treatment',
      'cases.treatment_detail',
      'cases.payer',
      'cases.stage',
      'cases.priority',
      'cases.opened_on',
      'cases.closed_on',
    ]);
}

type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof selectCaseSummaries>['executeTakeFirstOrThrow']>>;

function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: formatCaseNumber(row.id),
    clientId: row.client_id,
    clientName: row.client_name,
    treatment: row.treatment,
    treatmentDetail: row.treatment_detail,
    payer: row.payer,
    stage: row.stage,
    priority: row.priority,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  };
}

export function createCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'cases.create'>,
): Promise<CaseSummary> {
  return inTransaction(db, async (trx) => {
    await assertClientExists(trx, input.clientId);
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'cases', {
      client_id: input.clientId,
      treatment: input.treatment,
      treatment_detail: input.treatment === 'other' ? input.treatmentDetail : null,
      payer: input.payer,
      stage: input.stage,
      // A new case's stage moves with what is recorded on its timeline until the user sets one.
      stage_source: 'timeline',
      stage_kept_against_event_id: null,
      closing_deadlines: null,
      priority: input.priority,
      opened_on: input.openedOn ?? localToday(),
      closed_on: null,
      coverage_id: null,
      provider_id: null,
      claim_type: null,
      assigned_advocate: null,
      outcome: null,
      billed_cents: null,
      allowed_cents: null,
      paid_cents: null,
      saved_cents: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    // The client's treatment history and scores count toward the new case's evidence readiness.
    await refreshEvidenceReadiness(trx, [row.id]);
    return toCaseSummary(
      await selectCaseSummaries(trx).where('cases.id', '=', row.id).executeTakeFirstOrThrow(),
    );
  });
}

export async function listCases(db: Kysely<AdvocaseDatabase>): Promise<CaseSummary[]> {
  const rows = await selectCaseSummaries(db)
    .orderBy('cases.opened_on', 'desc')
    .orderBy('cases.id', 'desc')
    .execute();
  return rows.map(toCaseSummary);
}

export async function listCasesOfClient(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<CaseSummary[]> {
  const rows = await selectCaseSummaries(db)
    .where('cases.client_id', '=', clientId)
    .orderBy('cases.opened_on', 'desc')
    .orderBy('cases.id', 'desc')
    .execute();
  return rows.map(toCaseSummary);
}

const missingCase = (caseId: number) => `There is no case with id ${caseId}. It may have been deleted.`;

export async function getCaseDetail(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<CaseDetail> {
  const summary = await selectCaseSummaries(db).where('cases.id', '=', caseId).executeTakeFirst();
  if (!summary) throw new AppError('NOT_FOUND', missingCase(caseId), 'caseId');
  const row = await db
    .selectFrom('cases')
    .leftJoin('coverages', 'coverages.id', 'cases.coverage_id')
    .leftJoin('providers', 'providers.id', 'cases.provider_id')
    .selectAll('cases')
    .select([
      'coverages.plan_type',
      'coverages.member_id',
      'coverages.payer as coverage_payer',
      'providers.name as provider_name',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    ...toCaseSummary(summary),
    // The coverage's payer is the record of truth once a coverage is linked.
    payer: row.coverage_payer ?? row.payer,
    coverageId: row.coverage_id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    planType: row.plan_type,
    memberId: row.member_id,
    claimType: row.claim_type,
    isUrgent: row.is_urgent === 1,
    procedureCodes: JSON.parse(row.procedure_codes) as string[],
    diagnosisCodes: JSON.parse(row.diagnosis_codes) as string[],
    assignedAdvocate: row.assigned_advocate,
    outcome: row.outcome,
    billedCents: row.billed_cents,
    allowedCents: row.allowed_cents,
    paidCents: row.paid_cents,
    savedCents: row.saved_cents,
    stageSource: row.stage_source,
    stageSuggestion: await stageSuggestionOf(db, row),
    closingDeadlines: row.closing_deadlines,
    authorizationWarning: await describeAuthorizationGap(db, row.client_id),
    updatedAt: row.updated_at,
    version: (await readRecordVersion(db, 'cases', caseId)).version,
  };
}

export function updateCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { caseId, version, changes }: ParsedInput<'cases.update'>,
): Promise<CaseDetail> {
  return inTransaction(db, async (trx) => {
    await assertNotChangedSince(trx, 'cases', caseId, version, () => getCaseDetail(trx, caseId));
    const current = await trx
      .selectFrom('cases')
      .select(['id', 'client_id', 'stage', 'closed_on'])
      .where('id', '=', caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', missingCase(caseId), 'caseId');
    if (changes.coverageId) {
      const coverage = await trx
        .selectFrom('coverages')
        .select('client_id')
        .where('id', '=', changes.coverageId)
        .executeTakeFirst();
      if (coverage?.client_id !== current.client_id) {
        throw new AppError(
          'INVALID_INPUT',
          "That coverage does not belong to this case's client.",
          'coverageId',
        );
      }
    }
    const given = definedEntries(changes);
    const stage = given.stage ?? current.stage;
    assertClosingDateFitsStage(stage, changes.closedOn);
    const stageColumns =
      given.stage === undefined || (given.stage === current.stage && !given.stageFollowsTimeline)
        ? {}
        : await stageChangeFor(trx, current, given.stage, {
            source: given.stageFollowsTimeline ? 'timeline' : 'hand',
            closedOn: given.closedOn,
          });
    await changeStageWithTimelineEntry(
      trx,
      actor,
      caseId,
      { from: current.stage, to: stage },
      async (write) => {
        await auditedUpdate(
          write,
          actor,
          'cases',
          caseId,
          definedEntries({
            coverage_id: given.coverageId,
            provider_id: given.providerId,
            treatment: given.treatment,
            treatment_detail: given.treatmentDetail,
            payer: given.payer,
            priority: given.priority,
            claim_type: given.claimType,
            is_urgent: given.isUrgent === undefined ? undefined : given.isUrgent ? 1 : 0,
            procedure_codes: given.procedureCodes && JSON.stringify(given.procedureCodes),
            diagnosis_codes: given.diagnosisCodes && JSON.stringify(given.diagnosisCodes),
            assigned_advocate: given.assignedAdvocate,
            outcome: given.outcome,
            billed_cents: given.billedCents,
            allowed_cents: given.allowedCents,
            paid_cents: given.paidCents,
            saved_cents: given.savedCents,
            closed_on: given.closedOn,
            ...stageColumns,
          }),
          missingCase(caseId),
        );
      },
    );
    await recomputeCaseDeadlines(trx, actor, caseId); // Deadlines: coverage, claim type, urgency.
    return getCaseDetail(trx, caseId);
  });
}

/**
 * Closes a case (shared/domain/case-lifecycle.ts): the closed stage, the outcome, the amount saved
 * and the closing date in one audited change, with its entry on the timeline, one step for Undo; its open deadlines are then no
 * longer tracked unless the user chose to keep them, and its open promises are marked done when
 * the user chose to close them out.
 */
export function closeCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'cases.close'>,
): Promise<CaseDetail> {
  const close = async (trx: Kysely<AdvocaseDatabase>) => {
    const current = await trx
      .selectFrom('cases')
      .select(['id', 'stage', 'closed_on'])
      .where('id', '=', input.caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', missingCase(input.caseId), 'caseId');
    // While the case is still open, so the notes go on its timeline before the closing.
    if (input.closeOutFollowUps) await closeOutOpenTasksOfCase(trx, actor, input.caseId);
    await auditedUpdate(
      trx,
      actor,
      'cases',
      input.caseId,
      {
        ...(await stageChangeFor(trx, current, 'resolved', {
          source: 'hand',
          closedOn: input.closedOn,
          closingDeadlines: input.openDeadlines,
        })),
        outcome: input.outcome,
        ...(input.savedCents === null ? {} : { saved_cents: input.savedCents }),
      },
      missingCase(input.caseId),
    );
    await noteClosingOnTimeline(trx, actor, input.caseId);
    await recomputeCaseDeadlines(trx, actor, input.caseId);
    return getCaseDetail(trx, input.caseId);
  };
  // Closing, its entry on the timeline and its close-outs are one step for Undo: taking it back
  // reopens the case and the follow-ups, and takes the entry away.
  const closedAs = `Closed ${formatCaseNumber(input.caseId)} as ${caseOutcomeLabels[input.outcome]}`;
  return asOneEdit(db, actor, 'edit', async (trx) => ({
    result: await close(trx),
    label: input.closeOutFollowUps ? `${closedAs} and marked its open follow-ups done` : closedAs,
  }));
}

export function keepCaseStage(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'cases.keepStage'>,
): Promise<CaseDetail> {
  return inTransaction(db, async (trx) => {
    await keepStageAgainst(trx, actor, input.caseId, input.eventId);
    return getCaseDetail(trx, input.caseId);
  });
}
