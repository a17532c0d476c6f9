import type { Kysely, Selectable, Updateable } from 'kysely';
import { AppError } from '../errors';
import { inTransaction } from './in-transaction';
import type { AdvocaseDatabase } from './schema';
import { appendAuditEntry } from './audit-log';

type TableWithId = {
  [T in keyof AdvocaseDatabase]: AdvocaseDatabase[T] extends { id: unknown; updated_at: unknown } ? T : never;
}[keyof AdvocaseDatabase];

/**
 * Updates one row and records it in the audit log with the row before and after, in one
 * transaction: the audit log is what "history", undo and the attorney's chronology read.
 */
export function auditedUpdate<T extends TableWithId>(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  table: T,
  id: number,
  changes: Updateable<AdvocaseDatabase[T]>,
  notFoundMessage: string,
): Promise<Selectable<AdvocaseDatabase[T]>> {
  // Kysely cannot follow a table name held in a type parameter; the casts stay inside this helper.
  const tableName: string = table;
  return inTransaction(db, async (trx) => {
    const typed = trx as unknown as Kysely<Record<string, { id: number; updated_at: string }>>;
    const before = await typed.selectFrom(tableName).selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', notFoundMessage);
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
