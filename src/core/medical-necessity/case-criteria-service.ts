import type { Kysely } from 'kysely';
import type { CaseCriteriaView } from '../../shared/schemas/case-criteria';
import type { CriteriaSet } from '../../shared/schemas/criteria-sets';
import { localToday } from '../../shared/schemas/fields';
import type { TreatmentKind } from '../../shared/domain/treatments';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import { AppError } from '../errors';
import type { CaseClinicalFacts } from './case-clinical-facts';
import type { CriteriaEvaluation } from './criteria-evaluation';
import { defaultCriteriaSetFor } from './criteria-sets/shipped-criteria-sets';
import { evaluateCriteriaSet, type ManualJudgement } from './evaluate-criteria';
import { findCriteriaSet, listCriteriaSets } from './criteria-sets-service';

/** Reads a case's clinical facts as of a day (the evidence feature's `loadCaseClinicalFacts`). */
export type LoadCaseClinicalFacts = (
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  asOf: string,
) => Promise<CaseClinicalFacts>;

async function caseOrThrow(db: Kysely<AdvocaseDatabase>, caseId: number) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'payer', 'treatment'])
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no case with id ${caseId}.`, 'caseId');
  return row;
}

async function judgementsFor(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  setId: string,
): Promise<ManualJudgement[]> {
  const rows = await db
    .selectFrom('case_criterion_judgements as j')
    .leftJoin('documents as d', (join) =>
      join.onRef('d.id', '=', 'j.document_id').on('d.deleted_at', 'is', null),
    )
    .select(['j.criterion_id', 'j.status', 'j.note', 'd.id as document_id', 'd.file_name', 'd.document_date'])
    .where('j.case_id', '=', caseId)
    .where('j.set_id', '=', setId)
    .execute();
  return rows.map((row) => ({
    criterionId: row.criterion_id,
    status: row.status,
    note: row.note,
    source:
      row.document_id === null || row.file_name === null
        ? null
        : {
            documentId: row.document_id,
            eventId: null,
            label: row.document_date ? `${row.file_name}, ${row.document_date}` : row.file_name,
          },
  }));
}

type ResolvedSet = {
  readonly set: CriteriaSet | null;
  readonly choice: CaseCriteriaView['choice'];
  readonly isChosenSetMissing: boolean;
};

async function resolveSet(
  db: Kysely<AdvocaseDatabase>,
  caseRow: { id: number; payer: string | null; treatment: TreatmentKind },
): Promise<ResolvedSet> {
  const chosen = await db
    .selectFrom('case_criteria_choices')
    .selectAll()
    .where('case_id', '=', caseRow.id)
    .executeTakeFirst();
  const choice = chosen
    ? {
        setId: chosen.set_id,
        policyName: chosen.policy_name,
        policyNumber: chosen.policy_number,
        policyDate: chosen.policy_date,
        sourceUrl: chosen.source_url,
        chosenAt: chosen.updated_at,
      }
    : null;
  const chosenSet = chosen ? await findCriteriaSet(db, chosen.set_id) : null;
  if (chosenSet) return { set: chosenSet, choice, isChosenSetMissing: false };
  const fallback = defaultCriteriaSetFor(await listCriteriaSets(db), caseRow.payer, caseRow.treatment);
  return { set: fallback, choice, isChosenSetMissing: chosen !== undefined };
}

function countResults(evaluation: CriteriaEvaluation | null): CaseCriteriaView['counts'] {
  const results = evaluation?.results ?? [];
  return {
    met: results.filter((result) => result.status === 'met').length,
    notMet: results.filter((result) => result.status === 'not_met').length,
    unknown: results.filter((result) => result.status === 'unknown').length,
  };
}

/** The case's criteria check as the Criteria tab shows it and the letters quote it. */
export async function evaluateCaseCriteria(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  loadFacts: LoadCaseClinicalFacts,
  asOf: string = localToday(),
): Promise<CaseCriteriaView> {
  const caseRow = await caseOrThrow(db, caseId);
  const { set, choice, isChosenSetMissing } = await resolveSet(db, caseRow);
  const judgements = set ? await judgementsFor(db, caseId, set.id) : [];
  const evaluation = set ? evaluateCriteriaSet(set, await loadFacts(db, caseId, asOf), judgements) : null;
  return {
    caseId,
    asOf,
    set,
    choice,
    isChosenSetMissing,
    evaluation,
    judgements: judgements.map((judgement) => ({
      criterionId: judgement.criterionId,
      status: judgement.status,
      documentId: judgement.source?.documentId ?? null,
      note: judgement.note,
    })),
    counts: countResults(evaluation),
  };
}

/** Records which set the case is judged against, with the policy's particulars as they are now. */
export async function chooseCriteriaSetForCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
  setId: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const caseRow = await caseOrThrow(trx, caseId);
    const set = await findCriteriaSet(trx, setId);
    if (!set)
      throw new AppError(
        'NOT_FOUND',
        'That criteria set does not exist (it may have been deleted).',
        'setId',
      );
    if (set.definition.treatment !== caseRow.treatment)
      throw new AppError(
        'INVALID_INPUT',
        "That set is for another treatment than this case. Choose a set for the case's treatment.",
        'setId',
      );
    const now = new Date().toISOString();
    const values = {
      set_id: set.id,
      policy_name: set.definition.name,
      policy_number: set.definition.policyNumber,
      policy_date: set.definition.policyDate,
      source_url: set.definition.sources[0]?.url ?? null,
      updated_at: now,
    };
    const before = await trx
      .selectFrom('case_criteria_choices')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const after = await trx
      .insertInto('case_criteria_choices')
      .values({ case_id: caseId, created_at: now, ...values })
      .onConflict((conflict) => conflict.column('case_id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'case_criteria_choices',
      rowId: after.id,
      action: before ? 'update' : 'insert',
      before: before ?? null,
      after,
    });
  });
}

type JudgeInput = {
  readonly caseId: number;
  readonly setId: string;
  readonly criterionId: string;
  readonly status: 'met' | 'not_met' | null;
  readonly documentId: number | null;
  readonly note: string | null;
};

/** Records (or clears) the user's judgement of a manual criterion; "met" needs a document filed to the case. */
export async function judgeCriterion(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: JudgeInput,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await caseOrThrow(trx, input.caseId);
    const set = await findCriteriaSet(trx, input.setId);
    const criterion = set?.definition.criteria.find((candidate) => candidate.id === input.criterionId);
    if (!criterion) throw new AppError('NOT_FOUND', 'That criterion is not in the set.', 'criterionId');
    if (criterion.kind !== 'manual')
      throw new AppError(
        'INVALID_INPUT',
        'This criterion is checked from the recorded facts; record the facts in the Evidence tab instead.',
        'criterionId',
      );
    if (input.status === 'met' && input.documentId === null)
      throw new AppError(
        'INVALID_INPUT',
        'Choose the document that shows this criterion is met: "met" is never recorded without evidence.',
        'documentId',
      );
    if (input.documentId !== null) {
      const filed = await trx
        .selectFrom('document_cases as dc')
        .innerJoin('documents as d', 'd.id', 'dc.document_id')
        .select('d.id')
        .where('dc.case_id', '=', input.caseId)
        .where('dc.document_id', '=', input.documentId)
        .where('d.deleted_at', 'is', null)
        .executeTakeFirst();
      if (!filed)
        throw new AppError(
          'NOT_FOUND',
          'That document is not filed to this case. Add it in the Documents tab first.',
          'documentId',
        );
    }
    const key = (query: typeof trx) =>
      query
        .selectFrom('case_criterion_judgements')
        .selectAll()
        .where('case_id', '=', input.caseId)
        .where('set_id', '=', input.setId)
        .where('criterion_id', '=', input.criterionId);
    const before = await key(trx).executeTakeFirst();
    const now = new Date().toISOString();
    if (input.status === null) {
      if (!before) return;
      await trx.deleteFrom('case_criterion_judgements').where('id', '=', before.id).execute();
      await appendAuditEntry(trx, {
        actor,
        tableName: 'case_criterion_judgements',
        rowId: before.id,
        action: 'delete',
        before,
        after: null,
      });
      return;
    }
    const values = { status: input.status, document_id: input.documentId, note: input.note, updated_at: now };
    const after = await trx
      .insertInto('case_criterion_judgements')
      .values({
        case_id: input.caseId,
        set_id: input.setId,
        criterion_id: input.criterionId,
        created_at: now,
        ...values,
      })
      .onConflict((conflict) => conflict.columns(['case_id', 'set_id', 'criterion_id']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'case_criterion_judgements',
      rowId: after.id,
      action: before ? 'update' : 'insert',
      before: before ?? null,
      after,
    });
  });
}
