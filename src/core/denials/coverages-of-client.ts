import type { Kysely } from 'kysely';
import type { ReadDenialDocumentOutput } from '../../shared/schemas/case-denial-notice';
import type { AdvocaseDatabase } from '../db/schema';

type Db = Kysely<AdvocaseDatabase>;

/**
 * For a case without a coverage: its client's name and the coverages the client already has,
 * which a notice read into the case may name (src/shared/domain/notice-coverage.ts). Null when the
 * case has a coverage or is not there.
 */
export async function coveragesOfClientForCase(
  db: Db,
  caseId: number,
): Promise<ReadDenialDocumentOutput['coveragesOfClient']> {
  const caseRow = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['cases.client_id', 'cases.coverage_id', 'cases.payer', 'clients.full_name'])
    .where('cases.id', '=', caseId)
    .where('cases.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!caseRow || caseRow.coverage_id !== null) return null;
  const coverages = await db
    .selectFrom('coverages')
    .select(['id', 'payer', 'member_id', 'plan_type', 'appeals_address', 'payer_fax', 'payer_phone'])
    .where('client_id', '=', caseRow.client_id)
    .orderBy('id')
    .execute();
  return {
    clientName: caseRow.full_name,
    casePayer: caseRow.payer,
    coverages: coverages.map((row) => ({
      id: row.id,
      payer: row.payer,
      memberId: row.member_id,
      planType: row.plan_type,
      appealsAddress: row.appeals_address,
      payerFax: row.payer_fax,
      payerPhone: row.payer_phone,
    })),
  };
}
