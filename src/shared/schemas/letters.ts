import { z } from 'zod';
import type { LetterDocument } from '../domain/letter-document';
import { letterDeliveryMethods, letterKinds, letterStatuses } from '../domain/letter-kinds';
import { calendarDate, recordId, requiredText } from './fields';

const letterRunSchema = z.strictObject({
  text: z.string().max(20_000, 'A piece of text in the letter is longer than 20,000 characters.'),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
const runsSchema = z.array(letterRunSchema).max(2000);
const itemsSchema = z.array(runsSchema).min(1, 'A list needs at least one item.').max(500);

/** The letter as the editor saves it: structured blocks, never HTML (see letter-document.ts). */
export const letterDocumentSchema: z.ZodType<LetterDocument, LetterDocument> = z.strictObject({
  blocks: z
    .array(
      z.discriminatedUnion(
        'type',
        [
          z.strictObject({ type: z.literal('heading'), runs: runsSchema }),
          z.strictObject({ type: z.literal('paragraph'), runs: runsSchema }),
          z.strictObject({ type: z.literal('bulleted_list'), items: itemsSchema }),
          z.strictObject({ type: z.literal('numbered_list'), items: itemsSchema }),
        ],
        { error: 'Each part of the letter must be a heading, a paragraph or a list.' },
      ),
    )
    .max(2000, 'The letter is too long to save (more than 2,000 paragraphs).'),
});

/** A template's id: lower-case words joined by hyphens, as in its file's front matter. */
export const letterTemplateIdSchema = z
  .string({ error: 'Template id is required.' })
  .trim()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Template id must be lower-case letters and digits joined by hyphens, for example my-appeal.',
  )
  .max(80, 'Template id must be at most 80 characters.');

export const letterTemplateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(letterKinds),
  description: z.string(),
  /** Shipped with Advocase: read-only, can be duplicated. */
  isShipped: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type LetterTemplateSummary = z.infer<typeof letterTemplateSummarySchema>;

export const letterTemplateSchema = letterTemplateSummarySchema.extend({
  /** The letter's text: the Markdown subset with {{placeholders}} (docs/letter-placeholders.md). */
  body: z.string(),
  /** Placeholders the body uses, in order of first use. */
  placeholders: z.array(z.string()),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

export const saveLetterTemplateInputSchema = z.strictObject({
  /** A user template's id to change it; absent to add a new one with the id below. */
  templateId: letterTemplateIdSchema.optional(),
  newId: letterTemplateIdSchema.optional(),
  title: requiredText('Title', 200),
  kind: z.enum(letterKinds, { error: 'Choose what kind of letter this is.' }),
  description: requiredText('Description', 300),
  body: requiredText('Template text', 100_000),
});

export const letterTemplateFileSchema = z.object({
  fileName: z.string(),
  /** The template as a Markdown file with front matter, ready to save. */
  text: z.string(),
});

export const placeholderDocSchema = z.object({
  name: z.string(),
  /** What fills it, in words a template author reads. */
  filledFrom: z.string(),
  isBlock: z.boolean(),
  /** What the letter shows when the case does not hold the fact. */
  whenMissing: z.string(),
});
export type PlaceholderDoc = z.infer<typeof placeholderDocSchema>;

export const letterSummarySchema = z.object({
  id: recordId('Letter'),
  caseId: recordId('Case'),
  templateId: z.string(),
  title: z.string(),
  kind: z.enum(letterKinds),
  status: z.enum(letterStatuses),
  sentOn: z.string().nullable(),
  sentVia: z.enum(letterDeliveryMethods).nullable(),
  /** How many "[… — not recorded]" prompts are still in the text. */
  unfilledCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterSchema = letterSummarySchema.extend({
  body: letterDocumentSchema,
  /** Vault documents sent with the letter, in the order they are listed. */
  enclosureDocumentIds: z.array(z.number().int()),
  /** Every prompt still in the text, for the list shown before export. */
  unfilledPrompts: z.array(z.string()),
});
export type Letter = z.infer<typeof letterSchema>;

const enclosureIdsSchema = z
  .array(recordId('Enclosure'))
  .max(200, 'A letter can list at most 200 enclosures.')
  .refine((ids) => new Set(ids).size === ids.length, 'Each document can be enclosed only once.');

export const createLetterInputSchema = z.strictObject({
  caseId: recordId('Case'),
  templateId: letterTemplateIdSchema,
  enclosureDocumentIds: enclosureIdsSchema.default([]),
});

export const updateLetterInputSchema = z.strictObject({
  letterId: recordId('Letter'),
  changes: z.strictObject({
    title: requiredText('Title', 200).optional(),
    body: letterDocumentSchema.optional(),
    enclosureDocumentIds: enclosureIdsSchema.optional(),
    status: z.enum(letterStatuses, { error: 'Status must be draft or sent.' }).optional(),
    sentOn: calendarDate('Sent on', { notInFuture: true }).nullable().optional(),
    sentVia: z
      .enum(letterDeliveryMethods, { error: 'Sent by must be fax, portal, mail, email or in person.' })
      .nullable()
      .optional(),
  }),
});
