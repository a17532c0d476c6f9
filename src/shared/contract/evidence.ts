import { z } from 'zod';
import {
  caseIdInputSchema,
  clinicalFactSchema,
  evidenceChecklistSchema,
  evidenceLinkSchema,
  linkEvidenceInputSchema,
  setClinicalFactInputSchema,
  setItemStatusInputSchema,
  unlinkEvidenceInputSchema,
} from '../schemas/evidence';
import { defineMethods } from './method-spec';

export const evidenceMethods = defineMethods({
  'evidence.checklist': {
    doc: "A case's evidence checklist: each item's status (missing, partial, done, not applicable), its links and what is still needed, and the readiness figure.",
    input: caseIdInputSchema,
    output: evidenceChecklistSchema,
  },
  'evidence.link': {
    doc: 'Links a vault document or a timeline entry of the case to a checklist item.',
    input: linkEvidenceInputSchema,
    output: evidenceLinkSchema,
  },
  'evidence.unlink': {
    doc: 'Removes a link from a checklist item (the document or entry itself stays); Undo brings it back.',
    input: unlinkEvidenceInputSchema,
    output: evidenceChecklistSchema,
  },
  'evidence.setStatus': {
    doc: 'Sets a checklist item’s status by hand (not applicable needs a reason), or back to automatic.',
    input: setItemStatusInputSchema,
    output: evidenceChecklistSchema,
  },
});

export const clinicalFactsMethods = defineMethods({
  'clinicalFacts.list': {
    doc: 'The yes/no facts payer criteria ask about (psychiatrist, REMS, monitoring, PDMP, safety screens), each with its answer and source; unknown until recorded.',
    input: caseIdInputSchema,
    output: z.array(clinicalFactSchema),
  },
  'clinicalFacts.set': {
    doc: 'Records the answer to one clinical fact, with the document or timeline entry that shows it.',
    input: setClinicalFactInputSchema,
    output: clinicalFactSchema,
  },
});
