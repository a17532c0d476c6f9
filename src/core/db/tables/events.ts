import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { TimelineEventType } from '../../../shared/domain/timeline-event-types';

/** A dated entry on a case's timeline: a call, a letter, a decision. */
export type EventsTable = {
  id: Generated<number>;
  case_id: number;
  type: TimelineEventType;
  /** ISO 8601 in UTC. */
  occurred_at: string;
  summary: string;
  /** JSON object with the fields particular to the event's type (src/shared/schemas/events.ts). */
  details: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string | null;
  deleted_at: string | null;
};

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
