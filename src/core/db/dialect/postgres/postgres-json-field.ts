import { sql } from 'kysely';
import { assertJsonPath, type JsonField } from '../json-field';

/**
 * JSON stored as text, read as jsonb with `#>` (https://www.postgresql.org/docs/current/functions-json.html):
 * the field comes back as its JSON value, a number as a number and a string as a string, as
 * SQLite's json_extract returns it (`->>` would turn numbers into text).
 */
export const postgresJsonField: JsonField = {
  read<Value extends string | number>(column: Parameters<JsonField['read']>[0], path: string) {
    assertJsonPath(path);
    return sql<Value | null>`(${column})::jsonb #> ${`{${path.split('.').join(',')}}`}::text[]`;
  },
  readText(column, path) {
    assertJsonPath(path);
    return sql<string | null>`(${column})::jsonb #>> ${`{${path.split('.').join(',')}}`}::text[]`;
  },
  readNumber(column, path) {
    assertJsonPath(path);
    const field = sql`(${column})::jsonb #> ${`{${path.split('.').join(',')}}`}::text[]`;
    return sql<
      number | null
    >`CASE WHEN jsonb_typeof(${field}) = 'number' THEN (${field} #>> '{}')::numeric END`;
  },
};
