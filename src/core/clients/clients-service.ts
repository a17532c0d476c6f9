import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { ClientDetail } from '../../shared/schemas/client-detail';
import type { Authorization, Client } from '../../shared/schemas/clients';
import { localToday } from '../../shared/schemas/fields';
import { auditedInsert, auditedUpdate, definedEntries } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { AuthorizationRow } from '../db/tables/authorizations';
import type { ClientRow } from '../db/tables/clients';
import { AppError } from '../errors';
import { assertClientExists } from './assert-client-exists';
import { listCasesOfClient } from '../cases/cases-service';
import { listCoveragesOfClient } from '../coverages/coverages-service';
import { assertNotChangedSince } from '../record-versions/edit-conflict';
import { readRecordVersion, versionOf } from '../record-versions/record-version';

/** A client as the contract gives it, with the version a form edited from it sends back. */
export function toClient(row: ClientRow & { version: number }): Client {
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
    version: Number(row.version),
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
    const row = await auditedInsert(trx, actor, 'clients', {
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
    });
    return toClient({ ...row, version: 0 }); // A record just added: no change yet (migration 0150).
  });
}

export async function listClients(db: Kysely<AdvocaseDatabase>): Promise<Client[]> {
  const rows = await db
    .selectFrom('clients')
    .selectAll()
    .select(versionOf('clients', 'clients.id'))
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
    .select(versionOf('clients', 'clients.id'))
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

export function updateClient(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { clientId, version, changes }: ParsedInput<'clients.update'>,
): Promise<Client> {
  return inTransaction(db, async (trx) => {
    await assertNotChangedSince(
      trx,
      'clients',
      clientId,
      version,
      async () => (await getClientDetail(trx, clientId)).client,
    );
    const given = definedEntries(changes);
    const row = await auditedUpdate(
      trx,
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
    return toClient({ ...row, version: (await readRecordVersion(trx, 'clients', clientId)).version });
  });
}

export function addAuthorization(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'clients.addAuthorization'>,
): Promise<Authorization> {
  return inTransaction(db, async (trx) => {
    await assertClientExists(trx, input.clientId);
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'authorizations', {
      client_id: input.clientId,
      kind: input.kind,
      signed_on: input.signedOn,
      expires_on: input.expiresOn,
      notes: input.notes,
      created_at: now,
      updated_at: now,
    });
    return toAuthorization(row, localToday());
  });
}
