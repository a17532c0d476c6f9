import { z } from 'zod';
import {
  addEventInputSchema,
  listEventsInputSchema,
  listEventsOutputSchema,
  timelineEventSchema,
} from '../schemas/events';
import { recordId } from '../schemas/fields';
import { taskSchema } from '../schemas/tasks';
import { defineMethods } from './method-spec';

export const eventsMethods = defineMethods({
  'events.add': {
    doc: "Adds an entry to a case's timeline; a call's follow-up promise becomes a task.",
    input: addEventInputSchema,
    output: timelineEventSchema,
  },
  'events.list': {
    doc: "A case's timeline, filtered by type and text, newest or oldest first.",
    input: listEventsInputSchema,
    output: listEventsOutputSchema,
  },
});

export const tasksMethods = defineMethods({
  'tasks.listForCase': {
    doc: "A case's tasks, open ones first by due date.",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: z.array(taskSchema),
  },
  'tasks.setDone': {
    doc: 'Marks a task done (or not done again).',
    input: z.strictObject({ taskId: recordId('Task'), isDone: z.boolean() }),
    output: taskSchema,
  },
});
