import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A dated entry on a case's timeline: a call, a letter, a decision. */
export type EventsTable = {
  id: Generated<number>;
  case_id: number;
  type: string;
  /** ISO 8601 in UTC. */
  occurred_at: string;
  summary: string;
  /** JSON object with the fields particular to the event's type. */
  details: string;
  created_at: ColumnType<string, string, never>;
};

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
