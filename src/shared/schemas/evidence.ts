import { z } from 'zod';
import { evidenceItemKeys, evidenceStatuses } from '../domain/evidence-checklist';
import { clinicalFactAnswers, clinicalFactKeys } from '../domain/treatment-history';
import { optionalText, recordId } from './fields';
import { checkOneSource, evidenceSourceSchema, sourceShape } from './treatment-history';

const itemKey = z.enum(evidenceItemKeys, { error: 'That checklist item is not one Advocase knows.' });

export const caseIdInputSchema = z.strictObject({ caseId: recordId('Case') });

export const evidenceLinkSchema = z.object({
  id: z.number().int(),
  itemKey,
  target: evidenceSourceSchema,
  note: z.string().nullable(),
});
export type EvidenceLinkDto = z.infer<typeof evidenceLinkSchema>;

export const evidenceItemSchema = z.object({
  key: itemKey,
  label: z.string(),
  hint: z.string(),
  status: z.enum(evidenceStatuses),
  /** The advocate set the status by hand (it wins over the automatic one). */
  isManual: z.boolean(),
  /** The advocate's reason for a status set by hand. */
  reason: z.string().nullable(),
  /** What is still needed, or why it is judged as it is; null when done. */
  explanation: z.string().nullable(),
  links: z.array(evidenceLinkSchema),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const readinessSchema = z.object({
  percent: z.number().int(),
  done: z.number().int(),
  partial: z.number().int(),
  missing: z.number().int(),
  applicable: z.number().int(),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const evidenceChecklistSchema = z.object({
  caseId: z.number().int(),
  readiness: readinessSchema,
  items: z.array(evidenceItemSchema),
  /** ICD-10-CM codes on the case, shown beside the diagnosis item. */
  diagnosisCodes: z.array(z.string()),
});
export type EvidenceChecklist = z.infer<typeof evidenceChecklistSchema>;

export const linkEvidenceInputSchema = z
  .strictObject({
    caseId: recordId('Case'),
    itemKey,
    documentId: recordId('Document')
      .nullish()
      .transform((value) => value ?? null),
    eventId: recordId('Timeline entry')
      .nullish()
      .transform((value) => value ?? null),
    note: optionalText('Note', 500),
  })
  .superRefine((value, context) => {
    if ((value.documentId === null) === (value.eventId === null)) {
      context.addIssue({
        code: 'custom',
        path: ['documentId'],
        message: 'Choose one document or one timeline entry to link.',
      });
    }
  });

export const unlinkEvidenceInputSchema = z.strictObject({ linkId: recordId('Link') });

/** `automatic` clears a status set by hand, so the item is judged from its links again. */
export const itemStatusChoices = ['automatic', ...evidenceStatuses] as const;
export type ItemStatusChoice = (typeof itemStatusChoices)[number];

export const setItemStatusInputSchema = z
  .strictObject({
    caseId: recordId('Case'),
    itemKey,
    status: z.enum(itemStatusChoices, {
      error: 'Status must be automatic, missing, partial, done or not applicable.',
    }),
    reason: optionalText('Reason', 500),
  })
  .superRefine((value, context) => {
    if (value.status === 'not_applicable' && value.reason === null) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why this item does not apply to the case (a reviewer will ask).',
      });
    }
  });

export const clinicalFactSchema = z.object({
  key: z.enum(clinicalFactKeys),
  label: z.string(),
  answer: z.enum(clinicalFactAnswers),
  source: evidenceSourceSchema.nullable(),
  note: z.string().nullable(),
});
export type ClinicalFactDto = z.infer<typeof clinicalFactSchema>;

export const setClinicalFactInputSchema = z
  .strictObject({
    caseId: recordId('Case'),
    key: z.enum(clinicalFactKeys, { error: 'That clinical fact is not one Advocase knows.' }),
    answer: z.enum(clinicalFactAnswers, { error: 'Answer yes, no or unknown.' }),
    ...sourceShape,
    note: optionalText('Note', 500),
  })
  .superRefine(checkOneSource);
