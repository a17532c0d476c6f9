import { sql, type Kysely } from 'kysely';
import type { Task } from '../../shared/schemas/tasks';
import { auditedUpdate } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { TaskRow } from '../db/tables/tasks';
import { recomputeCaseDeadlines } from '../deadlines/recompute';
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

/**
 * Ticks a task done or open again. A dated task is open work on its case (deadlines/open-items.ts),
 * so the case's next deadline and overdue count are recomputed with it.
 */
export function setTaskDone(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  taskId: number,
  isDone: boolean,
): Promise<Task> {
  return inTransaction(db, async (trx) => {
    const row = await auditedUpdate(
      trx,
      actor,
      'tasks',
      taskId,
      { done_at: isDone ? new Date().toISOString() : null },
      `There is no task with id ${taskId}.`,
    );
    await recomputeCaseDeadlines(trx, actor, row.case_id);
    return toTask(row);
  });
}
