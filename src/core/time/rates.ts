import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import { AppError } from '../errors';
import { readBillingSettings } from './billing-settings';

export type EffectiveRate = {
  readonly rateCents: number | null;
  readonly source: 'client' | 'default' | 'none';
};

export async function clientRateCents(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('client_rates')
    .select('rate_cents')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.rate_cents ?? null;
}

/** The rate new time for a client is billed at: the client's own, else the default. */
export async function effectiveRate(db: Kysely<AdvocaseDatabase>, clientId: number): Promise<EffectiveRate> {
  const own = await clientRateCents(db, clientId);
  if (own !== null) return { rateCents: own, source: 'client' };
  const { defaultRateCents } = await readBillingSettings(db);
  return defaultRateCents === null
    ? { rateCents: null, source: 'none' }
    : { rateCents: defaultRateCents, source: 'default' };
}

export function setClientRate(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  clientId: number,
  rateCents: number | null,
): Promise<{ rateCents: number | null }> {
  return inTransaction(db, async (trx) => {
    const client = await trx
      .selectFrom('clients')
      .select('id')
      .where('id', '=', clientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', `There is no client with id ${clientId}.`, 'clientId');
    const existing = await trx
      .selectFrom('client_rates')
      .select('id')
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (existing) {
      const row = await auditedUpdate(
        trx,
        actor,
        'client_rates',
        existing.id,
        { rate_cents: rateCents },
        'That rate is gone.',
      );
      return { rateCents: row.rate_cents };
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('client_rates')
      .values({ client_id: clientId, rate_cents: rateCents, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'client_rates',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return { rateCents: row.rate_cents };
  });
}
