import type { Kysely } from 'kysely';
import type { FundingOptionType } from '../../shared/domain/funding-options';
import type { CaseFunding } from '../../shared/schemas/funding';
import { civilDateInZone } from '../deadlines/date-arithmetic';
import { userTimeZone } from '../deadlines/service/time-zone';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { listFundingOptions } from './funding-options-service';
import { suggestFundingOptions, type FundingCoverageFacts, type FundingFacts } from './funding-suggestions';

/** Whole years from a date of birth to a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
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
      'providers.name as provider_name',
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
  const coverages = await db
    .selectFrom('coverages')
    .select(['id', 'plan_type', 'network_type', 'payer'])
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
          .select(['id', 'plan_type', 'network_type', 'payer'])
          .where('id', '=', row.coverage_id)
          .executeTakeFirst()));
  return {
    clientId: row.client_id,
    facts: {
      age: row.date_of_birth ? ageOn(row.date_of_birth, today) : null,
      state: row.state,
      treatment: row.treatment,
      treatmentDetail: row.treatment_detail,
      caseCoverage: caseCoverage ? toFacts(caseCoverage) : null,
      clientCoverages: coverages.map(toFacts),
      provider: row.provider_name
        ? { name: row.provider_name, networkStatus: row.network_status ?? 'unknown' }
        : null,
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
  const [options, dismissals] = await Promise.all([
    listFundingOptions(db, caseId),
    db.selectFrom('funding_dismissals').select('option_type').where('case_id', '=', caseId).execute(),
  ]);
  const tracked = new Set<FundingOptionType>(options.map((option) => option.optionType));
  const dismissed = new Set<FundingOptionType>(dismissals.map((row) => row.option_type));
  const suggestions = suggestFundingOptions(facts);
  return {
    caseId,
    clientId,
    options,
    totalGrantedCents: options.reduce(
      (total, option) => total + (option.status === 'granted' ? (option.amountGrantedCents ?? 0) : 0),
      0,
    ),
    notYetConsidered: suggestions.filter(
      (suggestion) => !tracked.has(suggestion.optionType) && !dismissed.has(suggestion.optionType),
    ),
    dismissed: suggestions.filter(
      (suggestion) => !tracked.has(suggestion.optionType) && dismissed.has(suggestion.optionType),
    ),
  };
}
