import { z } from 'zod';
import { verificationTargets } from '../domain/benefits-verification';
import { recordId, requiredText, optionalText } from './fields';
import { instant } from './events';

export const verificationQuestionSchema = z.strictObject({
  id: z.string().trim().min(1).max(60),
  text: requiredText('Question', 500),
  target: z.enum(verificationTargets, { error: 'Choose where the answer is recorded.' }),
});

export const verificationScriptSchema = z
  .array(verificationQuestionSchema)
  .min(1, 'Keep at least one question.')
  .max(60, 'At most 60 questions.')
  .refine(
    (questions) => new Set(questions.map((question) => question.id)).size === questions.length,
    'Each question needs its own id.',
  );

export const recordVerificationInputSchema = z.strictObject({
  caseId: recordId('Case'),
  occurredAt: instant('When'),
  repName: requiredText('Rep name', 120),
  referenceNumber: requiredText('Reference number', 100),
  answers: z
    .array(
      z.strictObject({
        questionId: z.string().min(1).max(60),
        question: z.string().max(500),
        answer: optionalText('Answer', 4000),
      }),
    )
    .max(60),
});

export const recordVerificationOutputSchema = z.object({
  eventId: recordId('Event'),
  /** Coverage fields that took an answer; empty when the case has no coverage linked. */
  updatedCoverageFields: z.array(z.string()),
});
