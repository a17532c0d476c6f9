import { z } from 'zod';
import { treatmentKinds } from '../domain/treatments';
import { httpsUrl } from './criteria-sets';
import { optionalText, requiredText } from './fields';

/**
 * What an appeal of an "experimental / investigational" denial cites for one treatment: its
 * regulatory status, guidelines and studies, what payers say and the parity argument. Every fact
 * carries the source it was read in; the user adds, edits and removes facts.
 */

export const evidencePackSectionKinds = [
  'regulatory_status',
  'guidelines_and_studies',
  'payer_positions',
  'parity',
  'appeal_rights',
] as const;
export type EvidencePackSectionKind = (typeof evidencePackSectionKinds)[number];

export const evidencePackSectionLabels: Readonly<Record<EvidencePackSectionKind, string>> = {
  regulatory_status: 'Regulatory status (FDA approval, clearance or off-label use)',
  guidelines_and_studies: 'Guidelines and studies',
  payer_positions: 'What payers say',
  parity: 'Mental-health parity',
  appeal_rights: 'Appeal and external review',
};

export const citationSchema = z.strictObject({
  label: requiredText('Source name', 200),
  url: httpsUrl('Source address'),
});
export type Citation = z.infer<typeof citationSchema>;

export const evidenceFactSchema = z.strictObject({
  id: z.string().trim().min(1).max(80),
  text: requiredText('Fact', 1500),
  sources: z.array(citationSchema).min(1, 'Add the source of this fact: its name and https:// address.'),
});
export type EvidenceFact = z.infer<typeof evidenceFactSchema>;

export const evidencePackSectionSchema = z.strictObject({
  kind: z.enum(evidencePackSectionKinds),
  facts: z.array(evidenceFactSchema).max(60),
  /** Shown while the section has no facts: what to add. */
  emptyHint: optionalText('Hint', 400),
});

export const evidencePackSchema = z
  .strictObject({
    treatment: z.enum(treatmentKinds),
    title: requiredText('Title', 200),
    sections: z.array(evidencePackSectionSchema),
  })
  .superRefine((pack, context) => {
    const seen = new Set<string>();
    pack.sections.forEach((section, sectionIndex) =>
      section.facts.forEach((fact, factIndex) => {
        if (seen.has(fact.id))
          context.addIssue({
            code: 'custom',
            path: ['sections', sectionIndex, 'facts', factIndex, 'id'],
            message: 'Two facts share this id.',
          });
        seen.add(fact.id);
      }),
    );
  });
export type EvidencePack = z.infer<typeof evidencePackSchema>;

/** A pack as the app shows it: the user's version when there is one, else the shipped one. */
export const evidencePackViewSchema = z.object({
  pack: evidencePackSchema,
  isEdited: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type EvidencePackView = z.infer<typeof evidencePackViewSchema>;
