import type { Kysely } from 'kysely';
import type { CaseOutcome, CaseStage } from '../../shared/domain/case-stages';
import type { FundingOptionType } from '../../shared/domain/funding-options';
import type { CaseFunding } from '../../shared/schemas/funding';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/time-zone';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { listFundingOptions } from './funding-options-service';
import { grantedFundingCentsByCase } from './granted-funding';
import {
  suggestFundingOptions,
  type FundingCoverageFacts,
  type FundingFacts,
  type PlanAnswer,
} from './funding-suggestions';

/** Whole years from a date of birth to a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

type DecisionFacts = { readonly decision: string; readonly isFinal: boolean; readonly reason: string | null };

/** The parts of a stored payer decision the ranking reads; anything unreadable counts as no decision. */
function readDecision(details: string): DecisionFacts | null {
  const parsed: unknown = JSON.parse(details);
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { decision, isFinal, reason } = parsed as Record<string, unknown>;
  if (typeof decision !== 'string') return null;
  return { decision, isFinal: isFinal === true, reason: typeof reason === 'string' ? reason : null };
}

/** Where the plan stands: the case's outcome when it has one, else its latest decision. */
function planAnswerOf(
  decision: DecisionFacts | null,
  stage: CaseStage,
  outcome: CaseOutcome | null,
): PlanAnswer {
  if (outcome === 'approved' || outcome === 'partially_approved') return 'approved';
  if (outcome === 'denied_final' || outcome === 'self_pay' || stage === 'alternative_funding')
    return 'denied-final';
  if (!decision) return 'none';
  if (decision.decision === 'denied') return decision.isFinal ? 'denied-final' : 'denied';
  return 'approved';
}

/** What the "not yet considered" lines read about a case and its client. */
export async function loadFundingFacts(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  today: string,
): Promise<{ clientId: number; facts: FundingFacts }> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('providers', 'providers.id', 'cases.provider_id')
    .leftJoin('provider_networks', (join) =>
      join
        .onRef('provider_networks.provider_id', '=', 'cases.provider_id')
        .onRef('provider_networks.coverage_id', '=', 'cases.coverage_id'),
    )
    .select([
      'cases.client_id',
      'cases.coverage_id',
      'cases.treatment',
      'cases.treatment_detail',
      'clients.date_of_birth',
      'clients.state',
      'cases.stage',
      'cases.outcome',
      'providers.name as provider_name',
      'providers.kind as provider_kind',
      'provider_networks.status as network_status',
    ])
    .where('cases.id', '=', caseId)
    .where('cases.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no case with id ${caseId}. It may have been deleted.`,
      'caseId',
    );
  const coverageColumns = [
    'id',
    'plan_type',
    'network_type',
    'payer',
    'deductible_cents',
    'deductible_met_cents',
  ] as const;
  const coverages = await db
    .selectFrom('coverages')
    .select(coverageColumns)
    .where('client_id', '=', row.client_id)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .where((eb) => eb.or([eb('effective_on', 'is', null), eb('effective_on', '<=', today)]))
    .orderBy('id')
    .execute();
  const toFacts = (coverage: (typeof coverages)[number]): FundingCoverageFacts => ({
    planType: coverage.plan_type,
    networkType: coverage.network_type,
    payer: coverage.payer,
  });
  // The case's own coverage counts even if it has ended: it is the plan the case is fought under.
  const caseCoverage =
    row.coverage_id === null
      ? undefined
      : (coverages.find((coverage) => coverage.id === row.coverage_id) ??
        (await db
          .selectFrom('coverages')
          .select(coverageColumns)
          .where('id', '=', row.coverage_id)
          .executeTakeFirst()));
  const latestDecision = await db
    .selectFrom('events')
    .select('details')
    .where('case_id', '=', caseId)
    .where('type', '=', 'payer_decision')
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const decision = latestDecision ? readDecision(latestDecision.details) : null;
  const deductibleLeft =
    caseCoverage?.deductible_cents == null
      ? null
      : Math.max(0, caseCoverage.deductible_cents - (caseCoverage.deductible_met_cents ?? 0));
  return {
    clientId: row.client_id,
    facts: {
      age: row.date_of_birth ? ageOn(row.date_of_birth, today) : null,
      state: row.state,
      treatment: row.treatment,
      treatmentDetail: row.treatment_detail,
      caseCoverage: caseCoverage ? toFacts(caseCoverage) : null,
      clientCoverages: coverages.map(toFacts),
      provider:
        row.provider_name && row.provider_kind
          ? {
              name: row.provider_name,
              kind: row.provider_kind,
              networkStatus: row.network_status ?? 'unknown',
            }
          : null,
      planAnswer: planAnswerOf(decision, row.stage, row.outcome),
      isDeniedAsExperimental:
        decision?.decision === 'denied' && /experimental|investigational/i.test(decision.reason ?? ''),
      deductibleLeftCents: deductibleLeft,
    },
  };
}

/**
 * A case's Funding tab: the options tried, the total granted, and the routes not yet considered
 * (neither tracked nor marked "not relevant"), each with its one line on why it might fit.
 */
export async function getCaseFunding(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
  now: Date = new Date(),
): Promise<CaseFunding> {
  const today = civilDateInZone(now.getTime(), userTimeZone());
  const { clientId, facts } = await loadFundingFacts(db, caseId, today);
  const [options, dismissals, granted] = await Promise.all([
    listFundingOptions(db, caseId),
    db.selectFrom('funding_dismissals').select('option_type').where('case_id', '=', caseId).execute(),
    grantedFundingCentsByCase(db, [caseId]),
  ]);
  const tracked = new Set<FundingOptionType>(options.map((option) => option.optionType));
  const dismissed = new Set<FundingOptionType>(dismissals.map((row) => row.option_type));
  const suggestions = suggestFundingOptions(facts);
  return {
    caseId,
    clientId,
    options,
    totalGrantedCents: granted.get(caseId) ?? 0,
    notYetConsidered: suggestions.filter(
      (suggestion) => !tracked.has(suggestion.optionType) && !dismissed.has(suggestion.optionType),
    ),
    dismissed: suggestions.filter(
      (suggestion) => !tracked.has(suggestion.optionType) && dismissed.has(suggestion.optionType),
    ),
  };
}
