import { sql, type Kysely } from 'kysely';
import type { AdvocaseDatabase } from './schema';

/** One foreign key as the schema declares it. */
export type ForeignKey = {
  readonly table: string;
  readonly column: string;
  readonly parentTable: string;
  readonly onDelete: string;
};

/** Every foreign key in the database, read from the schema (`PRAGMA foreign_key_list`), never listed by hand. */
export async function readForeignKeys(db: Kysely<AdvocaseDatabase>): Promise<ForeignKey[]> {
  const { rows } = await sql<{ table: string; column: string; parentTable: string; onDelete: string }>`
    SELECT m.name AS "table", f."from" AS "column", f."table" AS "parentTable", f.on_delete AS "onDelete"
    FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
    WHERE m.type = 'table'
    ORDER BY m.name, f.id`.execute(db);
  return rows;
}

/**
 * A key whose rows go when their parent goes. SET NULL and SET DEFAULT keep the row (a task that
 * named a deleted call as its source stays, without it); CASCADE deletes it, and RESTRICT or NO
 * ACTION means the purge must delete it first, so it goes too.
 */
function rowGoesWithParent(key: ForeignKey): boolean {
  return key.onDelete !== 'SET NULL' && key.onDelete !== 'SET DEFAULT';
}

/** The tables whose rows go, directly or through others, when rows of `roots` are deleted. */
export async function tablesGoingWith(
  db: Kysely<AdvocaseDatabase>,
  roots: readonly string[],
): Promise<string[]> {
  const keys = (await readForeignKeys(db)).filter(rowGoesWithParent);
  const reached = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const key of keys) {
      if (reached.has(key.parentTable) && !reached.has(key.table)) {
        reached.add(key.table);
        grew = true;
      }
    }
  }
  return [...reached].filter((table) => !roots.includes(table)).sort();
}

const chunkSize = 400;

function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const pieces: Array<Promise<T[]>> = [];
  for (let start = 0; start < ids.length; start += chunkSize)
    pieces.push(query(ids.slice(start, start + chunkSize)));
  return Promise.all(pieces).then((results) => results.flat());
}

/**
 * The rows that go with `roots` (row ids by table, roots included), following the schema's
 * foreign keys as far as they lead. A row counts as a child when it references a parent now, or
 * when an audit entry shows it did (a row deleted or moved earlier), since the audit log's copies
 * of such a row hold the parent's data as well.
 */
export async function rowsGoingWith(
  db: Kysely<AdvocaseDatabase>,
  roots: Readonly<Record<string, readonly number[]>>,
): Promise<Record<string, number[]>> {
  const keys = (await readForeignKeys(db)).filter(rowGoesWithParent);
  const found = new Map<string, Set<number>>();
  const queue: Array<[table: string, ids: number[]]> = [];
  const add = (table: string, ids: readonly number[]) => {
    const known = found.get(table) ?? new Set<number>();
    found.set(table, known);
    const fresh = ids.filter((id) => !known.has(id));
    fresh.forEach((id) => known.add(id));
    if (fresh.length > 0) queue.push([table, fresh]);
  };
  for (const [table, ids] of Object.entries(roots)) add(table, ids);
  while (queue.length > 0) {
    const [parentTable, parentIds] = queue.shift()!;
    for (const key of keys.filter((candidate) => candidate.parentTable === parentTable)) {
      const path = `$.${key.column}`;
      const children = await inChunks(parentIds, async (chunk) => {
        // rowid is the id where there is one, and still names a row of a link table without one.
        const now = await sql<{ id: number }>`
          SELECT rowid AS id FROM ${sql.table(key.table)} WHERE ${sql.ref(key.column)} IN (${sql.join(chunk)})`.execute(
          db,
        );
        const before = await sql<{ id: number }>`
          SELECT DISTINCT row_id AS id FROM audit_log
          WHERE table_name = ${key.table}
            AND (json_extract(before, ${path}) IN (${sql.join(chunk)})
              OR json_extract(after, ${path}) IN (${sql.join(chunk)}))`.execute(db);
        return [...now.rows, ...before.rows].map((row) => row.id);
      });
      add(key.table, children);
    }
  }
  return Object.fromEntries([...found].map(([table, ids]) => [table, [...ids].sort((a, b) => a - b)]));
}
