import {
  letterFileSchema,
  letterOutputInputSchema,
  markSentInputSchema,
  markSentOutputSchema,
  packetFileSchema,
  packetInputSchema,
} from '../schemas/letter-output';
import { defineMethods } from './method-spec';

/**
 * Letters out of Advocase (issue 6): PDF and DOCX of a letter, the submission packet, and "sent".
 * Each takes a saved letter's id and reads its text, title, case and enclosures from the letters
 * table; every file made is filed, encrypted, in the case's documents.
 */
export const lettersOutputMethods = defineMethods({
  'letters.exportPdf': {
    doc: 'Prints the letter as a PDF with the letterhead, files it on the case with a "letter drafted" entry, and returns it (base64; a download is not encrypted).',
    input: letterOutputInputSchema,
    output: letterFileSchema,
  },
  'letters.exportDocx': {
    doc: 'The letter as a Word document for the physician’s office to edit; filed on the case with a "letter drafted" entry.',
    input: letterOutputInputSchema,
    output: letterFileSchema,
  },
  'letters.buildPacket': {
    doc: 'One PDF for a portal or fax: cover sheet (fax cover when sent by fax), the letter, the enclosures in order, every page numbered; filed on the case.',
    input: packetInputSchema,
    output: packetFileSchema,
  },
  'letters.markSent': {
    doc: 'Records that a letter was sent (how, when, to whom, proof of delivery) as a "letter sent" entry, linked to the filed letter or packet, and marks the letter sent.',
    input: markSentInputSchema,
    output: markSentOutputSchema,
  },
});
