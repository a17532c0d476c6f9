import { sql, type Kysely } from 'kysely';
import type { Task } from '../../shared/schemas/tasks';
import { auditedUpdate } from '../db/audited-update';
import type { AdvocaseDatabase } from '../db/schema';
import type { TaskRow } from '../db/tables/tasks';
import { assertCaseExists } from '../events/events-service';

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    dueOn: row.due_on,
    doneAt: row.done_at,
    sourceEventId: row.source_event_id,
  };
}

export async function listTasksOfCase(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<Task[]> {
  await assertCaseExists(db, caseId);
  const rows = await db
    .selectFrom('tasks')
    .selectAll()
    .where('case_id', '=', caseId)
    // Open first, soonest due first, undated last.
    .orderBy(sql`done_at is not null`)
    .orderBy(sql`due_on is null`)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map(toTask);
}

export async function setTaskDone(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  taskId: number,
  isDone: boolean,
): Promise<Task> {
  const row = await auditedUpdate(
    db,
    actor,
    'tasks',
    taskId,
    { done_at: isDone ? new Date().toISOString() : null },
    `There is no task with id ${taskId}.`,
  );
  return toTask(row);
}
