import type { HandlersOf } from '../../../shared/contract/index';
import { addTimelineEvent, listTimelineEvents } from '../../events/events-service';
import { listTasksOfCase, setTaskDone } from '../../tasks/tasks-service';
import type { HandlerContext } from './handler-context';

export function eventsHandlers({ session }: HandlerContext): HandlersOf<'events'> {
  return {
    'events.add': ({ caseId, event }) =>
      session.useStore(({ db }) => addTimelineEvent(db, session.actor, caseId, event)),
    'events.list': (query) => session.useStore(({ db }) => listTimelineEvents(db, query)),
  };
}

export function tasksHandlers({ session }: HandlerContext): HandlersOf<'tasks'> {
  return {
    'tasks.listForCase': ({ caseId }) => session.useStore(({ db }) => listTasksOfCase(db, caseId)),
    'tasks.setDone': ({ taskId, isDone }) =>
      session.useStore(({ db }) => setTaskDone(db, session.actor, taskId, isDone)),
  };
}
