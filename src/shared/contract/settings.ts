import { z } from 'zod';
import { settingsSchema } from '../schemas/settings';
import { defineMethods, noInput } from './method-spec';

export const settingsMethods = defineMethods({
  'settings.get': {
    doc: 'The preferences stored inside the encrypted store.',
    input: noInput,
    output: settingsSchema,
  },
  'settings.update': {
    doc: 'Changes some preferences and returns all of them.',
    input: z.strictObject({ autoLockMinutes: settingsSchema.shape.autoLockMinutes.optional() }),
    output: settingsSchema,
  },
});
