import { useMutation, useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { localToday } from '@shared/schemas/fields';
import { refreshOpenWork } from '../deadlines/refresh-open-work';
import styles from './Timeline.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

export function CaseTasks({ caseId }: { caseId: number }) {
  const tasks = useQuery({
    queryKey: queryKeys.tasks.ofCase(caseId),
    queryFn: () => callApi('tasks.listForCase', { caseId }),
  });
  const setDone = useMutation({
    mutationFn: (input: { taskId: number; isDone: boolean }) => callApi('tasks.setDone', input),
    // A dated task is open work: the header, the Deadlines tab, the Agenda and the caseload count it.
    onSuccess: () => refreshOpenWork(caseId),
  });
  const today = localToday();
  const canEdit = useCanEditRecords();
  return (
    <section className={styles.tasks} aria-labelledby="tasks-title">
      <h2 id="tasks-title" className={styles.sideTitle}>
        Tasks
      </h2>
      {tasks.data?.length === 0 && (
        <p className={styles.muted}>Nothing to do yet. A call's follow-up promise becomes a task here.</p>
      )}
      <ul className={styles.taskList}>
        {tasks.data?.map((task) => {
          const isOverdue = !task.doneAt && task.dueOn !== null && task.dueOn < today;
          return (
            <li key={task.id} className={task.doneAt ? styles.taskDone : undefined}>
              <label className={styles.task}>
                <input
                  type="checkbox"
                  checked={task.doneAt !== null}
                  // A team's viewer sees whether it is done, and cannot tick it.
                  disabled={!canEdit}
                  onChange={(event) => setDone.mutate({ taskId: task.id, isDone: event.target.checked })}
                />
                <span>
                  {task.title}
                  {task.dueOn && (
                    <span className={isOverdue ? styles.overdue : styles.muted}>
                      {' '}
                      · {isOverdue ? 'Overdue: ' : 'Due '}
                      {formatCalendarDate(task.dueOn)}
                    </span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
