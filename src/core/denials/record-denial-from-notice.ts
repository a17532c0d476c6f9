import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { RecordedDenialNotice } from '../../shared/schemas/case-denial-notice';
import { dayOnlyInstant } from '../../shared/domain/day-only-events';
import { denialReasonCategoryLabels, type NoticeCheck } from '../../shared/schemas/denial-notice';
import type { AdvocaseDatabase } from '../db/schema';
import { createCoverageInputSchema } from '../../shared/schemas/coverages';
import { auditedInsert, auditedUpdate } from '../db/audited-writes';
import { updateCase } from '../cases/cases-service';
import { createCoverage } from '../coverages/coverages-service';
import { recomputeDeadlinesOfCoverage } from '../deadlines/recompute';
import {
  conflictingCoverageFieldLabels,
  coverageChangesFromNotice,
  coverageTheNoticeNames,
  existingCoverageWords,
  type ConflictingCoverageField,
  shownCoverageValue,
  type CoverageFromNotice,
  type CoverageOnFile,
} from '../../shared/domain/notice-coverage';
import type { PlanType } from '../../shared/domain/plan-types';
import { coveragesOfClientForCase } from './coverages-of-client';
import { deadlineRules, type RuleId } from '../deadlines/rules';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { defaultCriteriaSetFor } from '../medical-necessity/criteria-sets/shipped-criteria-sets';
import { listCriteriaSets } from '../medical-necessity/criteria-sets-service';
import { decisionOccurredAt } from '../events/decision-occurred-at';
import { addTimelineEvent } from '../events/events-service';
import { linkDocument } from '../vault/document-repository';
import { listRecordedDenialNotices } from './recorded-denial-notices';
import { shortStatedWindowFinding, type LegalAppealWindow } from './stated-appeal-window';

type RecordDenialInput = ParsedInput<'denials.record'>;
type Db = Kysely<AdvocaseDatabase>;

async function caseOf(db: Db, caseId: number) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'client_id', 'coverage_id', 'payer', 'treatment'])
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no case with id ${caseId}. It may have been deleted.`,
      'caseId',
    );
  return row;
}

async function assertDocumentInVault(db: Db, documentId: number): Promise<void> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('id', '=', documentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      'That notice is no longer in the vault (it may have been moved to the trash). Restore it or add it again.',
      'documentId',
    );
}

/** The timeline entry says what was denied and why, in the notice's own words. */
function summaryOf(input: RecordDenialInput): string {
  const category = input.reasonCategory
    ? denialReasonCategoryLabels[input.reasonCategory].toLowerCase()
    : null;
  const reason = input.reasonText ? `: “${input.reasonText}”` : '';
  return `Denied${category ? ` (${category})` : ''}${reason}`.slice(0, 4000);
}

/** The appeal's address and fax become the coverage's, so the letters and the fax cover use them. */
async function fillCoverageContacts(db: Db, actor: string, coverageId: number, input: RecordDenialInput) {
  const before = await db
    .selectFrom('coverages')
    .selectAll()
    .where('id', '=', coverageId)
    .executeTakeFirstOrThrow();
  const changes = {
    ...(input.appealAddress && input.appealAddress !== before.appeals_address
      ? { appeals_address: input.appealAddress }
      : {}),
    ...(input.appealFax && input.appealFax !== before.payer_fax ? { payer_fax: input.appealFax } : {}),
    // The notice's phone is the appeals line; it fills the payer's phone only where none is kept.
    ...(input.appealPhone && before.payer_phone === null ? { payer_phone: input.appealPhone } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await auditedUpdate(db, actor, 'coverages', coverageId, changes, "The case's coverage was not found.");
}

/**
 * A case without a coverage gets one from the notice (its payer, plan type, member ID and appeal
 * contacts) linked to it, so the deadline engine knows which appeal rules apply. The plan type is
 * asked for, never assumed: it decides the legal appeal window.
 */
async function createCoverageFromNotice(
  db: Db,
  actor: string,
  caseRow: Awaited<ReturnType<typeof caseOf>>,
  notice: CoverageFromNotice,
): Promise<number> {
  if (notice.planType === null)
    throw new AppError(
      'INVALID_INPUT',
      'The case has no coverage yet, so the notice will create one: choose the kind of plan the notice is from (it decides the appeal deadline).',
      'planType',
    );
  if (notice.payer === null)
    throw new AppError(
      'INVALID_INPUT',
      'The case has no coverage yet, so the notice will create one: enter the payer the notice is from.',
      'payer',
    );
  const coverage = await createCoverage(
    db,
    actor,
    createCoverageInputSchema.parse({
      clientId: caseRow.client_id,
      payer: notice.payer,
      planType: notice.planType,
      memberId: notice.memberId,
      appealsAddress: notice.appealsAddress,
      payerFax: notice.payerFax,
      payerPhone: notice.payerPhone,
    }),
  );
  return coverage.id;
}

/**
 * The client's coverage the notice names takes what it lacks from the notice; where both have a
 * value and they differ, the advocate's choice decides, and a difference not chosen is refused
 * rather than overwritten (the coverage may serve the client's other cases).
 */
async function fillNamedCoverage(
  db: Db,
  actor: string,
  clientName: string,
  coverage: CoverageOnFile,
  notice: CoverageFromNotice,
  choices: RecordDenialInput['coverageChoices'],
): Promise<void> {
  const { fills, conflicts } = coverageChangesFromNotice(coverage, notice);
  const unchosen = conflicts.find((conflict) => choices[conflict.field] === undefined);
  if (unchosen) {
    const label = conflictingCoverageFieldLabels[unchosen.field];
    throw new AppError(
      'INVALID_INPUT',
      `The notice is recorded into ${existingCoverageWords(clientName, coverage)}, which has another ${label}: “${shownCoverageValue(unchosen.field, unchosen.onCoverage)}” on the coverage, “${shownCoverageValue(unchosen.field, unchosen.onNotice)}” on the notice. Choose which ${label} to keep.`,
      `coverageChoices.${unchosen.field}`,
    );
  }
  const taken: Partial<Record<ConflictingCoverageField, string>> = Object.fromEntries(
    conflicts
      .filter((conflict) => choices[conflict.field] === 'notice')
      .map((conflict) => [conflict.field, conflict.onNotice]),
  );
  const changed = { ...fills, ...taken };
  const changes = {
    ...(changed.planType ? { plan_type: changed.planType as PlanType } : {}),
    ...(changed.appealsAddress ? { appeals_address: changed.appealsAddress } : {}),
    ...(changed.payerFax ? { payer_fax: changed.payerFax } : {}),
    ...(changed.payerPhone ? { payer_phone: changed.payerPhone } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await auditedUpdate(db, actor, 'coverages', coverage.id, changes, "The client's coverage was not found.");
  // The plan type sets the deadlines of every case on the coverage.
  if (changes.plan_type) await recomputeDeadlinesOfCoverage(db, actor, coverage.id);
}

/**
 * A case without a coverage is linked to the client's coverage the notice names (same payer and
 * member ID: a second case of the same client), else to one created from the notice.
 */
async function linkCoverageFromNotice(
  db: Db,
  actor: string,
  caseRow: Awaited<ReturnType<typeof caseOf>>,
  input: RecordDenialInput,
): Promise<void> {
  const notice: CoverageFromNotice = {
    payer: input.payer ?? caseRow.payer,
    memberId: input.memberId,
    planType: input.planType,
    appealsAddress: input.appealAddress,
    payerFax: input.appealFax,
    payerPhone: input.appealPhone,
  };
  const onFile = await coveragesOfClientForCase(db, caseRow.id);
  const named = onFile && coverageTheNoticeNames(onFile.coverages, notice);
  let coverageId: number;
  if (named) {
    await fillNamedCoverage(db, actor, onFile.clientName, named, notice, input.coverageChoices);
    coverageId = named.id;
  } else coverageId = await createCoverageFromNotice(db, actor, caseRow, notice);
  await updateCase(db, actor, { caseId: caseRow.id, changes: { coverageId } });
}

/**
 * The policy the notice cites becomes the policy the case's criteria are judged under (the set
 * chosen for the case, or the default for its payer and treatment). Without any set for the
 * treatment it stays on the recorded notice alone.
 */
async function fillCriteriaPolicy(
  db: Db,
  actor: string,
  caseRow: Awaited<ReturnType<typeof caseOf>>,
  policyCited: string,
): Promise<void> {
  const before = await db
    .selectFrom('case_criteria_choices')
    .selectAll()
    .where('case_id', '=', caseRow.id)
    .executeTakeFirst();
  const now = new Date().toISOString();
  if (before) {
    if (before.policy_name === policyCited) return;
    await auditedUpdate(
      db,
      actor,
      'case_criteria_choices',
      before.id,
      { policy_name: policyCited },
      "The case's criteria choice was not found.",
    );
    return;
  }
  const set = defaultCriteriaSetFor(await listCriteriaSets(db), caseRow.payer, caseRow.treatment);
  if (!set) return;
  await auditedInsert(db, actor, 'case_criteria_choices', {
    case_id: caseRow.id,
    set_id: set.id,
    policy_name: policyCited,
    policy_number: null,
    policy_date: null,
    source_url: null,
    created_at: now,
    updated_at: now,
  });
}

/**
 * The window to appeal the deadline engine computed from the denial: the claimant's latest date
 * started by it (a Medicaid notice also starts the 10-day window to keep benefits, which is not it).
 */
async function legalAppealWindow(db: Db, caseId: number, eventId: number): Promise<LegalAppealWindow | null> {
  const rows = await db
    .selectFrom('case_deadlines')
    .select(['rule', 'computed_due'])
    .where('case_id', '=', caseId)
    .where('source_event_id', '=', eventId)
    .where('actor', '=', 'claimant')
    .orderBy('computed_due', 'desc')
    .execute();
  for (const row of rows) {
    const rule = Object.hasOwn(deadlineRules, row.rule) ? deadlineRules[row.rule as RuleId] : undefined;
    if (rule) return { rule, dueOn: row.computed_due };
  }
  return null;
}

/**
 * The check as recorded: the stated window is compared with the law's window the engine computed
 * for this case (its plan type, its dates), which replaces the reader's own comparison.
 */
function checkWithStatedWindow(
  check: NoticeCheck,
  input: RecordDenialInput,
  legal: LegalAppealWindow | null,
): NoticeCheck {
  if (!legal || !input.statedWindow) return check;
  const finding = shortStatedWindowFinding(input.statedWindow, input.noticeDate, input.receivedOn, legal);
  const others = check.findings.filter((existing) => existing.id !== 'appeal-window-too-short');
  return { ...check, findings: finding ? [finding, ...others] : others };
}

/**
 * Records a confirmed denial notice into a case as one edit (one Undo takes it all back): the
 * denial on the timeline with its notice and received dates (the deadline engine computes the
 * appeal window from them at once), the notice filed to that entry, the appeal address and fax
 * into the coverage (the client's coverage the notice names, or one created from the notice, when
 * the case has none), the policy cited into the criteria, and the notice's check kept on the case.
 */
export function recordDenialFromNotice(
  db: Db,
  actor: string,
  input: RecordDenialInput,
): Promise<RecordedDenialNotice> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const caseRow = await caseOf(trx, input.caseId);
    await assertDocumentInVault(trx, input.documentId);
    // Before the denial is on the timeline, so its appeal deadline is computed under this coverage.
    if (caseRow.coverage_id === null) await linkCoverageFromNotice(trx, actor, caseRow, input);
    const event = await addTimelineEvent(trx, actor, input.caseId, {
      type: 'payer_decision',
      // The notice gives a date and no time: the decision is known by that day alone.
      occurredAt: decisionOccurredAt(input.noticeDate, dayOnlyInstant(input.noticeDate)),
      summary: summaryOf(input),
      details: {
        decision: 'denied',
        level: 0,
        noticeDate: input.noticeDate,
        receivedOn: input.receivedOn,
        reason: input.reasonText,
        referenceNumber: input.referenceNumber,
        requestingProvider: input.requestingProvider,
        datesOfService: input.datesOfService,
      },
    });
    await linkDocument(trx, input.documentId, { eventId: event.id });
    if (caseRow.coverage_id !== null) await fillCoverageContacts(trx, actor, caseRow.coverage_id, input);
    if (input.policyCited) await fillCriteriaPolicy(trx, actor, caseRow, input.policyCited);
    const check = checkWithStatedWindow(
      input.noticeCheck,
      input,
      await legalAppealWindow(trx, input.caseId, event.id),
    );
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'case_denial_notices', {
      case_id: input.caseId,
      event_id: event.id,
      document_id: input.documentId,
      reference_number: input.referenceNumber,
      reason_text: input.reasonText,
      reason_category: input.reasonCategory,
      policy_cited: input.policyCited,
      denial_code: input.denialCode,
      stated_window: input.statedWindow ? JSON.stringify(input.statedWindow) : null,
      plan_type: check.planType,
      notice_check: JSON.stringify(check),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const recorded = (await listRecordedDenialNotices(trx, input.caseId)).find(
      (notice) => notice.id === row.id,
    );
    if (!recorded) throw new Error('The recorded denial notice could not be read back.');
    return { result: recorded, label: `Recorded the denial notice of ${input.noticeDate}` };
  });
}
