import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';

/**
 * payer-criteria.md §3: most payers refuse IV ketamine for depression as experimental /
 * investigational, so these sets carry the payer's position and the appeal's answer, not
 * criteria to meet.
 */
const appealAnswer =
  'Appeal the denial as an adverse benefit determination and ask for external review (E/I decisions are in scope). Ketamine is FDA-approved as an anesthetic; psychiatric use is off-label. Ask the plan for its mental-health medical-necessity criteria and compare them with its medical/surgical criteria (29 CFR 2590.712(d)). See the IV ketamine evidence pack.';

export const aetnaIvKetamine: CriteriaSetDefinition = {
  name: 'Aetna CPB 0938 — Ketamine for depression and other psychiatric disorders',
  payer: 'Aetna',
  treatment: 'iv_ketamine',
  policyNumber: 'CPB 0938',
  policyDate: null,
  versionNote: null,
  position: 'experimental_investigational',
  positionNote: `Ketamine by intranasal, intravenous, oral or subcutaneous route is considered experimental and investigational for depression, generalized or social anxiety, substance use disorder and suicidal ideation. ${appealAnswer}`,
  sources: [
    {
      url: 'https://www.aetna.com/cpb/medical/data/900_999/0938.html',
      label: 'Aetna Clinical Policy Bulletin 0938',
      kind: 'payer',
      seenOn: null,
    },
  ],
  payerMatch: ['aetna'],
  criteria: [],
  notes: null,
};

export const usualIvKetaminePosition: CriteriaSetDefinition = {
  name: 'IV ketamine — the usual commercial position (experimental / investigational)',
  payer: 'Most commercial payers',
  treatment: 'iv_ketamine',
  policyNumber: null,
  policyDate: null,
  versionNote:
    'Examples: Aetna CPB 0938; Medica (2014); Florida plan policy MP-446 (December 2023 review). UnitedHealthcare policy 2026D0069P covers both drugs; its ketamine text was not read. BCBS Massachusetts #087 is the exception that covers IV ketamine.',
  position: 'experimental_investigational',
  positionNote: `Injectable ketamine for depression and other psychiatric disorders is treated as experimental / investigational and not covered. ${appealAnswer}`,
  sources: [
    {
      url: 'https://www.aetna.com/cpb/medical/data/900_999/0938.html',
      label: 'Aetna Clinical Policy Bulletin 0938',
      kind: 'payer',
      seenOn: null,
    },
    {
      url: 'https://ja.scribd.com/document/303987863/Use-of-Injectable-Ketamine-Treatment-CP',
      label: 'Medica policy "Use of Injectable Ketamine" (2014, copy on scribd)',
      kind: 'secondary',
      seenOn: null,
    },
    {
      url: 'https://fl-policies.exploremyplan.com/portal/web/fl-policies/home/-/asset_publisher/gvKEs0SDu27L/content/mp-446/78515',
      label: 'Florida plan policy MP-446 (issuing plan not named on the page)',
      kind: 'payer',
      seenOn: null,
    },
  ],
  payerMatch: [],
  criteria: [],
  notes: null,
};
