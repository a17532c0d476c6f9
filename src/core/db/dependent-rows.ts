import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect/dialect-of';
import type { LogicalSchema, ReferentialAction } from './dialect/logical-schema';
import type { AdvocaseDatabase } from './schema';

/** One foreign key as the schema declares it. */
export type ForeignKey = {
  readonly table: string;
  readonly column: string;
  readonly parentTable: string;
  readonly onDelete: ReferentialAction;
};

/** Every single-column foreign key, read from the schema by the engine's dialect, never listed by hand. */
function foreignKeysOf(schema: LogicalSchema): ForeignKey[] {
  return schema.tables.flatMap((table) =>
    table.foreignKeys
      .filter((key) => key.columns.length === 1)
      .map((key) => ({
        table: table.name,
        column: key.columns[0]!,
        parentTable: key.referencedTable,
        onDelete: key.onDelete,
      })),
  );
}

/**
 * A key whose rows go when their parent goes. SET NULL and SET DEFAULT keep the row (a task that
 * named a deleted call as its source stays, without it); CASCADE deletes it, and RESTRICT or NO
 * ACTION means the purge must delete it first, so it goes too.
 */
function rowGoesWithParent(key: ForeignKey): boolean {
  return key.onDelete !== 'set null' && key.onDelete !== 'set default';
}

/**
 * The column naming a table's rows as the audit log names them: its id, or its one primary key
 * column. A link table (two keys, no id) has none; its audit entries name a row by one of its
 * keys, and are found through their content below.
 */
function rowIdColumnsOf(schema: LogicalSchema): Map<string, string> {
  const columns = new Map<string, string>();
  for (const table of schema.tables) {
    if (table.columns.some((column) => column.name === 'id')) columns.set(table.name, 'id');
    else if (table.primaryKey.length === 1) columns.set(table.name, table.primaryKey[0]!);
  }
  return columns;
}

/** The tables whose rows go, directly or through others, when rows of `roots` are deleted. */
export async function tablesGoingWith(
  db: Kysely<AdvocaseDatabase>,
  roots: readonly string[],
): Promise<string[]> {
  const keys = foreignKeysOf(await dialectOf(db).readLogicalSchema(db)).filter(rowGoesWithParent);
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
  const { readLogicalSchema, jsonField } = dialectOf(db);
  const schema = await readLogicalSchema(db);
  const keys = foreignKeysOf(schema).filter(rowGoesWithParent);
  const rowIdColumns = rowIdColumnsOf(schema);
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
      const rowIdColumn = rowIdColumns.get(key.table);
      const children = await inChunks(parentIds, async (chunk) => {
        const now = rowIdColumn
          ? await sql<{ id: number }>`
              SELECT ${sql.ref(rowIdColumn)} AS id FROM ${sql.table(key.table)}
              WHERE ${sql.ref(key.column)} IN (${sql.join(chunk)})`.execute(db)
          : { rows: [] };
        const before = await sql<{ id: number }>`
          SELECT DISTINCT row_id AS id FROM audit_log
          WHERE table_name = ${key.table}
            AND (${jsonField.readNumber(sql.ref('before'), key.column)} IN (${sql.join(chunk)})
              OR ${jsonField.readNumber(sql.ref('after'), key.column)} IN (${sql.join(chunk)}))`.execute(db);
        return [...now.rows, ...before.rows].map((row) => row.id);
      });
      add(key.table, children);
    }
  }
  return Object.fromEntries([...found].map(([table, ids]) => [table, [...ids].sort((a, b) => a - b)]));
}
