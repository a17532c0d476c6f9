import { grantedFundingOptions } from '../funding/granted-funding';
import {
  isInPeriod,
  localDateOf,
  scopedCases,
  utcWindow,
  type OutcomesDb,
  type OutcomesScope,
} from './outcomes-scope';

/**
 * Money raised outside the plan: the amounts of funding options granted in the period (grants,
 * assistance programs, discounts; migration 0051) on the cases in scope. An option is dated by its
 * decision date, or, when none was entered, by the day it was last saved.
 */
export async function fundingGrantedCents(db: OutcomesDb, scope: OutcomesScope): Promise<number> {
  const window = utcWindow(scope);
  const rows = await grantedFundingOptions(db)
    // Each option's case is looked up by its key: a list of every case in scope would be built first.
    .where((eb) =>
      eb.exists(
        scopedCases(db, scope).select('entry.case_id').where('entry.case_id', '=', eb.ref('funding.case_id')),
      ),
    )
    .select([
      'funding.decided_on as decidedOn',
      'funding.updated_at as updatedAt',
      'funding.amount_granted_cents as amount',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('funding.decided_on', '>=', scope.from), eb('funding.decided_on', '<=', scope.to)]),
        eb.and([
          eb('funding.decided_on', 'is', null),
          eb('funding.updated_at', '>=', window.start),
          eb('funding.updated_at', '<', window.end),
        ]),
      ]),
    )
    .execute();
  return rows
    .filter((row) => isInPeriod(row.decidedOn ?? localDateOf(row.updatedAt, scope), scope))
    .reduce((sum, row) => sum + (row.amount ?? 0), 0);
}
