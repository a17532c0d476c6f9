import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';

/**
 * Money the funding options brought in, per case, in whole cents: granted options not removed, on
 * cases not in the trash. The one rule for "amount granted", read by the Funding tab's total and
 * meant for the outcomes dashboard's money saved (issue #8).
 */
export async function grantedFundingCentsByCase(
  db: Kysely<AdvocaseDatabase>,
  caseIds?: readonly number[],
): Promise<Map<number, number>> {
  let query = db
    .selectFrom('funding_options')
    .innerJoin('cases', 'cases.id', 'funding_options.case_id')
    .select([
      'funding_options.case_id',
      (eb) => eb.fn.sum<number>('funding_options.amount_granted_cents').as('cents'),
    ])
    .where('funding_options.status', '=', 'granted')
    .where('funding_options.deleted_at', 'is', null)
    .where('cases.deleted_at', 'is', null)
    .groupBy('funding_options.case_id');
  if (caseIds) query = query.where('funding_options.case_id', 'in', [0, ...caseIds]);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.case_id, Number(row.cents)]));
}
