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
  /** The field at `path` as text, to compare with text (a number as its digits); null when absent. */
  readonly readText: (column: Expression<string>, path: string) => RawBuilder<string | null>;
  /** The number at `path`, to compare with numbers; null when absent or not a number. */
  readonly readNumber: (column: Expression<string | null>, path: string) => RawBuilder<number | null>;
};

/** Only plain names reach the SQL: a path is fixed by the code, never typed by a person. */
export function assertJsonPath(path: string): void {
  if (!/^[A-Za-z_]+(\.[A-Za-z_]+)*$/.test(path)) throw new Error('Not a JSON field path.');
}
