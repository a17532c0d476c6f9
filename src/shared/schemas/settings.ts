import { z } from 'zod';
import { reminderSettingsSchema } from './deadlines';

export const autoLockMinutesRange = { min: 1, max: 240, default: 15 } as const;

export const settingsSchema = z.object({
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a number of minutes.' })
    .int('Auto-lock must be a whole number of minutes.')
    .min(autoLockMinutesRange.min, `Auto-lock must be at least ${autoLockMinutesRange.min} minute.`)
    .max(autoLockMinutesRange.max, `Auto-lock must be at most ${autoLockMinutesRange.max} minutes.`),
  // Deadline reminders (issue 4): days ahead to remind, and how early to ask for re-authorization.
  ...reminderSettingsSchema.shape,
});
export type Settings = z.infer<typeof settingsSchema>;
