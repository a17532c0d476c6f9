import { z } from 'zod';
import { optionalCalendarDate, optionalText, recordId } from './fields';

export const documentTypes = [
  'medical_records',
  'diagnosis_test_results',
  'physician_letter',
  'letter_of_medical_necessity',
  'peer_reviewed_study',
  'policy_document',
  'denial_letter',
  'eob',
  'appeal_letter',
  'authorization_form',
  'insurance_card',
  'letter',
  'submission_packet',
  'correspondence',
  'other',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentTypeLabels: Readonly<Record<DocumentType, string>> = {
  medical_records: 'Medical records',
  diagnosis_test_results: 'Diagnosis / test results',
  physician_letter: 'Physician letter',
  letter_of_medical_necessity: 'Letter of medical necessity',
  peer_reviewed_study: 'Peer-reviewed study',
  policy_document: 'Policy document',
  denial_letter: 'Denial letter',
  eob: 'Explanation of benefits (EOB)',
  appeal_letter: 'Appeal letter',
  authorization_form: 'Authorization form',
  insurance_card: 'Insurance card',
  letter: 'Letter',
  submission_packet: 'Submission packet',
  correspondence: 'Correspondence',
  other: 'Other',
};

/** What the vault accepts, recognised by content, not only by name. */
export const mediaTypes = ['pdf', 'png', 'jpeg', 'heic', 'docx', 'txt', 'eml'] as const;
export type MediaType = (typeof mediaTypes)[number];

/**
 * Whether the document's words are searchable: `indexed`; `no_text` (a scan or a picture with no
 * text layer, until its text is recognised by OCR); `too_large` (stored, but too big to read for search);
 * `unreadable` (the file could not be parsed, e.g. a broken PDF).
 */
export const textStatuses = ['indexed', 'no_text', 'too_large', 'unreadable'] as const;
export type TextStatus = (typeof textStatuses)[number];

const documentId = recordId('Document');

const tagSchema = z
  .string({ error: 'Each tag must be text.' })
  .trim()
  .min(1, 'A tag cannot be blank.')
  .max(40, 'A tag must be at most 40 characters.');

export const documentSummarySchema = z.object({
  id: documentId,
  fileName: z.string(),
  mediaType: z.enum(mediaTypes),
  documentType: z.enum(documentTypes),
  suggestedType: z.enum(documentTypes),
  isTypeConfirmed: z.boolean(),
  documentDate: z.string().nullable(),
  source: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  tags: z.array(z.string()),
  textStatus: z.enum(textStatuses),
  /** Set when the indexed text was recognised from the page images by OCR; null for a file's own text. */
  recognisedText: z
    .object({
      /** Tesseract's mean word confidence, 0–100. */
      confidence: z.number().int(),
      recognisedAt: z.string(),
    })
    .nullable(),
  sizeBytes: z.number().int(),
  addedAt: z.string(),
  /** When it went to the trash; null when in use. */
  deletedAt: z.string().nullable(),
  caseIds: z.array(z.number().int()),
  clientIds: z.array(z.number().int()),
  eventIds: z.array(z.number().int()),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** Where a new document is filed, or a link added or removed: exactly one record. */
export const documentTargetSchema = z
  .strictObject({
    caseId: recordId('Case').optional(),
    clientId: recordId('Client').optional(),
    eventId: recordId('Timeline event').optional(),
  })
  .refine(
    (target) =>
      [target.caseId, target.clientId, target.eventId].filter((id) => id !== undefined).length === 1,
    { message: 'Choose one case, client or timeline event to file the document to.' },
  );
export type DocumentTarget = z.output<typeof documentTargetSchema>;

/** Uploads travel in pieces of at most 2 MiB, so each request stays under the web harness's 4 MB limit as base64. */
export const uploadPieceBytes = 2 * 1024 * 1024;

/**
 * A document's name, never a place on disk (docs/security.md §2): a slash or backslash (a folder, a drive,
 * a share, a file: address) is refused, so no caller can name where a file goes.
 */
function documentFileName(maximumLength: number) {
  return z
    .string({ error: 'File name is required.' })
    .trim()
    .min(1, 'File name is required.')
    .max(maximumLength, `File name must be at most ${maximumLength} characters.`)
    .refine((name) => !/[/\\]/.test(name), 'A file name cannot contain / or \\. Type the name only.');
}

export const uploadBeginInputSchema = z.strictObject({
  fileName: documentFileName(1000),
});

export const uploadAppendInputSchema = z.strictObject({
  uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'That upload is not known.'),
  /** Base64 of the next piece of the file. */
  data: z
    .string()
    .max(Math.ceil(uploadPieceBytes / 3) * 4, 'Each piece of an upload must be at most 2 MiB.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The upload piece is not base64.'),
});

export const uploadFinishInputSchema = z.strictObject({
  uploadId: uploadAppendInputSchema.shape.uploadId,
  target: documentTargetSchema,
});

export const addOutcomes = ['added', 'duplicate', 'rejected'] as const;

/** One file's result in a batch: the batch goes on whatever happens to one file. */
export const addResultSchema = z.object({
  outcome: z.enum(addOutcomes),
  fileName: z.string(),
  /** A sentence for the person: what happened to this file. */
  message: z.string(),
  document: documentSummarySchema.nullable(),
});
export type AddResult = z.infer<typeof addResultSchema>;

export const listDocumentsInputSchema = z.strictObject({
  caseId: recordId('Case').optional(),
  clientId: recordId('Client').optional(),
  eventId: recordId('Timeline event').optional(),
  /** True lists the trash instead. */
  inTrash: z.boolean().default(false),
});

export const updateDocumentInputSchema = z.strictObject({
  documentId,
  fileName: documentFileName(255).optional(),
  /** Setting the type, even to the suggested one, confirms it. */
  documentType: z.enum(documentTypes, { error: 'Pick a document type from the list.' }).optional(),
  documentDate: optionalCalendarDate('Document date', { notInFuture: true }).optional(),
  source: optionalText('Source', 200).optional(),
  tags: z.array(tagSchema).max(30, 'A document can have at most 30 tags.').optional(),
});

export const documentIdInputSchema = z.strictObject({ documentId });

export const linkDocumentInputSchema = z.strictObject({ documentId, target: documentTargetSchema });

export const previewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pdf'), data: z.string(), pageCount: z.number().int().nullable() }),
  z.object({ kind: z.literal('image'), mimeType: z.enum(['image/png', 'image/jpeg']), data: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('unavailable'), message: z.string() }),
]);
export type DocumentPreview = z.infer<typeof previewSchema>;

export const documentContentSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Base64 of the decrypted file. */
  data: z.string(),
});

export const searchDocumentsInputSchema = z.strictObject({
  query: z.string({ error: 'Type something to search for.' }).max(200, 'Search for at most 200 characters.'),
  caseId: recordId('Case').optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

/** A piece of a search snippet; `isMatch` pieces are the words that matched. */
export const snippetPartSchema = z.object({ text: z.string(), isMatch: z.boolean() });

export const searchHitSchema = z.object({
  document: documentSummarySchema,
  snippet: z.array(snippetPartSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const verifyReportSchema = z.object({
  checkedFiles: z.number().int(),
  /** Documents whose stored file failed its integrity check or is missing. */
  failures: z.array(
    z.object({
      documentId: documentId,
      fileName: z.string(),
      problem: z.enum(['damaged', 'missing']),
    }),
  ),
  /** What interrupted work left behind (docs/security.md §6): encrypted, unreadable, only taking space. */
  leftovers: z.object({
    filesWithoutRecord: z.number().int(),
    recordsWithoutDocument: z.number().int(),
    /** True when this check was asked to remove them and did. */
    removed: z.boolean(),
  }),
});
export const verifyVaultInputSchema = z.strictObject({
  removeLeftovers: z.boolean().optional(),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

/** Where a text recognition (OCR) of a document has got to. */
export const recognitionProgressSchema = z.object({
  documentId: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  /** How far the whole document is, 0 to 1. */
  fraction: z.number(),
});
export type RecognitionProgress = z.infer<typeof recognitionProgressSchema>;

/** How a text recognition ended: `cancelled` leaves the document as it was. */
export const recognitionOutcomeSchema = z.object({
  outcome: z.enum(['recognised', 'cancelled']),
  document: documentSummarySchema,
});
