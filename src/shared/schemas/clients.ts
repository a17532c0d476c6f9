import { z } from 'zod';
import { usStateCodes } from '../domain/us-states';
import { optionalCalendarDate, recordId, requiredText } from './fields';

export const createClientInputSchema = z.strictObject({
  fullName: requiredText('Name', 200),
  dateOfBirth: optionalCalendarDate('Date of birth', { notInFuture: true }),
  state: z
    .string({ error: 'State must be text.' })
    .trim()
    .toUpperCase()
    .refine(
      (code) => code === '' || (usStateCodes as readonly string[]).includes(code),
      'State must be a two-letter US state code such as CA or NY.',
    )
    .nullish()
    .transform((code) => (code ? code : null)),
});
export type CreateClientInput = z.input<typeof createClientInputSchema>;

export const clientSchema = z.object({
  id: recordId('Client'),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  state: z.string().nullable(),
  createdAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;
