import type { Kysely } from 'kysely';
import {
  criteriaSetDefinitionSchema,
  type CriteriaSet,
  type CriteriaSetDefinition,
} from '../../shared/schemas/criteria-sets';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { CriteriaSetRow } from '../db/tables/payer-criteria';
import { AppError } from '../errors';
import { isSeenViaAggregator, shippedCriteriaSets } from './criteria-sets/shipped-criteria-sets';

const userSetPrefix = 'user-';

function userSetId(rowId: number): string {
  return `${userSetPrefix}${rowId}`;
}

function rowIdOf(setId: string): number | null {
  if (!setId.startsWith(userSetPrefix)) return null;
  const rowId = Number(setId.slice(userSetPrefix.length));
  return Number.isInteger(rowId) && rowId > 0 ? rowId : null;
}

function toCriteriaSet(row: CriteriaSetRow): CriteriaSet | null {
  // A row is checked on every read: one written by a later version or damaged is skipped, not shown half-read.
  const parsed = criteriaSetDefinitionSchema.safeParse(JSON.parse(row.definition));
  if (!parsed.success) return null;
  return {
    id: userSetId(row.id),
    origin: 'user',
    isSeenViaAggregator: isSeenViaAggregator(parsed.data),
    definition: parsed.data,
  };
}

/** A row just written from validated input always reads back; anything else is a bug, reported as such. */
function savedSet(row: CriteriaSetRow): CriteriaSet {
  const set = toCriteriaSet(row);
  if (!set) throw new Error('A criteria set just saved did not read back.');
  return set;
}

/** The user's sets first (they are written for the user's own payers), then the shipped ones. */
export async function listCriteriaSets(db: Kysely<AdvocaseDatabase>): Promise<CriteriaSet[]> {
  const rows = await db.selectFrom('criteria_sets').selectAll().orderBy('id').execute();
  const userSets = rows.map(toCriteriaSet).filter((set): set is CriteriaSet => set !== null);
  return [...userSets, ...shippedCriteriaSets];
}

export async function findCriteriaSet(
  db: Kysely<AdvocaseDatabase>,
  setId: string,
): Promise<CriteriaSet | null> {
  const rowId = rowIdOf(setId);
  if (rowId === null) return shippedCriteriaSets.find((set) => set.id === setId) ?? null;
  const row = await db.selectFrom('criteria_sets').selectAll().where('id', '=', rowId).executeTakeFirst();
  return row ? toCriteriaSet(row) : null;
}

export async function getCriteriaSet(db: Kysely<AdvocaseDatabase>, setId: string): Promise<CriteriaSet> {
  const set = await findCriteriaSet(db, setId);
  if (!set)
    throw new AppError('NOT_FOUND', 'That criteria set does not exist (it may have been deleted).', 'setId');
  return set;
}

type SaveSetInput = {
  readonly setId?: string | null | undefined;
  readonly basedOn?: string | null | undefined;
  readonly definition: CriteriaSetDefinition;
};

/** Creates or replaces a user set. Shipped sets are the published policies as read: they are copied, never changed. */
export function saveCriteriaSet(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: SaveSetInput,
): Promise<CriteriaSet> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const definition = JSON.stringify(input.definition);
    if (input.setId) {
      const rowId = rowIdOf(input.setId);
      if (rowId === null)
        throw new AppError(
          'INVALID_INPUT',
          'Sets shipped with Advocase cannot be changed. Duplicate the set and edit the copy.',
          'setId',
        );
      const before = await trx
        .selectFrom('criteria_sets')
        .selectAll()
        .where('id', '=', rowId)
        .executeTakeFirst();
      if (!before)
        throw new AppError(
          'NOT_FOUND',
          'That criteria set does not exist (it may have been deleted).',
          'setId',
        );
      const after = await trx
        .updateTable('criteria_sets')
        .set({ definition, updated_at: now })
        .where('id', '=', rowId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEntry(trx, {
        actor,
        tableName: 'criteria_sets',
        rowId,
        action: 'update',
        before,
        after,
      });
      return savedSet(after);
    }
    if (input.basedOn && !(await findCriteriaSet(trx, input.basedOn)))
      throw new AppError('NOT_FOUND', 'The set to duplicate does not exist.', 'basedOn');
    const inserted = await trx
      .insertInto('criteria_sets')
      .values({ definition, based_on: input.basedOn ?? null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'criteria_sets',
      rowId: inserted.id,
      action: 'insert',
      before: null,
      after: inserted,
    });
    return savedSet(inserted);
  });
}

export function deleteCriteriaSet(db: Kysely<AdvocaseDatabase>, actor: string, setId: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    const rowId = rowIdOf(setId);
    if (rowId === null)
      throw new AppError('INVALID_INPUT', 'Sets shipped with Advocase cannot be deleted.', 'setId');
    const before = await trx
      .selectFrom('criteria_sets')
      .selectAll()
      .where('id', '=', rowId)
      .executeTakeFirst();
    if (!before)
      throw new AppError(
        'NOT_FOUND',
        'That criteria set does not exist (it may have been deleted).',
        'setId',
      );
    await trx.deleteFrom('criteria_sets').where('id', '=', rowId).execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'criteria_sets',
      rowId,
      action: 'delete',
      before,
      after: null,
    });
  });
}
