import { z } from 'zod';
import { recordId } from './fields';

export const taskSchema = z.object({
  id: recordId('Task'),
  caseId: recordId('Case'),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  sourceEventId: z.number().nullable(),
});
export type Task = z.infer<typeof taskSchema>;
