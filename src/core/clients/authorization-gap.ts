import type { Kysely } from 'kysely';
import { localToday } from '../../shared/schemas/fields';
import type { AdvocaseDatabase } from '../db/schema';

/**
 * Why the advocate may not be able to act for the client right now, or null. Payers refuse to
 * discuss a member with anyone who has no written authorization on file.
 */
export async function describeAuthorizationGap(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<string | null> {
  const today = localToday();
  const rows = await db
    .selectFrom('authorizations')
    .select(['expires_on'])
    .where('client_id', '=', clientId)
    .execute();
  if (rows.length === 0)
    return 'No signed authorization on file: the payer may refuse to talk to you about this client.';
  if (rows.every((row) => row.expires_on !== null && row.expires_on < today)) {
    return 'Every authorization on file has expired: get a new one signed before calling the payer.';
  }
  return null;
}
