import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../db/dialect/dialect-of';
import type { AdvocaseDatabase } from '../db/schema';

/** One field of a timeline event's `details` JSON (a dotted path reaches into an object). */
export function eventDetail<Value extends string | number>(
  db: Kysely<AdvocaseDatabase>,
  field: string,
): RawBuilder<Value | null> {
  return dialectOf(db).jsonField.read<Value>(sql.ref<string>('events.details'), field);
}
