import {
  bundleFileSchema,
  bundleInputSchema,
  bundleReportSchema,
  exportChoicesInputSchema,
  exportChoicesSchema,
  saveBundleInputSchema,
  saveSummaryInputSchema,
  savedFileSchema,
  summaryFileSchema,
  summaryInputSchema,
} from '../schemas/exports';
import { defineMethods } from './method-spec';

/** Attorney export (issue 7): case summary PDF and numbered, Bates-stamped exhibit bundle. */
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
  'exports.saveSummary': {
    doc: 'Writes the case summary PDF to a full path the user chose (CLI, or a save dialog in the desktop app).',
    input: saveSummaryInputSchema,
    output: savedFileSchema,
  },
  'exports.saveBundle': {
    doc: 'Streams the exhibit bundle ZIP to a full path the user chose; the file appears only once complete.',
    input: saveBundleInputSchema,
    output: bundleReportSchema.extend({ path: savedFileSchema.shape.path }),
  },
});
