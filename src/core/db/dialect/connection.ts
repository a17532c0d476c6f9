import type { Kysely } from 'kysely';

/**
 * Opening a connection, the one step that differs wholly between engines: a SQLite store is a
 * file and a key, a PostgreSQL one a server and a login. What comes back is a Kysely connection
 * whose queries `dialectOf` answers with the engine's SQL.
 */
export type OpenConnection<Location> = <Database>(location: Location) => Kysely<Database>;
