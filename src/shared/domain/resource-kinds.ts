/** The kinds of organisation an advocate keeps in the resource directory. */
export const resourceKinds = [
  'state_insurance_department',
  'consumer_assistance_program',
  'federal_agency',
  'external_review',
  'ombudsman',
  'legal_aid',
  'patient_advocacy',
  'support_group',
  'assistance_program',
  'manufacturer_program',
  'other',
] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export const resourceKindLabels: Readonly<Record<ResourceKind, string>> = {
  state_insurance_department: 'State insurance department',
  consumer_assistance_program: 'Consumer assistance program',
  federal_agency: 'Federal agency',
  external_review: 'External review',
  ombudsman: 'Ombudsman',
  legal_aid: 'Legal aid',
  patient_advocacy: 'Patient advocacy organisation',
  support_group: 'Support group',
  assistance_program: 'Financial assistance program',
  manufacturer_program: 'Manufacturer support program',
  other: 'Other',
};
