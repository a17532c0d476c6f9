import type { EvidencePack } from '../../../shared/schemas/evidence-packs';
import { appealRightsFacts, noGuidelinesHint, parityFacts } from './shared-arguments';

/** payer-criteria.md §3. */
export const ivKetamineEvidencePack: EvidencePack = {
  treatment: 'iv_ketamine',
  title: 'IV ketamine',
  sections: [
    {
      kind: 'regulatory_status',
      emptyHint: null,
      facts: [
        {
          id: 'ket-anesthetic-only',
          text: 'Ketamine is FDA-approved only as an anesthetic; its psychiatric use is off-label, which is the usual basis for "experimental / investigational" denials.',
          sources: [
            {
              label: 'Biology Insights: what insurance covers for ketamine',
              url: 'https://biologyinsights.com/what-insurance-companies-cover-ketamine',
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
          id: 'ket-aetna',
          text: 'Aetna CPB 0938: ketamine by intranasal, intravenous, oral or subcutaneous route is experimental and investigational for depression, generalized or social anxiety, substance use disorder and suicidal ideation.',
          sources: [
            {
              label: 'Aetna Clinical Policy Bulletin 0938',
              url: 'https://www.aetna.com/cpb/medical/data/900_999/0938.html',
            },
          ],
        },
        {
          id: 'ket-medica',
          text: 'Medica (2014 policy): injectable ketamine for all mental-health and substance-related disorders is investigative and not covered.',
          sources: [
            {
              label: 'Medica policy (copy on scribd)',
              url: 'https://ja.scribd.com/document/303987863/Use-of-Injectable-Ketamine-Treatment-CP',
            },
          ],
        },
        {
          id: 'ket-mp-446',
          text: 'Florida plan policy MP-446 (December 2023 review): IV ketamine or lidocaine for chronic pain and psychiatric disorders is investigational.',
          sources: [
            {
              label: 'Policy MP-446',
              url: 'https://fl-policies.exploremyplan.com/portal/web/fl-policies/home/-/asset_publisher/gvKEs0SDu27L/content/mp-446/78515',
            },
          ],
        },
        {
          id: 'ket-bcbs-ma',
          text: 'BCBS Massachusetts policy #087 is an exception: it covers both Spravato and IV ketamine for treatment-resistant depression under strict criteria (severe episode, multiple failed antidepressants, registered clinic); members who do not qualify may ask for a clinical exception with a letter of medical necessity.',
          sources: [
            {
              label: 'BCBS Massachusetts #087 (docslib copy)',
              url: 'https://docslib.org/doc/2139394/094-esketamine-nasal-spray',
            },
            {
              label: 'Clinic summary (emergeketamine.com)',
              url: 'https://emergeketamine.com/bcbs-ketamine-therapy-coverage-massachusetts',
            },
          ],
        },
      ],
    },
    { kind: 'parity', emptyHint: null, facts: [...parityFacts] },
    { kind: 'appeal_rights', emptyHint: null, facts: [...appealRightsFacts] },
  ],
};
