import type { EvidenceFact } from '../../../shared/schemas/evidence-packs';

/**
 * The parity and appeal-rights facts hold for every mental-health treatment (ketamine, Spravato
 * and TMS alike: denial-and-appeal-content.md §1.6), so each pack starts from these.
 */

export const parityFacts: readonly EvidenceFact[] = [
  {
    id: 'parity-criteria-on-request',
    text: "Group health plans and issuers must make their mental-health and substance-use-disorder medical-necessity criteria available on request to participants, beneficiaries and contracting providers, and must give the reason for any mental-health denial. Ask for the plan's criteria for this treatment and compare them with its criteria for comparable medical/surgical treatments: a plan may not limit mental-health treatment more than medical treatment.",
    sources: [
      { label: '29 CFR 2590.712(d) (eCFR)', url: 'https://www.ecfr.gov/current/title-29/section-2590.712' },
      { label: 'South Dakota mirror of the rule', url: 'https://sdlegislature.gov/api/Rules/34800.html' },
    ],
  },
  {
    id: 'parity-nqtl-washington',
    text: "Washington's rule also requires the plan to disclose the processes, strategies and evidentiary standards behind its non-quantitative treatment limits.",
    sources: [
      {
        label: 'WAC 284-43-7100',
        url: 'https://lawfilesext.leg.wa.gov/Law/WACArchive/2019/htm/WAC%20284%20%20TITLE/WAC%20284%20-%2043%20%20CHAPTER/WAC%20284%20-%2043%20-7100.htm',
      },
    ],
  },
];

export const appealRightsFacts: readonly EvidenceFact[] = [
  {
    id: 'ei-external-review',
    text: 'An "experimental / investigational" denial is an adverse benefit determination: it can be appealed internally and then taken to external review. Experimental/investigational determinations are in scope of federal and state external review; state processes often have a separate track that requires the treating physician\'s certification.',
    sources: [
      {
        label: 'HealthCare.gov: external review',
        url: 'https://www.healthcare.gov/appeal-insurance-company-decision/external-review/',
      },
      {
        label: 'NAIC Uniform Health Carrier External Review Model Act (Section 10)',
        url: 'https://documents.pub/document/uniform-health-carrier-external-review-model-act-uniform-health-carrier-external.html',
      },
    ],
  },
];

export const noGuidelinesHint =
  'Our sources hold no guideline or study citations. Add the clinical guidelines and peer-reviewed studies you rely on, each with its link.';
