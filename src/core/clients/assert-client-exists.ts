import type { Kysely } from 'kysely';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';

export async function assertClientExists(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
  field = 'clientId',
): Promise<void> {
  const found = await db
    .selectFrom('clients')
    .select('id')
    .where('id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      `There is no client with id ${clientId}. They may have been deleted.`,
      field,
    );
}
