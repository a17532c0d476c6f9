import { z } from 'zod';
import {
  addResultSchema,
  documentContentSchema,
  documentIdInputSchema,
  documentSummarySchema,
  linkDocumentInputSchema,
  listDocumentsInputSchema,
  previewSchema,
  searchDocumentsInputSchema,
  searchHitSchema,
  verifyVaultInputSchema,
  updateDocumentInputSchema,
  uploadAppendInputSchema,
  uploadBeginInputSchema,
  uploadFinishInputSchema,
  verifyReportSchema,
} from '../schemas/vault';
import { defineMethods, noInput, nothing } from './method-spec';

export const vaultMethods = defineMethods({
  'vault.uploadBegin': {
    doc: 'Starts adding one file: returns an upload id for its pieces. Nothing is kept until uploadFinish.',
    input: uploadBeginInputSchema,
    output: z.object({ uploadId: z.string() }),
  },
  'vault.uploadAppend': {
    doc: 'Sends the next piece (at most 2 MiB, base64) of a file; it is encrypted as it arrives, never written in the clear.',
    input: uploadAppendInputSchema,
    output: z.object({ receivedBytes: z.number().int() }),
  },
  'vault.uploadFinish': {
    doc: 'Checks, indexes and files an uploaded file; the result says what happened to it, in a sentence.',
    input: uploadFinishInputSchema,
    output: addResultSchema,
  },
  'vault.uploadCancel': {
    doc: 'Abandons an upload and removes what was received of it.',
    input: uploadAppendInputSchema.pick({ uploadId: true }).strict(),
    output: nothing,
  },
  'vault.list': {
    doc: 'Documents filed to a case, client or event (or all), newest first; inTrash lists the trash instead.',
    input: listDocumentsInputSchema,
    output: z.array(documentSummarySchema),
  },
  'vault.get': {
    doc: 'One document with its metadata and links.',
    input: documentIdInputSchema,
    output: documentSummarySchema,
  },
  'vault.update': {
    doc: "Changes a document's metadata; setting its type confirms it.",
    input: updateDocumentInputSchema,
    output: documentSummarySchema,
  },
  'vault.link': {
    doc: 'Files a document to one more case, client or timeline event.',
    input: linkDocumentInputSchema,
    output: documentSummarySchema,
  },
  'vault.unlink': {
    doc: 'Removes one link of a document to a case, client or timeline event.',
    input: linkDocumentInputSchema,
    output: documentSummarySchema,
  },
  'vault.preview': {
    doc: 'The document for showing in the app: PDF or image bytes (base64), or text for DOCX, EML and TXT. A damaged file is refused whole.',
    input: documentIdInputSchema,
    output: previewSchema,
  },
  'vault.content': {
    doc: 'The decrypted file itself (base64), for a download the user asked for; the copy is not encrypted.',
    input: documentIdInputSchema,
    output: documentContentSchema,
  },
  'vault.search': {
    doc: "Full-text search over documents' words; each hit has a snippet with the matching words marked.",
    input: searchDocumentsInputSchema,
    output: z.array(searchHitSchema),
  },
  'vault.openExternally': {
    doc: 'Opens a document in the system viewer through a temporary copy, deleted when Advocase locks or quits.',
    input: documentIdInputSchema,
    output: nothing,
  },
  'vault.trash': {
    doc: 'Moves a document to the trash, kept 30 days.',
    input: documentIdInputSchema,
    output: documentSummarySchema,
  },
  'vault.restore': {
    doc: 'Takes a document back out of the trash.',
    input: documentIdInputSchema,
    output: documentSummarySchema,
  },
  'vault.emptyTrash': {
    doc: 'Deletes every document in the trash now; stored files no document uses are overwritten and removed.',
    input: noInput,
    output: z.object({ removedDocuments: z.number().int() }),
  },
  'vault.verify': {
    doc: "Checks every stored file's authentication tags and reports documents whose file is damaged or missing, and leftovers of interrupted work (removed when asked).",
    input: verifyVaultInputSchema,
    output: verifyReportSchema,
  },
});
