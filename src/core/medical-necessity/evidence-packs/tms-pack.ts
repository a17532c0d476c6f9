import type { EvidencePack } from '../../../shared/schemas/evidence-packs';
import { appealRightsFacts, noGuidelinesHint, parityFacts } from './shared-arguments';

/** Our sources say little about TMS beyond Medicare's coverage articles (codes.md §3). */
export const tmsEvidencePack: EvidencePack = {
  treatment: 'tms',
  title: 'Transcranial magnetic stimulation (TMS)',
  sections: [
    {
      kind: 'regulatory_status',
      emptyHint:
        'Our sources hold no FDA clearance facts for TMS. Add the FDA clearance and guideline citations you rely on.',
      facts: [],
    },
    { kind: 'guidelines_and_studies', emptyHint: noGuidelinesHint, facts: [] },
    {
      kind: 'payer_positions',
      emptyHint: null,
      facts: [
        {
          id: 'tms-medicare-lcd',
          text: 'Medicare covers TMS under regional coverage determinations, for example LCD L34869 "Repetitive Transcranial Magnetic Stimulation (rTMS) in Adults".',
          sources: [
            {
              label: 'CMS LCD L34869',
              url: 'https://www.cms.gov/medicare-coverage-database/details/lcd-details.aspx?LCDId=34869',
            },
          ],
        },
        {
          id: 'tms-medicare-course',
          text: 'Medicare contractors allow the initial session (CPT 90867) once per treatment course; a typical course is up to 20 visits over about 4 weeks plus tapering visits; maintenance TMS is not covered (contractor-specific).',
          sources: [
            { label: 'Summary of article A57528', url: 'https://verity.backworkai.com/policy/A57528' },
            {
              label: 'Summary of article A57692 / LCD L37086',
              url: 'https://verity.backworkai.com/policy/A57692',
            },
          ],
        },
      ],
    },
    { kind: 'parity', emptyHint: null, facts: [...parityFacts] },
    { kind: 'appeal_rights', emptyHint: null, facts: [...appealRightsFacts] },
  ],
};
