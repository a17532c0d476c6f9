import type { CriteriaSetDefinition } from '../../../shared/schemas/criteria-sets';

/**
 * Our sources hold no TMS coverage criteria (codes.md §3 names Medicare LCD L34869 but its
 * criteria were not read), so this set ships empty: duplicate it and enter your payer's policy.
 */
export const tmsToComplete: CriteriaSetDefinition = {
  name: "TMS — enter your payer's policy",
  payer: 'Any payer (no criteria in our sources)',
  treatment: 'tms',
  policyNumber: null,
  policyDate: null,
  versionNote:
    "No TMS criteria in our sources. Duplicate this set and enter your payer's policy. Medicare coverage is set by regional LCDs such as L34869.",
  position: 'criteria',
  positionNote: null,
  sources: [
    {
      url: 'https://www.cms.gov/medicare-coverage-database/details/lcd-details.aspx?LCDId=34869',
      label:
        'Medicare LCD L34869 "Repetitive Transcranial Magnetic Stimulation (rTMS) in Adults" (criteria not captured)',
      kind: 'payer',
      seenOn: null,
    },
  ],
  payerMatch: [],
  criteria: [],
  notes: null,
};
