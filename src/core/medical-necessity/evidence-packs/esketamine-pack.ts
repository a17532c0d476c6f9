import type { EvidencePack } from '../../../shared/schemas/evidence-packs';
import { appealRightsFacts, noGuidelinesHint, parityFacts } from './shared-arguments';

/** payer-criteria.md §1 (regulatory facts) and §2 (BCBS Mississippi). */
export const esketamineEvidencePack: EvidencePack = {
  treatment: 'esketamine',
  title: 'Esketamine (Spravato)',
  sections: [
    {
      kind: 'regulatory_status',
      emptyHint: null,
      facts: [
        {
          id: 'esk-what-it-is',
          text: 'Esketamine (the S-enantiomer of ketamine) nasal spray, Schedule III, an NMDA-receptor antagonist; 28 mg per device (NDC 50458-028).',
          sources: [
            {
              label: 'FDA NDC directory',
              url: 'https://api.fda.gov/drug/ndc.json?search=product_ndc%3A%2250458-028%22',
            },
            {
              label: 'BCBS Mississippi policy',
              url: 'https://www.bcbsms.com/policy-search/medical/policy-detail/spravato-esketamine',
            },
          ],
        },
        {
          id: 'esk-indications',
          text: 'FDA-approved for adults for (1) treatment-resistant depression and (2) depressive symptoms in adults with major depressive disorder with acute suicidal ideation or behavior. Not approved for pediatric use or as an anesthetic.',
          sources: [
            {
              label: 'CMS billing article A59250 (label text as of 10/18/2023)',
              url: 'https://www.cms.gov/medicare-coverage-database/view/article.aspx?articleid=59250&ver=4',
            },
            {
              label: 'Janssen access and reimbursement guide',
              url: 'https://readkong.com/page/access-reimbursement-guide-information-to-support-the-1889560',
            },
          ],
        },
        {
          id: 'esk-monotherapy',
          text: 'On January 21, 2025 the FDA approved Spravato for treatment-resistant depression as monotherapy (before, only together with an oral antidepressant). A policy that still requires a concurrent oral antidepressant for TRD may be out of date.',
          sources: [
            {
              label: "Becker's Hospital Review",
              url: 'https://www.beckershospitalreview.com/pharmacy/j-j-approves-1st-monotherapy-for-treatment-resistant-depression.html',
            },
            {
              label: 'IAMAI Med summary of the approval',
              url: 'https://www.iamaimed.com/neuroscience-posts/spravato-esketamine---fda-approval-for-trd-monotherapy',
            },
          ],
        },
        {
          id: 'esk-rems',
          text: 'Available only through the SPRAVATO REMS: dispensed to and administered in certified healthcare settings; the patient self-administers under direct observation and is monitored for at least 2 hours after each dose, then assessed before discharge.',
          sources: [
            {
              label: 'CMS billing article A59250',
              url: 'https://www.cms.gov/medicare-coverage-database/view/article.aspx?articleid=59250&ver=4',
            },
            {
              label: 'The Rybar Group: coding Spravato, part 1',
              url: 'https://www.therybargroup.com/blog/coding-conundrum-spravato-eskatamine-part-1',
            },
          ],
        },
        {
          id: 'esk-medicare',
          text: 'Medicare covers it for the FDA-labelled indications when administered at a REMS-enrolled site; uses not supported by CMS-accepted compendia are not covered (billed as G2082/G2083).',
          sources: [
            {
              label: 'Summary of First Coast article A59250',
              url: 'https://verity.backworkai.com/policy/A59250',
            },
          ],
        },
      ],
    },
    { kind: 'guidelines_and_studies', emptyHint: noGuidelinesHint, facts: [] },
    {
      kind: 'payer_positions',
      emptyHint: null,
      facts: [
        {
          id: 'esk-bcbs-ms',
          text: 'BCBS Mississippi considers Spravato not medically necessary (alternatives exist) and investigational for uses outside the label (chronic pain, bipolar depression, migraine, anesthesia).',
          sources: [
            {
              label: 'BCBS Mississippi policy',
              url: 'https://www.bcbsms.com/policy-search/medical/policy-detail/spravato-esketamine',
            },
          ],
        },
      ],
    },
    { kind: 'parity', emptyHint: null, facts: [...parityFacts] },
    { kind: 'appeal_rights', emptyHint: null, facts: [...appealRightsFacts] },
  ],
};
