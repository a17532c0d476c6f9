import { sql } from 'kysely';
import { assertJsonPath, type JsonField } from '../json-field';

/** JSON stored as text, read with json_extract (https://sqlite.org/json1.html#jex). */
export const sqliteJsonField: JsonField = {
  read<Value extends string | number>(column: Parameters<JsonField['read']>[0], path: string) {
    assertJsonPath(path);
    return sql<Value | null>`json_extract(${column}, ${`$.${path}`})`;
  },
  readText(column, path) {
    assertJsonPath(path);
    return sql<string | null>`json_extract(${column}, ${`$.${path}`})`;
  },
  readNumber(column, path) {
    assertJsonPath(path);
    return sql<number | null>`json_extract(${column}, ${`$.${path}`})`;
  },
};
