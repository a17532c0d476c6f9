import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import { shownCostEstimateInputsSchema } from '../../shared/schemas/cost-estimates';
import {
  candidatePlanFieldsSchema,
  maximumCandidatePlans,
  shownPlannedCourseSchema,
  type CandidatePlan,
  type PlanComparison,
  type PlannedCourse,
  type TreatingProvider,
} from '../../shared/schemas/plan-comparison';
import { estimatePlanYearCost } from './estimate-plan-year-cost';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { CandidatePlanRow } from '../db/tables/cost-estimates';
import { AppError } from '../errors';
import { prefilledInputs } from './cost-estimates-service';

const missingPlan = (planId: number) => `There is no candidate plan with id ${planId}.`;

function toCandidatePlan(row: CandidatePlanRow): CandidatePlan {
  return {
    id: row.id,
    clientId: row.client_id,
    ...candidatePlanFieldsSchema.parse(JSON.parse(row.fields)),
    updatedAt: row.updated_at,
  };
}

async function findClient(db: Kysely<AdvocaseDatabase>, clientId: number) {
  const client = await db
    .selectFrom('clients')
    .select(['id', 'full_name'])
    .where('id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!client) throw new AppError('NOT_FOUND', `There is no client with id ${clientId}.`, 'clientId');
  return client;
}

/** The providers on the client's cases: whether they are in a plan's network decides the cost. */
async function treatingProvidersOf(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<TreatingProvider[]> {
  return db
    .selectFrom('providers')
    .select(['providers.id', 'providers.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases')
          .select('cases.id')
          .whereRef('cases.provider_id', '=', 'providers.id')
          .where('cases.client_id', '=', clientId)
          .where('cases.deleted_at', 'is', null),
      ),
    )
    .orderBy('providers.name')
    .execute();
}

/** The saved course, else the course and prices of the client's most recently saved case estimate. */
async function plannedCourseOf(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<{ plannedCourse: PlannedCourse; isCourseSaved: boolean }> {
  const saved = await db
    .selectFrom('plan_comparisons')
    .select('planned_course')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (saved) {
    return {
      plannedCourse: shownPlannedCourseSchema.parse(JSON.parse(saved.planned_course)),
      isCourseSaved: true,
    };
  }
  const latestEstimate = await db
    .selectFrom('case_cost_estimates')
    .innerJoin('cases', 'cases.id', 'case_cost_estimates.case_id')
    .select('case_cost_estimates.inputs')
    .where('cases.client_id', '=', clientId)
    .where('cases.deleted_at', 'is', null)
    .orderBy('case_cost_estimates.updated_at', 'desc')
    .executeTakeFirst();
  const { course, prices } = latestEstimate
    ? shownCostEstimateInputsSchema.parse(JSON.parse(latestEstimate.inputs))
    : prefilledInputs(undefined);
  return { plannedCourse: { course, prices }, isCourseSaved: false };
}

export async function getPlanComparison(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<PlanComparison> {
  const client = await findClient(db, clientId);
  const { plannedCourse, isCourseSaved } = await plannedCourseOf(db, clientId);
  const treatingProviders = await treatingProvidersOf(db, clientId);
  const rows = await db
    .selectFrom('candidate_plans')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('id')
    .execute();
  const plans = rows.map(toCandidatePlan).map((plan) => ({
    plan,
    expected: estimatePlanYearCost(plan, plannedCourse, treatingProviders),
  }));
  const totals = plans.flatMap(({ expected }) => (expected.totalCents === null ? [] : [expected.totalCents]));
  const cheapest = totals.length > 0 ? Math.min(...totals) : null;
  return {
    clientId,
    clientName: client.full_name,
    plannedCourse,
    isCourseSaved,
    treatingProviders,
    plans,
    cheapestPlanIds: plans
      .filter(({ expected }) => expected.totalCents === cheapest)
      .map(({ plan }) => plan.id),
  };
}

export async function savePlannedCourse(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { clientId, plannedCourse }: ParsedInput<'plans.saveCourse'>,
): Promise<PlanComparison> {
  await inTransaction(db, async (trx) => {
    await findClient(trx, clientId);
    const json = JSON.stringify(plannedCourse);
    const saved = await trx
      .selectFrom('plan_comparisons')
      .select('id')
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (saved) {
      await auditedUpdate(
        trx,
        actor,
        'plan_comparisons',
        saved.id,
        { planned_course: json },
        'The plan comparison is gone.',
      );
      return;
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('plan_comparisons')
      .values({ client_id: clientId, planned_course: json, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'plan_comparisons',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
  });
  return getPlanComparison(db, clientId);
}

export async function addCandidatePlan(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { clientId, ...fields }: ParsedInput<'plans.add'>,
): Promise<PlanComparison> {
  await inTransaction(db, async (trx) => {
    await findClient(trx, clientId);
    const { count } = await trx
      .selectFrom('candidate_plans')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= maximumCandidatePlans) {
      throw new AppError(
        'INVALID_INPUT',
        `A comparison holds at most ${maximumCandidatePlans} plans. Remove one you have ruled out before adding another.`,
      );
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('candidate_plans')
      .values({ client_id: clientId, fields: JSON.stringify(fields), created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'candidate_plans',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
  });
  return getPlanComparison(db, clientId);
}

export async function updateCandidatePlan(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { planId, changes }: ParsedInput<'plans.update'>,
): Promise<PlanComparison> {
  const clientId = await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('candidate_plans')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', missingPlan(planId), 'planId');
    const fields = candidatePlanFieldsSchema.parse(JSON.parse(row.fields));
    await auditedUpdate(
      trx,
      actor,
      'candidate_plans',
      planId,
      { fields: JSON.stringify({ ...fields, ...changes }) },
      missingPlan(planId),
    );
    return row.client_id;
  });
  return getPlanComparison(db, clientId);
}

/** Removes a plan the client has ruled out (the screen asks first); the audit log keeps who and when. */
export async function removeCandidatePlan(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  planId: number,
): Promise<PlanComparison> {
  const clientId = await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('candidate_plans')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', missingPlan(planId), 'planId');
    await trx.deleteFrom('candidate_plans').where('id', '=', planId).execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'candidate_plans',
      rowId: planId,
      action: 'delete',
      before: row,
      after: null,
    });
    return row.client_id;
  });
  return getPlanComparison(db, clientId);
}
