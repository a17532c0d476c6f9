import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';

/**
 * The one rule for "money granted": funding options granted and not removed, on cases not in the
 * trash. The Funding tab's total and the outcomes dashboard's money saved both start from here, so
 * they never disagree on which options count. Columns are read through the `funding` alias.
 */
export function grantedFundingOptions(db: Kysely<AdvocaseDatabase>) {
  return db
    .selectFrom('funding_options as funding')
    .innerJoin('cases', 'cases.id', 'funding.case_id')
    .where('funding.status', '=', 'granted')
    .where('funding.deleted_at', 'is', null)
    .where('cases.deleted_at', 'is', null);
}

/** Money the funding options brought in, per case, in whole cents. */
export async function grantedFundingCentsByCase(
  db: Kysely<AdvocaseDatabase>,
  caseIds?: readonly number[],
): Promise<Map<number, number>> {
  let query = grantedFundingOptions(db)
    .select(['funding.case_id', (eb) => eb.fn.sum<number>('funding.amount_granted_cents').as('cents')])
    .groupBy('funding.case_id');
  if (caseIds) query = query.where('funding.case_id', 'in', [0, ...caseIds]);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.case_id, Number(row.cents)]));
}
