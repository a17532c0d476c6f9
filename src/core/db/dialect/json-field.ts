import type { Expression, RawBuilder } from 'kysely';

/**
 * Reading one field of a JSON document stored in a column (SQLite keeps JSON as text and reads it
 * with json_extract; PostgreSQL with `->>` on jsonb).
 */
export type JsonField = {
  /** The field at `path` (dot-separated names, e.g. `deliveryProof.method`), or null when absent. */
  readonly read: <Value extends string | number>(
    column: Expression<string>,
    path: string,
  ) => RawBuilder<Value | null>;
};

/** Only plain names reach the SQL: a path is fixed by the code, never typed by a person. */
export function assertJsonPath(path: string): void {
  if (!/^[A-Za-z]+(\.[A-Za-z]+)*$/.test(path)) throw new Error('Not a JSON field path.');
}
