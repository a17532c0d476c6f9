import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import type { ClientDetail } from '../../shared/schemas/client-detail';
import type { Authorization, Client } from '../../shared/schemas/clients';
import { localToday } from '../../shared/schemas/fields';
import { auditedUpdate, definedEntries } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { AuthorizationRow } from '../db/tables/authorizations';
import type { ClientRow } from '../db/tables/clients';
import { AppError } from '../errors';
import { listCasesOfClient } from '../cases/cases-service';
import { listCoveragesOfClient } from '../coverages/coverages-service';

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    state: row.state,
    phone: row.phone,
    email: row.email,
    address: row.address,
    preferredLanguage: row.preferred_language,
    notes: row.notes,
    tags: JSON.parse(row.tags) as string[],
    createdAt: row.created_at,
  };
}

function toAuthorization(row: AuthorizationRow, today: string): Authorization {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    notes: row.notes,
    isExpired: row.expires_on !== null && row.expires_on < today,
  };
}

const missingClient = (clientId: number) =>
  `There is no client with id ${clientId}. It may have been deleted.`;

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
        phone: null,
        email: null,
        address: null,
        preferred_language: null,
        notes: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
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
  const rows = await db
    .selectFrom('clients')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('full_name')
    .orderBy('id')
    .execute();
  return rows.map(toClient);
}

export async function getClientDetail(db: Kysely<AdvocaseDatabase>, clientId: number): Promise<ClientDetail> {
  const row = await db
    .selectFrom('clients')
    .selectAll()
    .where('id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', missingClient(clientId), 'clientId');
  const today = localToday();
  const authorizations = await db
    .selectFrom('authorizations')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('signed_on', 'desc')
    .execute();
  return {
    client: toClient(row),
    authorizations: authorizations.map((authorization) => toAuthorization(authorization, today)),
    coverages: await listCoveragesOfClient(db, clientId),
    cases: await listCasesOfClient(db, clientId),
  };
}

export async function updateClient(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { clientId, changes }: ParsedInput<'clients.update'>,
): Promise<Client> {
  const given = definedEntries(changes);
  const row = await auditedUpdate(
    db,
    actor,
    'clients',
    clientId,
    {
      full_name: given.fullName,
      date_of_birth: given.dateOfBirth,
      state: given.state,
      phone: given.phone,
      email: given.email,
      address: given.address,
      preferred_language: given.preferredLanguage,
      notes: given.notes,
      tags: given.tags === undefined ? undefined : JSON.stringify(given.tags),
    },
    missingClient(clientId),
  );
  return toClient(row);
}

export function addAuthorization(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'clients.addAuthorization'>,
): Promise<Authorization> {
  return inTransaction(db, async (trx) => {
    const client = await trx
      .selectFrom('clients')
      .select('id')
      .where('id', '=', input.clientId)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', missingClient(input.clientId), 'clientId');
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('authorizations')
      .values({
        client_id: input.clientId,
        kind: input.kind,
        signed_on: input.signedOn,
        expires_on: input.expiresOn,
        notes: input.notes,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'authorizations',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return toAuthorization(row, localToday());
  });
}

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
