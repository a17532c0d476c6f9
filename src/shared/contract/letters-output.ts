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
 * Letters out of Advocase: PDF and DOCX of a letter, the submission packet, and "sent".
 * Each takes a saved letter's id and reads its text, title, case and enclosures from the letters
 * table. Exports are downloads only; "sent" files the final PDF, encrypted, in the case's
 * documents with one timeline entry.
 */
export const lettersOutputMethods = defineMethods({
  'letters.exportPdf': {
    doc: 'Prints the letter as a PDF with the letterhead and returns it for download (base64, not encrypted, filed nowhere). Refused while prompts are unfilled unless allowUnfilled, which prints DRAFT on every page.',
    input: letterOutputInputSchema,
    output: letterFileSchema,
  },
  'letters.exportDocx': {
    doc: 'The letter as a Word document for the physician’s office to edit, for download; prompts as for the PDF.',
    input: letterOutputInputSchema,
    output: letterFileSchema,
  },
  'letters.buildPacket': {
    doc: 'One PDF for a portal or fax: cover sheet (fax cover when sent by fax), the letter, the enclosures in order, every page numbered; for download, filed nowhere.',
    input: packetInputSchema,
    output: packetFileSchema,
  },
  'letters.markSent': {
    doc: 'Records that a letter was sent (how, when, to whom, proof of delivery): files the final PDF, dated the day it went, in the case’s documents ("Internal appeal to Aetna, sent 2026-12-06.pdf"), adds one "letter sent" entry linked to it, and marks the letter sent. Refused while prompts are unfilled.',
    input: markSentInputSchema,
    output: markSentOutputSchema,
  },
});
