import type { ColumnType, Generated, Selectable } from 'kysely';

/** Something to do by a date: "call the rep back Friday", often promised during a call. */
export type TasksTable = {
  id: Generated<number>;
  case_id: number;
  title: string;
  due_on: string | null;
  done_at: string | null;
  source_event_id: number | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type TaskRow = Selectable<TasksTable>;
