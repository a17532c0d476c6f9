import { sql, type Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import type { CaseResource, Resource, ResourceFields } from '../../shared/schemas/resources';
import { auditedUpdate, definedEntries } from '../db/audited-update';
import { dialectOf } from '../db/dialect/dialect-of';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { ResourceRow, ResourcesTable } from '../db/tables/resources';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { assertCaseExists } from '../events/events-service';
import { starterResources } from './starter-resources';

type ResourceWithCount = ResourceRow & { readonly linked_case_count: number | bigint };

function toResource(row: ResourceWithCount): Resource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    state: row.state,
    website: row.website,
    phone: row.phone,
    email: row.email,
    address: row.address,
    notes: row.notes,
    tags: JSON.parse(row.tags) as string[],
    sourceUrl: row.source_url,
    needsVerification: row.needs_verification === 1,
    isStarter: row.starter_key !== null,
    linkedCaseCount: Number(row.linked_case_count),
  };
}

function resourcesQuery(db: Kysely<AdvocaseDatabase>) {
  return db
    .selectFrom('resources as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('resource_cases as l')
        .innerJoin('cases as c', 'c.id', 'l.case_id')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('l.resource_id', '=', 'r.id')
        .where('l.deleted_at', 'is', null)
        .where('c.deleted_at', 'is', null)
        .as('linked_case_count'),
    )
    .where('r.deleted_at', 'is', null);
}

async function loadResource(db: Kysely<AdvocaseDatabase>, resourceId: number): Promise<Resource> {
  const row = await resourcesQuery(db).where('r.id', '=', resourceId).executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no resource with id ${resourceId}. It may have been deleted.`,
      'resourceId',
    );
  return toResource(row as ResourceWithCount);
}

const searchedColumns = ['r.name', 'r.notes', 'r.tags', 'r.address', 'r.phone', 'r.kind'] as const;

/**
 * Words match anywhere in the name, kind, notes, tags, address or phone (a plain substring
 * match: the directory is a few hundred rows, so full-text indexing would buy nothing).
 * A state shows that state's resources and the national ones.
 */
export async function listResources(
  db: Kysely<AdvocaseDatabase>,
  { text, kind, state }: ParsedInput<'resources.list'>,
): Promise<Resource[]> {
  let query = resourcesQuery(db);
  const { contains, sortKey } = dialectOf(db).caseInsensitiveText;
  for (const word of (text ?? '').split(/\s+/).filter(Boolean)) {
    query = query.where((eb) => eb.or(searchedColumns.map((column) => contains(eb.ref(column), word))));
  }
  if (kind) query = query.where('r.kind', '=', kind);
  if (state) query = query.where((eb) => eb.or([eb('r.state', '=', state), eb('r.state', 'is', null)]));
  const rows = await query.orderBy(sortKey(sql.ref<string>('r.name'))).execute();
  return rows.map((row) => toResource(row as ResourceWithCount));
}

function toColumns(fields: Partial<ResourceFields>): Partial<Omit<ResourcesTable, 'id' | 'created_at'>> {
  return definedEntries({
    name: fields.name,
    kind: fields.kind,
    state: fields.state,
    website: fields.website,
    phone: fields.phone,
    email: fields.email,
    address: fields.address,
    notes: fields.notes,
    tags: fields.tags === undefined ? undefined : JSON.stringify(fields.tags),
    source_url: fields.sourceUrl,
    needs_verification: fields.needsVerification === undefined ? undefined : fields.needsVerification ? 1 : 0,
  });
}

async function insertResource(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  fields: ResourceFields,
  starterKey: string | null,
): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('resources')
    .values({
      name: fields.name,
      kind: fields.kind,
      state: fields.state,
      website: fields.website,
      phone: fields.phone,
      email: fields.email,
      address: fields.address,
      notes: fields.notes,
      tags: JSON.stringify(fields.tags),
      source_url: fields.sourceUrl,
      needs_verification: fields.needsVerification ? 1 : 0,
      starter_key: starterKey,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEntry(db, {
    actor,
    tableName: 'resources',
    rowId: row.id,
    action: 'insert',
    before: null,
    after: row,
  });
  return row.id;
}

export function createResource(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  fields: ResourceFields,
): Promise<Resource> {
  return inTransaction(db, async (trx) => loadResource(trx, await insertResource(trx, actor, fields, null)));
}

export function updateResource(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { resourceId, changes }: ParsedInput<'resources.update'>,
): Promise<Resource> {
  return inTransaction(db, async (trx) => {
    await loadResource(trx, resourceId);
    await auditedUpdate(trx, actor, 'resources', resourceId, toColumns(changes), 'That resource is gone.');
    return loadResource(trx, resourceId);
  });
}

export function deleteResource(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  resourceId: number,
): Promise<{ message: string }> {
  return inTransaction(db, async (trx) => {
    const resource = await loadResource(trx, resourceId);
    await auditedUpdate(
      trx,
      actor,
      'resources',
      resourceId,
      { deleted_at: new Date().toISOString() },
      'That resource is gone.',
    );
    return { message: `Deleted ${resource.name} from the resource directory.` };
  });
}

/**
 * Adds the starter entries not already in the directory (a deleted one counts as absent, so
 * the user can have it back). One edit: Undo takes the whole set back out.
 */
export function addStarterResources(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
): Promise<{ added: number; message: string }> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const present = new Set(
      (
        await trx
          .selectFrom('resources')
          .select('starter_key')
          .where('starter_key', 'is not', null)
          .where('deleted_at', 'is', null)
          .execute()
      ).map((row) => row.starter_key),
    );
    let added = 0;
    for (const { starterKey, ...fields } of starterResources) {
      if (present.has(starterKey)) continue;
      await insertResource(trx, actor, fields, starterKey);
      added += 1;
    }
    const message =
      added === 0
        ? 'The starter set is already in your directory.'
        : `Added ${added} starter ${added === 1 ? 'entry' : 'entries'}. Each is marked “Verify before use”: check it against its source before you rely on it.`;
    return { result: { added, message }, label: `Added ${added} starter resources` };
  });
}

async function loadCaseResource(db: Kysely<AdvocaseDatabase>, linkId: number): Promise<CaseResource> {
  const link = await db
    .selectFrom('resource_cases')
    .selectAll()
    .where('id', '=', linkId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!link) throw new AppError('NOT_FOUND', 'That resource is no longer linked to this case.', 'linkId');
  return { linkId: link.id, note: link.note, resource: await loadResource(db, link.resource_id) };
}

export async function listResourcesOfCase(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<CaseResource[]> {
  await assertCaseExists(db, caseId);
  const links = await db
    .selectFrom('resource_cases as l')
    .innerJoin('resources as r', 'r.id', 'l.resource_id')
    .select(['l.id'])
    .where('l.case_id', '=', caseId)
    .where('l.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null)
    .orderBy(dialectOf(db).caseInsensitiveText.sortKey(sql.ref<string>('r.name')))
    .execute();
  return Promise.all(links.map((link) => loadCaseResource(db, link.id)));
}

/** Links a resource to a case; linking one that was unlinked before brings that link back. */
export function linkResourceToCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { resourceId, caseId, note }: ParsedInput<'resources.linkToCase'>,
): Promise<CaseResource> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, caseId);
    await loadResource(trx, resourceId);
    const existing = await trx
      .selectFrom('resource_cases')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (existing && existing.deleted_at === null) {
      throw new AppError('INVALID_INPUT', 'This resource is already linked to this case.', 'resourceId');
    }
    if (existing) {
      await auditedUpdate(
        trx,
        actor,
        'resource_cases',
        existing.id,
        { deleted_at: null, note },
        'That link is gone.',
      );
      return loadCaseResource(trx, existing.id);
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('resource_cases')
      .values({
        resource_id: resourceId,
        case_id: caseId,
        note,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'resource_cases',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return loadCaseResource(trx, row.id);
  });
}

export function unlinkResourceFromCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  linkId: number,
): Promise<{ message: string }> {
  return inTransaction(db, async (trx) => {
    const { resource } = await loadCaseResource(trx, linkId);
    await auditedUpdate(
      trx,
      actor,
      'resource_cases',
      linkId,
      { deleted_at: new Date().toISOString() },
      'That link is gone.',
    );
    return { message: `Removed ${resource.name} from this case.` };
  });
}
