import type { Kysely } from 'kysely';
import {
  caseloadViewDefinitionSchema,
  type CaseloadViewDefinition,
  type SavedCaseloadView,
} from '../../shared/schemas/caseload';
import type { AdvocaseDatabase } from '../db/schema';
import type { CaseloadViewRow } from '../db/tables/caseload-views';
import { AppError } from '../errors';

function toSavedView(row: CaseloadViewRow): SavedCaseloadView | null {
  // A definition this build cannot read (saved by a newer version) is left out rather than guessed at.
  const definition = caseloadViewDefinitionSchema.safeParse(JSON.parse(row.definition));
  return definition.success ? { id: row.id, name: row.name, definition: definition.data } : null;
}

export async function listSavedViews(db: Kysely<AdvocaseDatabase>): Promise<SavedCaseloadView[]> {
  const rows = await db.selectFrom('caseload_views').selectAll().orderBy('name').execute();
  return rows.map(toSavedView).filter((view): view is SavedCaseloadView => view !== null);
}

/** Saves under a name; saving again under the same name replaces that view. */
export async function saveView(
  db: Kysely<AdvocaseDatabase>,
  name: string,
  definition: CaseloadViewDefinition,
): Promise<SavedCaseloadView> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('caseload_views')
    .values({ name, definition: JSON.stringify(definition), created_at: now, updated_at: now })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet({ definition: JSON.stringify(definition), updated_at: now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, definition };
}

export async function deleteView(db: Kysely<AdvocaseDatabase>, viewId: number): Promise<void> {
  const result = await db.deleteFrom('caseload_views').where('id', '=', viewId).executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new AppError('NOT_FOUND', 'That saved view no longer exists.', 'viewId');
  }
}
