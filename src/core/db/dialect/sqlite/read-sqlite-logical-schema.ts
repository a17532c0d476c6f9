import { sql } from 'kysely';
import type {
  LogicalForeignKey,
  LogicalSchema,
  LogicalType,
  ReadLogicalSchema,
  ReferentialAction,
} from '../logical-schema';

// FTS5 keeps each virtual table's index in shadow tables named after it.
const fts5ShadowSuffixes = ['_data', '_idx', '_content', '_docsize', '_config'];

/** SQLite's type affinity rules, for the declared types the migrations use (https://sqlite.org/datatype3.html#affinity_name_examples). */
function logicalType(declared: string): LogicalType {
  const type = declared.toLowerCase();
  if (type.includes('int')) return 'integer';
  if (type.includes('char') || type.includes('clob') || type.includes('text')) return 'text';
  if (type === '' || type.includes('blob')) return 'blob';
  return 'real';
}

const byName = <Item extends { name: string }>(a: Item, b: Item) => a.name.localeCompare(b.name);

/** The logical schema of a SQLite store, read from sqlite_schema and the table pragmas. */
export const readSqliteLogicalSchema: ReadLogicalSchema = async (db) => {
  const { rows: objects } = await sql<{ name: string; sql: string | null }>`
    SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name`.execute(db);
  const virtualTables = objects
    .filter((object) => /^create virtual table/i.test(object.sql ?? ''))
    .map((object) => object.name);
  const isEngineTable = (name: string) =>
    name.startsWith('sqlite_') ||
    name.startsWith('kysely_') ||
    virtualTables.some(
      (virtual) => name === virtual || fts5ShadowSuffixes.some((suffix) => name === `${virtual}${suffix}`),
    );
  const tables = [];
  for (const { name } of objects.filter((object) => !isEngineTable(object.name))) {
    const { rows: columns } = await sql<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(${name})`.execute(db);
    const { rows: keys } = await sql<{
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }>`
      SELECT id, seq, "table", "from", "to", on_delete FROM pragma_foreign_key_list(${name}) ORDER BY id, seq`.execute(
      db,
    );
    const { rows: uniqueIndexes } = await sql<{ name: string }>`
      SELECT name FROM pragma_index_list(${name}) WHERE "unique" = 1 AND origin <> 'pk'`.execute(db);
    const uniqueKeys: string[][] = [];
    for (const index of uniqueIndexes) {
      const { rows: indexColumns } = await sql<{ name: string | null }>`
        SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`.execute(db);
      // An index on an expression has no column names: not a key of columns.
      if (indexColumns.every((column) => column.name !== null)) {
        uniqueKeys.push(indexColumns.map((column) => column.name!));
      }
    }
    const foreignKeys = new Map<
      number,
      LogicalForeignKey & { columns: string[]; referencedColumns: string[] }
    >();
    for (const key of keys) {
      const entry = foreignKeys.get(key.id) ?? {
        columns: [],
        referencedTable: key.table,
        referencedColumns: [],
        // pragma_foreign_key_list spells the actions in capitals (NO ACTION, SET NULL, CASCADE).
        onDelete: key.on_delete.toLowerCase() as ReferentialAction,
      };
      entry.columns.push(key.from);
      // A reference without columns is to the referenced table's primary key.
      if (key.to !== null) entry.referencedColumns.push(key.to);
      foreignKeys.set(key.id, entry);
    }
    const primaryKey = columns
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    tables.push({
      name,
      columns: columns
        .map((column) => ({
          name: column.name,
          type: logicalType(column.type),
          // SQLite lets a non-integer primary key column hold null unless it says NOT NULL; the
          // application never stores one, so it is read as the other engines declare it.
          isNullable: column.notnull === 0 && column.pk === 0,
          hasDefault: column.dflt_value !== null,
        }))
        .sort(byName),
      primaryKey,
      uniqueKeys: uniqueKeys.map((key) => [...key]).sort((a, b) => a.join().localeCompare(b.join())),
      foreignKeys: [...foreignKeys.values()].sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    });
  }
  return { tables: tables.sort(byName) } satisfies LogicalSchema;
};
