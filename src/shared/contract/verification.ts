import {
  recordVerificationInputSchema,
  recordVerificationOutputSchema,
  verificationScriptSchema,
} from '../schemas/verification';
import { defineMethods, noInput } from './method-spec';
import { z } from 'zod';

export const verificationMethods = defineMethods({
  'verification.getScript': {
    doc: 'The questions of the benefits verification call, as the user last edited them.',
    input: noInput,
    output: verificationScriptSchema,
  },
  'verification.saveScript': {
    doc: 'Replaces the benefits verification questions.',
    input: z.strictObject({ questions: verificationScriptSchema }),
    output: verificationScriptSchema,
  },
  'verification.record': {
    doc: "Logs a benefits verification call (rep, reference, every answer) and writes mapped answers into the case's coverage.",
    input: recordVerificationInputSchema,
    output: recordVerificationOutputSchema,
  },
});
