import { advocateProfileInputSchema, storedProfileSchema } from '../schemas/profile';
import { defineMethods, noInput } from './method-spec';

/** Settings → Profile: the letterhead and signature every letter is printed with. */
export const profileMethods = defineMethods({
  'profile.get': {
    doc: "The advocate's profile (letterhead and signature), or null before it is filled in.",
    input: noInput,
    output: storedProfileSchema,
  },
  'profile.save': {
    doc: 'Replaces the profile; phone and fax are checked and written as (555) 123-4567.',
    input: advocateProfileInputSchema,
    output: storedProfileSchema,
  },
});
