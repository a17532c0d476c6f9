import type { Kysely } from 'kysely';
import type { FundingOptionType } from '../../shared/domain/funding-options';
import type {
  AddFundingOptionInput,
  FundingOption,
  UpdateFundingOptionInput,
} from '../../shared/schemas/funding';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { FundingOptionRow, FundingOptionsTable } from '../db/tables/funding-options';
import { recomputeCaseDeadlines } from '../deadlines/recompute';
import { AppError } from '../errors';
import { assertCaseExists } from '../events/events-service';

/**
 * The funding options tracker of one case: each route tried when the plan will not pay. Every
 * write is audited (Undo and history read the audit log) and recomputes the case's deadlines,
 * because an option's dates (apply by, answer expected, renewal) join the agenda.
 */

type DocumentNames = ReadonlyMap<number, string>;

function documentIdsOf(row: FundingOptionRow): number[] {
  return JSON.parse(row.document_ids) as number[];
}

function toFundingOption(row: FundingOptionRow, documentNames: DocumentNames): FundingOption {
  return {
    id: row.id,
    caseId: row.case_id,
    optionType: row.option_type,
    programName: row.program_name,
    eligibilityNotes: row.eligibility_notes,
    status: row.status,
    applyBy: row.apply_by,
    appliedOn: row.applied_on,
    responseExpectedOn: row.response_expected_on,
    decidedOn: row.decided_on,
    renewalOn: row.renewal_on,
    amountRequestedCents: row.amount_requested_cents,
    amountGrantedCents: row.amount_granted_cents,
    documents: documentIdsOf(row).map((id) => ({
      id,
      // A document moved to the trash since keeps its place in the record, named as such.
      fileName: documentNames.get(id) ?? `Document ${id} (in the trash)`,
    })),
    nextStep: row.next_step,
    nextStepOn: row.next_step_on,
    notes: row.notes,
    updatedAt: row.updated_at,
  };
}

async function documentNamesOf(
  db: Kysely<AdvocaseDatabase>,
  rows: readonly FundingOptionRow[],
): Promise<DocumentNames> {
  const ids = [...new Set(rows.flatMap(documentIdsOf))];
  if (ids.length === 0) return new Map();
  const documents = await db
    .selectFrom('documents')
    .select(['id', 'file_name'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(documents.map((document) => [document.id, document.file_name]));
}

/** Documents sent must be documents filed to this case and not in the trash. */
async function assertDocumentsOfCase(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  documentIds: readonly number[],
): Promise<void> {
  if (documentIds.length === 0) return;
  const found = await db
    .selectFrom('document_cases')
    .innerJoin('documents', 'documents.id', 'document_cases.document_id')
    .select('documents.id')
    .where('document_cases.case_id', '=', caseId)
    .where('documents.id', 'in', [...documentIds])
    .where('documents.deleted_at', 'is', null)
    .execute();
  const known = new Set(found.map((row) => row.id));
  const unknown = documentIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${unknown.length === 1 ? `Document ${unknown[0]} is` : `Documents ${unknown.join(', ')} are`} not among this case's documents (deleted, or filed to another case). Choose the documents sent from this case's list.`,
      'documentIds',
    );
  }
}

type FundingOptionValues = Omit<
  FundingOptionsTable,
  'id' | 'case_id' | 'created_at' | 'updated_at' | 'deleted_at' | 'document_ids'
> & { document_ids: string };

function toColumns(input: Omit<AddFundingOptionInput, 'caseId'>): FundingOptionValues {
  return {
    option_type: input.optionType,
    program_name: input.programName,
    eligibility_notes: input.eligibilityNotes,
    status: input.status,
    apply_by: input.applyBy,
    applied_on: input.appliedOn,
    response_expected_on: input.responseExpectedOn,
    decided_on: input.decidedOn,
    renewal_on: input.renewalOn,
    amount_requested_cents: input.amountRequestedCents,
    amount_granted_cents: input.amountGrantedCents,
    document_ids: JSON.stringify([...new Set(input.documentIds)]),
    next_step: input.nextStep,
    next_step_on: input.nextStepOn,
    notes: input.notes,
  };
}

export async function listFundingOptions(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<FundingOption[]> {
  const rows = await db
    .selectFrom('funding_options')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const names = await documentNamesOf(db, rows);
  return rows.map((row) => toFundingOption(row, names));
}

async function readFundingOption(db: Kysely<AdvocaseDatabase>, id: number): Promise<FundingOption> {
  const row = await db
    .selectFrom('funding_options')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toFundingOption(row, await documentNamesOf(db, [row]));
}

export function addFundingOption(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: AddFundingOptionInput,
): Promise<FundingOption> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, input.caseId);
    await assertDocumentsOfCase(trx, input.caseId, input.documentIds);
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('funding_options')
      .values({
        case_id: input.caseId,
        ...toColumns(input),
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'funding_options',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    await recomputeCaseDeadlines(trx, actor, input.caseId);
    return readFundingOption(trx, row.id);
  });
}

async function caseOfFundingOption(db: Kysely<AdvocaseDatabase>, id: number): Promise<number> {
  const row = await db
    .selectFrom('funding_options')
    .select('case_id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `There is no funding option with id ${id}. It may have been removed; reload the Funding tab.`,
      'fundingOptionId',
    );
  }
  return row.case_id;
}

export function updateFundingOption(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: UpdateFundingOptionInput,
): Promise<FundingOption> {
  return inTransaction(db, async (trx) => {
    const caseId = await caseOfFundingOption(trx, input.fundingOptionId);
    await assertDocumentsOfCase(trx, caseId, input.documentIds);
    await auditedUpdate(
      trx,
      actor,
      'funding_options',
      input.fundingOptionId,
      toColumns(input),
      `There is no funding option with id ${input.fundingOptionId}.`,
    );
    await recomputeCaseDeadlines(trx, actor, caseId);
    return readFundingOption(trx, input.fundingOptionId);
  });
}

/** Removes an option from the tracker; an audited update, so Undo brings it back. */
export function removeFundingOption(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  fundingOptionId: number,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const caseId = await caseOfFundingOption(trx, fundingOptionId);
    await auditedUpdate(
      trx,
      actor,
      'funding_options',
      fundingOptionId,
      { deleted_at: new Date().toISOString() },
      `There is no funding option with id ${fundingOptionId}.`,
    );
    await recomputeCaseDeadlines(trx, actor, caseId);
  });
}

/** "Not relevant" on the checklist: remembered per case, audited, and undone by Undo. */
export function dismissFundingType(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; optionType: FundingOptionType },
): Promise<void> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, input.caseId);
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('funding_dismissals')
      .values({ case_id: input.caseId, option_type: input.optionType, created_at: now, updated_at: now })
      .onConflict((conflict) => conflict.columns(['case_id', 'option_type']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) return;
    await appendAuditEntry(trx, {
      actor,
      tableName: 'funding_dismissals',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
  });
}

/** Puts a dismissed option back on the checklist. */
export function restoreFundingType(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; optionType: FundingOptionType },
): Promise<void> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, input.caseId);
    const row = await trx
      .deleteFrom('funding_dismissals')
      .where('case_id', '=', input.caseId)
      .where('option_type', '=', input.optionType)
      .returningAll()
      .executeTakeFirst();
    if (!row) return;
    await appendAuditEntry(trx, {
      actor,
      tableName: 'funding_dismissals',
      rowId: row.id,
      action: 'delete',
      before: row,
      after: null,
    });
  });
}
