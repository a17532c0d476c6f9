import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import type { Provider, ProviderNetwork } from '../../shared/schemas/coverages';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { ProviderRow } from '../db/tables/providers';
import { AppError } from '../errors';

function toProvider(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    npi: row.npi,
    specialty: row.specialty,
    phone: row.phone,
    fax: row.fax,
    address: row.address,
    notes: row.notes,
  };
}

export function createProvider(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'providers.create'>,
): Promise<Provider> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('providers')
      .values({ ...input, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'providers',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return toProvider(row);
  });
}

export async function listProviders(db: Kysely<AdvocaseDatabase>): Promise<Provider[]> {
  return (await db.selectFrom('providers').selectAll().orderBy('name').execute()).map(toProvider);
}

export function setNetworkStatus(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'providers.setNetworkStatus'>,
): Promise<ProviderNetwork> {
  return inTransaction(db, async (trx) => {
    const provider = await trx
      .selectFrom('providers')
      .select(['id', 'name'])
      .where('id', '=', input.providerId)
      .executeTakeFirst();
    if (!provider)
      throw new AppError('NOT_FOUND', `There is no provider with id ${input.providerId}.`, 'providerId');
    const coverage = await trx
      .selectFrom('coverages')
      .select('id')
      .where('id', '=', input.coverageId)
      .executeTakeFirst();
    if (!coverage)
      throw new AppError('NOT_FOUND', `There is no coverage with id ${input.coverageId}.`, 'coverageId');
    const before = await trx
      .selectFrom('provider_networks')
      .selectAll()
      .where('coverage_id', '=', input.coverageId)
      .where('provider_id', '=', input.providerId)
      .executeTakeFirst();
    const values = {
      coverage_id: input.coverageId,
      provider_id: input.providerId,
      status: input.status,
      tier: input.tier,
      referral_required: input.referralRequired ? 1 : 0,
    };
    await trx
      .insertInto('provider_networks')
      .values(values)
      .onConflict((conflict) =>
        conflict.columns(['coverage_id', 'provider_id']).doUpdateSet({
          status: values.status,
          tier: values.tier,
          referral_required: values.referral_required,
        }),
      )
      .execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'provider_networks',
      rowId: input.providerId,
      action: before ? 'update' : 'insert',
      before: before ?? null,
      after: values,
    });
    return {
      coverageId: input.coverageId,
      providerId: input.providerId,
      providerName: provider.name,
      status: input.status,
      tier: input.tier,
      referralRequired: input.referralRequired,
    };
  });
}
