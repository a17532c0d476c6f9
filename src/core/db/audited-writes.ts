import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { AppError } from '../errors';
import { inTransaction } from './in-transaction';
import type { AdvocaseDatabase } from './schema';
import { appendAuditEntry } from './audit-log';

/**
 * Every change to a row of a table goes through one of these three, so that it is recorded in the
 * audit log (what "history", undo and the attorney's chronology read) in the same transaction,
 * with the same entry whichever service made it.
 */
type TableWithId = {
  [T in keyof AdvocaseDatabase]: AdvocaseDatabase[T] extends { id: unknown } ? T : never;
}[keyof AdvocaseDatabase];

type TableWithUpdatedAt = {
  [T in keyof AdvocaseDatabase]: AdvocaseDatabase[T] extends { id: unknown; updated_at: unknown } ? T : never;
}[keyof AdvocaseDatabase];

/** Kysely cannot follow a table name held in a type parameter; the casts stay inside this file. */
type AnyRowDatabase = Kysely<Record<string, { id: number; updated_at: string }>>;

/** Inserts one row and records it (no row before, the row as written after). */
export function auditedInsert<T extends TableWithId>(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  table: T,
  values: Insertable<AdvocaseDatabase[T]>,
): Promise<Selectable<AdvocaseDatabase[T]>> {
  const tableName: string = table;
  return inTransaction(db, async (trx) => {
    const row = await (trx as unknown as AnyRowDatabase)
      .insertInto(tableName)
      .values(values as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: table,
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return row as unknown as Selectable<AdvocaseDatabase[T]>;
  });
}

/** Updates one row and records it with the row before and after. */
export function auditedUpdate<T extends TableWithUpdatedAt>(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  table: T,
  id: number,
  changes: Updateable<AdvocaseDatabase[T]>,
  notFoundMessage: string,
  notFoundField?: string,
): Promise<Selectable<AdvocaseDatabase[T]>> {
  const tableName: string = table;
  return inTransaction(db, async (trx) => {
    const typed = trx as unknown as AnyRowDatabase;
    const before = await typed.selectFrom(tableName).selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', notFoundMessage, notFoundField);
    const after = await typed
      .updateTable(tableName)
      .set({ ...(changes as object), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, { actor, tableName: table, rowId: id, action: 'update', before, after });
    return after as unknown as Selectable<AdvocaseDatabase[T]>;
  });
}

/** Keys of `changes` that were given (undefined means "leave as it is"). */
export function definedEntries<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Deletes one row and records it. `before` is what the entry keeps of the row: the row as it was,
 * or less where its content must not outlive it (the purge keeps only the id).
 */
export function auditedDelete<T extends TableWithId>(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  table: T,
  id: number,
  before: unknown,
): Promise<void> {
  const tableName: string = table;
  return inTransaction(db, async (trx) => {
    await (trx as unknown as AnyRowDatabase).deleteFrom(tableName).where('id', '=', id).execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: table,
      rowId: id,
      action: 'delete',
      before,
      after: null,
    });
  });
}
