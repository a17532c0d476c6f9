import { z } from 'zod';
import { letterDeliveryMethods } from '../domain/letter-kinds';
import { deliveryProofSchema, pastInstant } from './events';
import { optionalCalendarDate, optionalText, recordId } from './fields';
import { checkedPhoneNumberField } from './phone-field';
import { documentSummarySchema } from './vault';

/**
 * A saved letter going out. The text, title, kind, case and enclosures are the letter's own
 * (letters table); the input carries only what the user decides at the moment of export.
 */
export const letterOutputInputSchema = z.strictObject({
  letterId: recordId('Letter'),
  /** The date printed on the letter; today when left out. */
  date: optionalCalendarDate('Letter date'),
  /** The inside address, one line each; the payer and its appeals address on the coverage when left out. */
  recipient: z
    .array(z.string().trim().max(200, 'Each address line is at most 200 characters.'))
    .max(8, 'The address has at most 8 lines.')
    .nullish()
    .transform((lines) => (lines ? lines.filter(Boolean) : null)),
  /** How the letter goes out; a fax or mail delivery line is printed above the address. */
  sentVia: z
    .enum(letterDeliveryMethods)
    .nullish()
    .transform((value) => value ?? null),
  /**
   * The user saw the prompts still to fill and chose to go on: the file is printed with DRAFT at
   * the top of every page. Without it, a letter with prompts is refused (field `allowUnfilled`).
   */
  allowUnfilled: z.boolean().default(false),
});
export type LetterOutputInput = z.output<typeof letterOutputInputSchema>;

export const packetInputSchema = letterOutputInputSchema.extend({
  /** A fax packet opens with a fax cover sheet; a portal upload or mailing with a submission cover. */
  sentVia: z.enum(letterDeliveryMethods, { error: 'Say how the packet will be sent.' }),
  /** The payer's fax on the coverage when left out. */
  recipientFax: checkedPhoneNumberField("Recipient's fax number"),
  /** A short note on the cover sheet. */
  message: optionalText('Message', 1000),
});

export const markSentInputSchema = z.strictObject({
  letterId: recordId('Letter'),
  sentVia: z.enum(letterDeliveryMethods, {
    error: 'Say how it was sent: fax, portal, mail, email or in person.',
  }),
  sentAt: pastInstant('Sent at'),
  sentTo: optionalText('Sent to', 300),
  /**
   * The copy that went out, when it is not this letter as Advocase prints it (the physician's
   * signed version, scanned): linked instead of filing a new PDF. Null files the printed letter.
   */
  documentId: recordId('Document')
    .nullish()
    .transform((value) => value ?? null),
  deliveryProof: deliveryProofSchema,
});

/**
 * A rendered letter or packet, handed back for download and filed nowhere: only "Mark as sent"
 * files the letter, so the vault and the timeline hold what went out, not
 * every draft printed on the way.
 */
export const letterFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Base64; a download is not encrypted. */
  data: z.string(),
  pageCount: z.number().int().nullable(),
  /** Printed with DRAFT on every page: prompts were still unfilled. */
  isDraft: z.boolean(),
});

export const packetFileSchema = letterFileSchema.extend({
  parts: z.array(z.object({ title: z.string(), firstPage: z.number().int(), pageCount: z.number().int() })),
  /** Chosen enclosures that could not be joined, with why. */
  omitted: z.array(z.object({ title: z.string(), reason: z.string() })),
});

/** The "letter sent" entry and the final PDF filed with it in the case's documents. */
export const markSentOutputSchema = z.object({ eventId: z.number().int(), document: documentSummarySchema });
