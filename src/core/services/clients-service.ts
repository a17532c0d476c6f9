import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { Client } from '../../shared/schemas/clients';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/tables/audit-log';
import type { ClientRow } from '../db/tables/clients';

function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    state: row.state,
    createdAt: row.created_at,
  };
}

export function createClient(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'clients.create'>,
): Promise<Client> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('clients')
      .values({
        full_name: input.fullName,
        date_of_birth: input.dateOfBirth,
        state: input.state,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'clients',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return toClient(row);
  });
}

export async function listClients(db: Kysely<AdvocaseDatabase>): Promise<Client[]> {
  const rows = await db.selectFrom('clients').selectAll().orderBy('full_name').orderBy('id').execute();
  return rows.map(toClient);
}
