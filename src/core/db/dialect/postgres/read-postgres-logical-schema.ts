import { sql } from 'kysely';
import type {
  LogicalForeignKey,
  LogicalSchema,
  LogicalTable,
  LogicalType,
  ReferentialAction,
  ReadLogicalSchema,
} from '../logical-schema';
import { teamOnlyTables } from '../../../team/team-only-schema';
import { postgresSearchTables } from './postgres-search-tables';

/** PostgreSQL's types as the migrations use them, by their internal (udt) names. */
function logicalType(udtName: string): LogicalType {
  if (['int2', 'int4', 'int8'].includes(udtName)) return 'integer';
  if (['text', 'varchar', 'bpchar', 'citext'].includes(udtName)) return 'text';
  if (['float4', 'float8', 'numeric'].includes(udtName)) return 'real';
  if (udtName === 'bytea') return 'blob';
  throw new Error(`No logical type for the PostgreSQL type ${udtName}.`);
}

// pg_constraint.confdeltype (https://www.postgresql.org/docs/current/catalog-pg-constraint.html).
const referentialActions: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

const byName = <Item extends { name: string }>(a: Item, b: Item) => a.name.localeCompare(b.name);

/**
 * The logical schema of a PostgreSQL database's current schema, read from information_schema and
 * the catalog. Unique keys are read from unique indexes (partial ones included, expression ones
 * left out), as SQLite's reader reads them, so a key made either way compares the same.
 */
export const readPostgresLogicalSchema: ReadLogicalSchema = async (db) => {
  const { rows: tableRows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  const { rows: columnRows } = await sql<{
    table: string;
    name: string;
    udt: string;
    nullable: string;
    default: string | null;
  }>`
    SELECT table_name AS "table", column_name AS name, udt_name AS udt, is_nullable AS nullable,
           column_default AS "default"
    FROM information_schema.columns WHERE table_schema = current_schema()`.execute(db);
  const { rows: keyRows } = await sql<{
    table: string;
    kind: 'p' | 'u' | 'f';
    columns: string[];
    referencedTable: string | null;
    referencedColumns: string[] | null;
    onDelete: string | null;
  }>`
    SELECT t.relname AS "table", 'p' AS kind,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
           NULL AS "referencedTable", NULL::text[] AS "referencedColumns", NULL AS "onDelete"
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.contype = 'p' AND t.relnamespace = current_schema()::regnamespace
    UNION ALL
    SELECT t.relname, 'u',
           ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n),
           NULL, NULL, NULL
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
    WHERE i.indisunique AND NOT i.indisprimary AND i.indexprs IS NULL
      AND t.relnamespace = current_schema()::regnamespace
    UNION ALL
    SELECT t.relname, 'f',
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n),
           r.relname,
           ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n),
           c.confdeltype::text
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace`.execute(db);

  // Team mode's own tables are no part of the schema both chains share (team-only-schema.ts).
  const isEngineTable = (name: string) =>
    name.startsWith('kysely_') || postgresSearchTables.includes(name) || teamOnlyTables.includes(name);
  const tables: LogicalTable[] = tableRows
    .filter((table) => !isEngineTable(table.name))
    .map(({ name }) => {
      const keys = keyRows.filter((key) => key.table === name);
      return {
        name,
        columns: columnRows
          .filter((column) => column.table === name)
          .map((column) => ({
            name: column.name,
            type: logicalType(column.udt),
            isNullable: column.nullable === 'YES',
            // An identity column numbers rows as SQLite's integer primary key does: not a default.
            hasDefault: column.default !== null,
          }))
          .sort(byName),
        primaryKey: keys.find((key) => key.kind === 'p')?.columns ?? [],
        uniqueKeys: keys
          .filter((key) => key.kind === 'u')
          .map((key) => key.columns)
          .sort((a, b) => a.join().localeCompare(b.join())),
        foreignKeys: keys
          .filter((key) => key.kind === 'f')
          .map((key): LogicalForeignKey => ({
            columns: key.columns,
            referencedTable: key.referencedTable!,
            referencedColumns: key.referencedColumns!,
            onDelete: referentialActions[key.onDelete!]!,
          }))
          .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
      };
    });
  return { tables: tables.sort(byName) } satisfies LogicalSchema;
};
