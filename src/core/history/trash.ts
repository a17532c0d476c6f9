import { sql, type Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { timelineEventTypeLabels } from '../../shared/domain/timeline-event-types';
import {
  trashRetentionDays,
  type TrashItem,
  type TrashKind,
  type TrashRemoved,
} from '../../shared/schemas/history';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { rowsGoingWith } from '../db/dependent-rows';
import { appendAuditEntry, blankAuditedContent } from '../db/tables/audit-log';
import { AppError } from '../errors';
import { asOneEdit } from './edit-groups';

const dayMs = 24 * 60 * 60 * 1000;

function purgeDay(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + trashRetentionDays * dayMs).toISOString().slice(0, 10);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const missing = (kind: string, id: number) =>
  `There is no ${kind} with id ${id}, or it is already in the trash.`;

async function clientName(db: Kysely<AdvocaseDatabase>, clientId: number): Promise<string> {
  const row = await db
    .selectFrom('clients')
    .select('full_name')
    .where('id', '=', clientId)
    .executeTakeFirst();
  return row?.full_name ?? `client ${clientId}`;
}

/** Moves a case (and with it its timeline) to the trash, as one edit. */
export function moveCaseToTrash(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseId: number,
): Promise<{ message: string }> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const found = await trx
      .selectFrom('cases')
      .select(['id', 'client_id'])
      .where('id', '=', caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', missing('case', caseId), 'caseId');
    await auditedUpdate(
      trx,
      actor,
      'cases',
      caseId,
      { deleted_at: new Date().toISOString() },
      missing('case', caseId),
    );
    const label = `Moved case ${formatCaseNumber(caseId)} (${await clientName(trx, found.client_id)}) to the trash`;
    return {
      result: { message: `${label}. You can restore it from the trash for ${trashRetentionDays} days.` },
      label,
    };
  });
}

/** Moves a client and all their cases to the trash with one timestamp, so restoring the client brings those cases back. */
export function moveClientToTrash(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  clientId: number,
): Promise<{ message: string }> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const client = await trx
      .selectFrom('clients')
      .select(['id', 'full_name'])
      .where('id', '=', clientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!client) throw new AppError('NOT_FOUND', missing('client', clientId), 'clientId');
    const now = new Date().toISOString();
    const cases = await trx
      .selectFrom('cases')
      .select('id')
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute();
    for (const { id } of cases) {
      await auditedUpdate(trx, actor, 'cases', id, { deleted_at: now }, missing('case', id));
    }
    await auditedUpdate(trx, actor, 'clients', clientId, { deleted_at: now }, missing('client', clientId));
    const label = `Moved client ${client.full_name}${cases.length > 0 ? ` and ${plural(cases.length, 'case', 'cases')}` : ''} to the trash`;
    return {
      result: { message: `${label}. You can restore them from the trash for ${trashRetentionDays} days.` },
      label,
    };
  });
}

/** What is in the trash, most recently deleted first. Cases deleted with their client are listed under the client. */
export async function listTrash(db: Kysely<AdvocaseDatabase>): Promise<TrashItem[]> {
  const clients = await db
    .selectFrom('clients')
    .select((eb) => [
      'clients.id',
      'clients.full_name',
      'clients.deleted_at',
      eb
        .selectFrom('cases')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('cases.client_id', '=', 'clients.id')
        .whereRef('cases.deleted_at', '=', 'clients.deleted_at')
        .as('case_count'),
    ])
    .where('clients.deleted_at', 'is not', null)
    .execute();
  const cases = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['cases.id', 'cases.deleted_at', 'clients.full_name', 'clients.deleted_at as client_deleted_at'])
    .where('cases.deleted_at', 'is not', null)
    // A case deleted together with its client is restored with the client.
    .where((eb) =>
      eb.or([
        eb('clients.deleted_at', 'is', null),
        eb('clients.deleted_at', '!=', eb.ref('cases.deleted_at')),
      ]),
    )
    .execute();
  const events = await db
    .selectFrom('events')
    .innerJoin('cases', 'cases.id', 'events.case_id')
    .select(['events.id', 'events.type', 'events.case_id', 'events.deleted_at', 'events.summary'])
    .where('events.deleted_at', 'is not', null)
    .where('cases.deleted_at', 'is', null)
    .execute();
  const items: TrashItem[] = [
    ...clients.map((row) => ({
      kind: 'client' as const,
      id: row.id,
      title: row.full_name,
      detail:
        Number(row.case_count) > 0
          ? `${plural(Number(row.case_count), 'case', 'cases')} deleted with them`
          : null,
      deletedAt: row.deleted_at!,
      purgeOn: purgeDay(row.deleted_at!),
      blockedReason: null,
    })),
    ...cases.map((row) => ({
      kind: 'case' as const,
      id: row.id,
      title: `Case ${formatCaseNumber(row.id)}`,
      detail: `Client: ${row.full_name}`,
      deletedAt: row.deleted_at!,
      purgeOn: purgeDay(row.deleted_at!),
      blockedReason: row.client_deleted_at
        ? `Restore client ${row.full_name} first: they are in the trash too.`
        : null,
    })),
    ...events.map((row) => ({
      kind: 'event' as const,
      id: row.id,
      title: `${timelineEventTypeLabels[row.type]} on case ${formatCaseNumber(row.case_id)}`,
      detail: row.summary.length > 80 ? `${row.summary.slice(0, 79)}…` : row.summary,
      deletedAt: row.deleted_at!,
      purgeOn: purgeDay(row.deleted_at!),
      blockedReason: null,
    })),
  ];
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.kind.localeCompare(b.kind));
}

/** Takes a record back out of the trash (a client with the cases deleted with them), as one edit. */
export function restoreFromTrash(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  kind: TrashKind,
  id: number,
): Promise<{ message: string }> {
  const notInTrash = `That ${kind === 'event' ? 'timeline entry' : kind} is not in the trash: it may have been restored or deleted for good.`;
  return asOneEdit(db, actor, 'edit', async (trx) => {
    if (kind === 'client') {
      const client = await trx
        .selectFrom('clients')
        .select(['full_name', 'deleted_at'])
        .where('id', '=', id)
        .where('deleted_at', 'is not', null)
        .executeTakeFirst();
      if (!client) throw new AppError('NOT_FOUND', notInTrash, 'id');
      const cases = await trx
        .selectFrom('cases')
        .select('id')
        .where('client_id', '=', id)
        .where('deleted_at', '=', client.deleted_at)
        .execute();
      await auditedUpdate(trx, actor, 'clients', id, { deleted_at: null }, notInTrash);
      for (const row of cases)
        await auditedUpdate(trx, actor, 'cases', row.id, { deleted_at: null }, notInTrash);
      const label = `Restored client ${client.full_name}${cases.length > 0 ? ` and ${plural(cases.length, 'case', 'cases')}` : ''} from the trash`;
      return { result: { message: `${label}.` }, label };
    }
    if (kind === 'case') {
      const found = await trx
        .selectFrom('cases')
        .innerJoin('clients', 'clients.id', 'cases.client_id')
        .select(['clients.full_name', 'clients.deleted_at as client_deleted_at'])
        .where('cases.id', '=', id)
        .where('cases.deleted_at', 'is not', null)
        .executeTakeFirst();
      if (!found) throw new AppError('NOT_FOUND', notInTrash, 'id');
      if (found.client_deleted_at) {
        throw new AppError(
          'INVALID_INPUT',
          `Restore client ${found.full_name} first: they are in the trash too.`,
          'id',
        );
      }
      await auditedUpdate(trx, actor, 'cases', id, { deleted_at: null }, notInTrash);
      const label = `Restored case ${formatCaseNumber(id)} (${found.full_name}) from the trash`;
      return { result: { message: `${label}.` }, label };
    }
    const event = await trx
      .selectFrom('events')
      .select(['type', 'case_id'])
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst();
    if (!event) throw new AppError('NOT_FOUND', notInTrash, 'id');
    await auditedUpdate(trx, actor, 'events', id, { deleted_at: null }, notInTrash);
    const label = `Restored a ${timelineEventTypeLabels[event.type].toLowerCase()} on case ${formatCaseNumber(event.case_id)} from the trash`;
    return { result: { message: `${label}.` }, label };
  });
}

/**
 * Deletes for good what went to the trash before `cutoff` (everything when null). Rows are
 * really removed (secure_delete overwrites them; the search index triggers drop their words),
 * and each removal is in the audit log by id only, so no copy of the record is added there.
 */
export function removeTrashedForGood(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  cutoff: string | null,
): Promise<TrashRemoved> {
  return inTransaction(db, async (trx) => {
    const before = (column: 'clients.deleted_at' | 'cases.deleted_at' | 'events.deleted_at') =>
      cutoff === null
        ? sql<boolean>`${sql.ref(column)} IS NOT NULL`
        : sql<boolean>`${sql.ref(column)} < ${cutoff}`;
    const clientIds = (
      await trx.selectFrom('clients').select('id').where(before('clients.deleted_at')).execute()
    ).map((row) => row.id);
    // A client's cases go with the client, whatever their own state (cases.client_id forbids orphans).
    const caseIds = (
      await trx
        .selectFrom('cases')
        .select('id')
        .where((eb) =>
          clientIds.length > 0
            ? eb.or([before('cases.deleted_at'), eb('client_id', 'in', clientIds)])
            : before('cases.deleted_at'),
        )
        .execute()
    ).map((row) => row.id);
    const eventIds = (
      await trx.selectFrom('events').select(['id', 'case_id']).where(before('events.deleted_at')).execute()
    )
      // Those of a case removed below go with it.
      .filter((row) => !caseIds.includes(row.case_id))
      .map((row) => row.id);
    const removals: Array<[table: 'events' | 'cases' | 'clients', ids: number[]]> = [
      ['events', eventIds],
      ['cases', caseIds],
      ['clients', clientIds],
    ];
    // Every row that goes with them (by ON DELETE CASCADE, found from the schema's foreign keys)
    // and every audited copy of one: blanked first, in one recorded blanking (docs/security.md §5).
    const deletedRecords = Object.fromEntries(removals.filter(([, ids]) => ids.length > 0));
    await blankAuditedContent(trx, actor, deletedRecords, await rowsGoingWith(trx, deletedRecords));
    for (const [table, ids] of removals) {
      for (const id of ids) {
        // Events, tasks, coverages, authorizations, funding and time records and document links follow by ON DELETE CASCADE.
        await trx.deleteFrom(table).where('id', '=', id).execute();
        await appendAuditEntry(trx, {
          actor,
          tableName: table,
          rowId: id,
          action: 'delete',
          before: { id },
          after: null,
        });
      }
    }
    return { clients: clientIds.length, cases: caseIds.length, events: eventIds.length };
  });
}

/** Removes what has been in the trash longer than the retention period. */
export function purgeExpiredTrash(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  now: Date = new Date(),
): Promise<TrashRemoved> {
  return removeTrashedForGood(db, actor, new Date(now.getTime() - trashRetentionDays * dayMs).toISOString());
}
