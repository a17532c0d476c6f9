import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import {
  shownCostEstimateInputsSchema,
  type CaseCostEstimate,
  type CostEstimateInputs,
  type CostSharing,
} from '../../shared/schemas/cost-estimates';
import { estimateTreatmentCost } from './estimate-treatment-cost';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { CoverageRow } from '../db/tables/coverages';
import { AppError } from '../errors';

const noCostSharing: CostSharing = {
  deductibleCents: null,
  deductibleMetCents: null,
  coinsurancePercent: null,
  copayCents: null,
  outOfPocketMaxCents: null,
  outOfPocketMetCents: null,
};

/**
 * What the form starts from before the user saves: the coverage's cost sharing, no course and no
 * prices (those come from the clinic, never from Advocase). The coverage records one set of
 * amounts, taken as the in-network ones; HMOs and EPOs usually pay nothing out of network.
 */
export function prefilledInputs(coverage: CoverageRow | undefined): CostEstimateInputs {
  return {
    course: { inductionSessions: 0, maintenanceSessionsPerMonth: 0, maintenanceMonths: 0 },
    prices: {
      inNetworkAllowedCents: null,
      outOfNetworkChargeCents: null,
      outOfNetworkAllowedCents: null,
      singleCaseAgreementRateCents: null,
      selfPayPriceCents: null,
    },
    inNetwork: coverage
      ? {
          deductibleCents: coverage.deductible_cents,
          deductibleMetCents: coverage.deductible_met_cents,
          coinsurancePercent: coverage.coinsurance_percent,
          copayCents: coverage.copay_cents,
          outOfPocketMaxCents: coverage.out_of_pocket_max_cents,
          outOfPocketMetCents: coverage.out_of_pocket_met_cents,
        }
      : noCostSharing,
    hasOutOfNetworkBenefit: coverage?.network_type !== 'HMO' && coverage?.network_type !== 'EPO',
    outOfNetwork: noCostSharing,
    copayCountsTowardDeductible: false,
  };
}

function coverageLabel(coverage: CoverageRow): string {
  return coverage.plan_name ? `${coverage.payer} · ${coverage.plan_name}` : coverage.payer;
}

async function findCase(db: Kysely<AdvocaseDatabase>, caseId: number) {
  const found = await db
    .selectFrom('cases')
    .select(['id', 'coverage_id'])
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', `There is no case with id ${caseId}.`, 'caseId');
  return found;
}

export async function getCaseCostEstimate(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<CaseCostEstimate> {
  const found = await findCase(db, caseId);
  const saved = await db
    .selectFrom('case_cost_estimates')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const coverageId = saved ? saved.coverage_id : found.coverage_id;
  const coverage =
    coverageId === null
      ? undefined
      : await db.selectFrom('coverages').selectAll().where('id', '=', coverageId).executeTakeFirst();
  const inputs = saved
    ? shownCostEstimateInputsSchema.parse(JSON.parse(saved.inputs))
    : prefilledInputs(coverage);
  return {
    caseId,
    coverageId: coverage?.id ?? null,
    coverageLabel: coverage ? coverageLabel(coverage) : null,
    isSaved: saved !== undefined,
    updatedAt: saved?.updated_at ?? null,
    inputs,
    estimate: estimateTreatmentCost(inputs),
  };
}

/** Saves the inputs (an edit the user can undo); the first save links the case's current coverage. */
export async function saveCaseCostEstimate(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { caseId, inputs }: ParsedInput<'costs.saveEstimateInputs'>,
): Promise<CaseCostEstimate> {
  await inTransaction(db, async (trx) => {
    const found = await findCase(trx, caseId);
    const saved = await trx
      .selectFrom('case_cost_estimates')
      .select('id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const json = JSON.stringify(inputs);
    if (saved) {
      await auditedUpdate(
        trx,
        actor,
        'case_cost_estimates',
        saved.id,
        { inputs: json },
        `The cost estimate of case ${caseId} is gone.`,
      );
      return;
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('case_cost_estimates')
      .values({
        case_id: caseId,
        coverage_id: found.coverage_id,
        inputs: json,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'case_cost_estimates',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
  });
  return getCaseCostEstimate(db, caseId);
}
