import { z } from 'zod';
import type { LetterDocument } from '../domain/letter-document';
import { normalizePhone } from '../domain/phone-number';
import { deliveryProofSchema, letterSendingMethods, pastInstant } from './events';
import { optionalCalendarDate, optionalText, recordId, requiredText } from './fields';
import { documentSummarySchema } from './vault';

const runSchema = z.strictObject({
  text: z.string().max(20_000, 'A run of text is at most 20,000 characters.'),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
// Readonly, like the domain type, so a LetterDocument can be passed as it is.
const runsSchema = z.array(runSchema).max(500).readonly();
const itemsSchema = z.array(runsSchema).min(1, 'A list needs at least one item.').max(200).readonly();

/** The letter document model (src/shared/domain/letter-document.ts) as it crosses the contract. */
export const letterDocumentSchema = z.strictObject({
  blocks: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('heading'), runs: runsSchema }),
        z.strictObject({ type: z.literal('paragraph'), runs: runsSchema }),
        z.strictObject({ type: z.literal('bulleted_list'), items: itemsSchema }),
        z.strictObject({ type: z.literal('numbered_list'), items: itemsSchema }),
      ]),
    )
    .min(1, 'The letter is empty: write its text first.')
    .max(2000, 'The letter is too long to print (at most 2,000 paragraphs).')
    .readonly(),
}) satisfies z.ZodType<LetterDocument>;

/** Everything the PDF and DOCX writers need beyond the advocate's profile and the case's own facts. */
export const letterOutputInputSchema = z.strictObject({
  caseId: recordId('Case'),
  title: requiredText('Letter title', 200),
  kind: optionalText('Kind of letter', 80),
  document: letterDocumentSchema,
  /** The date printed on the letter; today when left out. */
  date: optionalCalendarDate('Letter date'),
  /** The inside address, one line each; the payer and its appeals address on the coverage when left out. */
  recipient: z
    .array(z.string().trim().max(200, 'Each address line is at most 200 characters.'))
    .max(8, 'The address has at most 8 lines.')
    .nullish()
    .transform((lines) => (lines ? lines.filter(Boolean) : null)),
  /** Vault documents of this case listed under "Enclosures:" (and joined into a packet), in order. */
  enclosureDocumentIds: z
    .array(recordId('Document'))
    .max(40, 'At most 40 enclosures.')
    .refine((ids) => new Set(ids).size === ids.length, 'Each enclosure can be chosen once.')
    .default([]),
  /** How the letter goes out; a fax or mail delivery line is printed above the address. */
  sentVia: z
    .enum(letterSendingMethods)
    .nullish()
    .transform((value) => value ?? null),
});
export type LetterOutputInput = z.output<typeof letterOutputInputSchema>;

const faxNumber = optionalText("Recipient's fax number", 40).transform((text, context) => {
  if (text === null) return null;
  const normalized = normalizePhone(text);
  if ('value' in normalized) return normalized.value;
  context.addIssue({ code: 'custom', message: `Recipient's fax number: ${normalized.problem}` });
  return z.NEVER;
});

export const packetInputSchema = letterOutputInputSchema.extend({
  /** A fax packet opens with a fax cover sheet; a portal upload or mailing with a submission cover. */
  sentVia: z.enum(letterSendingMethods, { error: 'Say how the packet will be sent.' }),
  /** The payer's fax on the coverage when left out. */
  recipientFax: faxNumber,
  /** A short note on the cover sheet. */
  message: optionalText('Message', 1000),
});

export const markSentInputSchema = z.strictObject({
  caseId: recordId('Case'),
  title: requiredText('Letter title', 200),
  kind: optionalText('Kind of letter', 80),
  sentVia: z.enum(letterSendingMethods, {
    error: 'Say how it was sent: fax, portal, mail, email or in person.',
  }),
  sentAt: pastInstant('Sent at'),
  sentTo: optionalText('Sent to', 300),
  /** What was sent: the filed letter PDF or submission packet. */
  documentId: recordId('Document')
    .nullish()
    .transform((value) => value ?? null),
  deliveryProof: deliveryProofSchema,
});

/** A rendered letter or packet: filed into the vault, and handed back for download. */
export const letterFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Base64; a download is not encrypted. */
  data: z.string(),
  pageCount: z.number().int().nullable(),
  document: documentSummarySchema,
  /** The "letter drafted" entry on the timeline; null for a packet (it is not a new draft). */
  eventId: z.number().int().nullable(),
});

export const packetFileSchema = letterFileSchema.extend({
  parts: z.array(z.object({ title: z.string(), firstPage: z.number().int(), pageCount: z.number().int() })),
  /** Chosen enclosures that could not be joined, with why. */
  omitted: z.array(z.object({ title: z.string(), reason: z.string() })),
});

export const markSentOutputSchema = z.object({ eventId: z.number().int() });
