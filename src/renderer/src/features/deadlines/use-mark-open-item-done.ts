import { useMutation } from '@tanstack/react-query';
import type { AgendaItem, AgendaItemRef } from '@shared/schemas/deadlines';
import { callApi } from '../../lib/api';
import { refreshOpenWork } from './refresh-open-work';

export function refOfOpenItem(item: AgendaItem): AgendaItemRef {
  return item.source === 'task'
    ? { source: 'task', taskId: item.taskId! }
    : { source: 'deadline', caseId: item.caseId, deadlineKey: item.deadlineKey! };
}

/** "Mark done" on an open item, from the Agenda or a case's Deadlines tab: a note goes on its timeline. */
export function useMarkOpenItemDone(onDone: (item: AgendaItem) => void) {
  return useMutation({
    mutationFn: (item: AgendaItem) =>
      callApi('deadlines.markDone', { item: refOfOpenItem(item), note: null }),
    onSuccess: async (_, item) => {
      await refreshOpenWork(item.caseId);
      onDone(item);
    },
  });
}
