import {
  bundleFileSchema,
  bundleInputSchema,
  exportChoicesInputSchema,
  exportChoicesSchema,
  summaryFileSchema,
  summaryInputSchema,
} from '../schemas/exports';
import { defineMethods } from './method-spec';

/** Attorney export: case summary PDF and numbered, Bates-stamped exhibit bundle. */
export const exportsMethods = defineMethods({
  'exports.choices': {
    doc: 'What an attorney export of a case (or of all of a client’s cases) can include: event types, dates, documents.',
    input: exportChoicesInputSchema,
    output: exportChoicesSchema,
  },
  'exports.summary': {
    doc: 'The case summary PDF (base64) for preview or download; the copy is not encrypted.',
    input: summaryInputSchema,
    output: summaryFileSchema,
  },
  'exports.bundle': {
    doc: 'The exhibit bundle ZIP (base64): summary, Bates-stamped exhibits and a SHA-256 manifest; AES-encrypted when a password is given.',
    input: bundleInputSchema,
    output: bundleFileSchema,
  },
});
