import { sql, type RawBuilder } from 'kysely';

/**
 * One field of a timeline event's `details` JSON (a dotted path reaches into an object). The only SQLite-specific SQL of the
 * outcomes figures (json_extract, https://sqlite.org/json1.html#jex); a PostgreSQL store would
 * write `events.details::jsonb ->> 'field'` here and nowhere else.
 */
export function eventDetail<Value extends string | number>(field: string): RawBuilder<Value | null> {
  if (!/^[A-Za-z]+(\.[A-Za-z]+)?$/.test(field)) throw new Error('Not a details field name.');
  return sql<Value | null>`json_extract(events.details, ${`$.${field}`})`;
}
