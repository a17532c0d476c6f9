import { z } from 'zod';
import { redactableFields } from '../domain/redactable-fields';
import { timelineEventTypes } from '../domain/timeline-event-types';
import { documentTypes, mediaTypes } from './vault';
import { optionalCalendarDate, optionalText, recordId } from './fields';

/**
 * Attorney export: a case summary PDF with a chronology and an exhibit index, and a ZIP
 * bundle of the summary with every chosen document numbered, Bates-stamped and hashed.
 */

const redactField = z.enum(redactableFields, {
  error: `Redact only these fields: ${redactableFields.join(', ')}.`,
});

/** What goes into the export: one case or all of one client's cases, filtered. */
export const exportSelectionSchema = z
  .strictObject({
    caseId: recordId('Case').optional(),
    clientId: recordId('Client').optional(),
    /** Event types in the chronology; all when left out. */
    eventTypes: z
      .array(z.enum(timelineEventTypes, { error: 'Event type is not one Advocase knows.' }))
      .max(timelineEventTypes.length)
      .optional(),
    from: optionalCalendarDate('From'),
    to: optionalCalendarDate('To'),
    /** Documents to number as exhibits; every document of the case (or client) when left out. */
    documentIds: z.array(recordId('Document')).max(2000, 'Choose at most 2,000 documents.').optional(),
    redact: z.array(redactField).max(redactableFields.length).default([]),
    attorneyName: optionalText('Attorney', 200),
  })
  .refine((input) => (input.caseId === undefined) !== (input.clientId === undefined), {
    message: 'Choose one case, or one client for all of their cases.',
    path: ['caseId'],
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: '"From" is after "To". Check both dates.',
    path: ['to'],
  });
export type ExportSelection = z.output<typeof exportSelectionSchema>;
export type ExportSelectionInput = z.input<typeof exportSelectionSchema>;

/** A Bates prefix as law firms write them: letters and digits, a dash or underscore at most between. */
export const batesPrefixSchema = z
  .string({ error: 'Bates prefix must be text.' })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9]{1,12}[-_]?$/,
    'Bates prefix is 1 to 12 letters or digits, e.g. ADV (numbers become ADV-000001).',
  )
  .default('ADV');

export const bundleOptionsShape = {
  batesPrefix: batesPrefixSchema,
  batesStart: z
    .number({ error: 'First Bates number must be a number.' })
    .int('First Bates number must be a whole number.')
    .min(1, 'First Bates number starts at 1.')
    .max(999_999, 'First Bates number must be at most 999999.')
    .default(1),
  /** When given, every entry of the ZIP is encrypted with AES-256 (WinZip AE-2). */
  password: z
    .string({ error: 'Password must be text.' })
    .min(12, 'Use a password of at least 12 characters; send it to the attorney separately.')
    .max(200, 'Password must be at most 200 characters.')
    .optional(),
};

export const bundleInputSchema = z.strictObject({
  selection: exportSelectionSchema,
  ...bundleOptionsShape,
});
export type BundleInput = z.output<typeof bundleInputSchema>;

export const summaryInputSchema = z.strictObject({ selection: exportSelectionSchema });

/** What the export dialog offers to choose from. */
export const exportChoicesInputSchema = z
  .strictObject({ caseId: recordId('Case').optional(), clientId: recordId('Client').optional() })
  .refine((input) => (input.caseId === undefined) !== (input.clientId === undefined), {
    message: 'Choose one case, or one client for all of their cases.',
    path: ['caseId'],
  });

export const exportChoicesSchema = z.object({
  title: z.string(),
  eventTypeCounts: z.array(z.object({ type: z.enum(timelineEventTypes), count: z.number().int() })),
  firstEventOn: z.string().nullable(),
  lastEventOn: z.string().nullable(),
  documents: z.array(
    z.object({
      id: recordId('Document'),
      fileName: z.string(),
      /** What the exhibit is, as the exhibit index names it: "Internal appeal to Aetna, sent 2026-12-06". */
      title: z.string(),
      documentType: z.enum(documentTypes),
      mediaType: z.enum(mediaTypes),
      documentDate: z.string().nullable(),
      pageCount: z.number().int().nullable(),
      /** Offered checked; false for a letter never marked sent (a draft), which the user may still add. */
      isPreselected: z.boolean(),
    }),
  ),
});
export type ExportChoices = z.infer<typeof exportChoicesSchema>;

export const summaryFileSchema = z.object({
  fileName: z.string(),
  /** Base64 of the PDF. */
  data: z.string(),
  pageCount: z.number().int(),
  exhibitCount: z.number().int(),
});
export type SummaryFile = z.infer<typeof summaryFileSchema>;

export const bundleReportSchema = z.object({
  fileName: z.string(),
  exhibitCount: z.number().int(),
  stampedPages: z.number().int(),
  firstBates: z.string().nullable(),
  lastBates: z.string().nullable(),
  isEncrypted: z.boolean(),
  sizeBytes: z.number().int(),
});
export type BundleReport = z.infer<typeof bundleReportSchema>;

export const bundleFileSchema = bundleReportSchema.extend({
  /** Base64 of the ZIP. */
  data: z.string(),
});
