import type { RawBuilder } from 'kysely';

/**
 * Where empty values (NULL) sort. SQLite puts them first when ascending and last when descending;
 * PostgreSQL does the opposite unless told. The app was built on SQLite's order ("no advocate"
 * before "Dana"), so every engine sorts that way.
 */
export type NullOrdering = {
  /** The direction of one sort key, with NULLs first ascending and last descending. */
  readonly direction: (descending: boolean) => RawBuilder<unknown>;
};
