/**
 * Pick lists for a case's codes, from the project's codes reference (shared/domain/codes.md).
 * CPT descriptors are the AMA's copyright: CPT codes carry our own plain-language labels.
 * HCPCS Level II and ICD-10-CM descriptors are public domain and shown as published.
 * Codes change every year: the code set's year is shown beside them, and free entry is allowed.
 */
export type BillingCode = {
  readonly code: string;
  readonly label: string;
  /** A caution to show with the code (discontinued, descriptor not verified…). */
  readonly caution?: string;
};

export const procedureCodeSetYear = '2026 CPT/HCPCS';
export const diagnosisCodeSetYear = 'FY2026 ICD-10-CM';

export const procedureCodes: readonly BillingCode[] = [
  { code: '96365', label: 'IV infusion, first hour (CPT; our wording)' },
  { code: '96366', label: 'IV infusion, each additional hour (CPT add-on; our wording)' },
  { code: '96367', label: 'IV infusion of a different drug, sequential (CPT add-on; our wording)' },
  { code: '96374', label: 'IV push of a single or first drug (CPT; our wording)' },
  { code: '96375', label: 'IV push of a different drug, sequential (CPT add-on; our wording)' },
  { code: '96376', label: 'IV push of the same drug, facility (CPT add-on; our wording)' },
  { code: 'J3490', label: 'Unclassified drugs (HCPCS; ketamine is billed here with its NDC)' },
  { code: 'J0013', label: 'Esketamine, nasal spray, 1 mg (HCPCS, from January 1, 2026)' },
  {
    code: 'S0013',
    label: 'Esketamine, nasal spray, 1 mg (HCPCS)',
    caution: 'Discontinued after December 31, 2025: use J0013 for later dates of service.',
  },
  {
    code: 'G2082',
    label: 'Esketamine visit, up to 56 mg, with 2 hours of observation (HCPCS, established patients)',
  },
  {
    code: 'G2083',
    label: 'Esketamine visit, more than 56 mg, with 2 hours of observation (HCPCS, established patients)',
  },
  {
    code: 'T1503',
    label: 'Administration of non-oral, non-injected medication, per visit (HCPCS; some Medicaid plans)',
  },
  { code: '90867', label: 'TMS, first session with mapping and motor threshold (CPT; our wording)' },
  { code: '90868', label: 'TMS, each later session (CPT; our wording)' },
  { code: '90869', label: 'TMS, later session with motor threshold re-measured (CPT; our wording)' },
  { code: '99213', label: 'Office visit, established patient, low complexity (CPT; our wording)' },
  { code: '99214', label: 'Office visit, established patient, moderate complexity (CPT; our wording)' },
  { code: '99215', label: 'Office visit, established patient, high complexity (CPT; our wording)' },
  { code: '99415', label: 'Prolonged clinical-staff service, first hour (CPT; our wording)' },
  { code: '99416', label: 'Prolonged clinical-staff service, each further 30 minutes (CPT; our wording)' },
];

const verify = 'Descriptor recalled, not verified: check the CMS order file.';

export const diagnosisCodes: readonly BillingCode[] = [
  { code: 'F32.0', label: 'Major depressive disorder, single episode, mild' },
  { code: 'F32.1', label: 'Major depressive disorder, single episode, moderate' },
  { code: 'F32.2', label: 'Major depressive disorder, single episode, severe without psychotic features' },
  { code: 'F32.3', label: 'Major depressive disorder, single episode, severe with psychotic features' },
  { code: 'F32.4', label: 'Major depressive disorder, single episode, in partial remission' },
  { code: 'F32.5', label: 'Major depressive disorder, single episode, in full remission' },
  { code: 'F32.9', label: 'Major depressive disorder, single episode, unspecified' },
  { code: 'F32.A', label: 'Depression, unspecified' },
  { code: 'F33.0', label: 'Major depressive disorder, recurrent, mild' },
  { code: 'F33.1', label: 'Major depressive disorder, recurrent, moderate' },
  { code: 'F33.2', label: 'Major depressive disorder, recurrent severe without psychotic features' },
  { code: 'F33.3', label: 'Major depressive disorder, recurrent, severe with psychotic symptoms' },
  {
    code: 'F33.40',
    label: 'Major depressive disorder, recurrent, in remission, unspecified',
    caution: verify,
  },
  { code: 'F33.41', label: 'Major depressive disorder, recurrent, in partial remission', caution: verify },
  { code: 'F33.42', label: 'Major depressive disorder, recurrent, in full remission', caution: verify },
  { code: 'F33.9', label: 'Major depressive disorder, recurrent, unspecified', caution: verify },
  { code: 'F31.31', label: 'Bipolar disorder, current episode depressed, mild' },
  { code: 'F31.32', label: 'Bipolar disorder, current episode depressed, moderate' },
  {
    code: 'F31.4',
    label: 'Bipolar disorder, current episode depressed, severe, without psychotic features',
    caution: verify,
  },
  { code: 'F31.81', label: 'Bipolar II disorder' },
  { code: 'F43.10', label: 'Post-traumatic stress disorder, unspecified' },
  { code: 'F43.12', label: 'Post-traumatic stress disorder, chronic' },
  { code: 'G89.29', label: 'Other chronic pain' },
  { code: 'G89.4', label: 'Chronic pain syndrome' },
  { code: 'G90.50', label: 'Complex regional pain syndrome I, unspecified' },
  {
    code: 'R45.851',
    label: 'Suicidal ideations',
    caution: 'A symptom code: not the principal diagnosis once a definitive one (e.g. MDD) is established.',
  },
];

export function findBillingCode(code: string): BillingCode | undefined {
  return [...procedureCodes, ...diagnosisCodes].find((candidate) => candidate.code === code);
}
