import { z } from 'zod';

export const autoLockMinutesRange = { min: 1, max: 240, default: 15 } as const;

export const settingsSchema = z.object({
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a number of minutes.' })
    .int('Auto-lock must be a whole number of minutes.')
    .min(autoLockMinutesRange.min, `Auto-lock must be at least ${autoLockMinutesRange.min} minute.`)
    .max(autoLockMinutesRange.max, `Auto-lock must be at most ${autoLockMinutesRange.max} minutes.`),
});
export type Settings = z.infer<typeof settingsSchema>;
