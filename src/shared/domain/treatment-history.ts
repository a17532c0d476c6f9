/**
 * The vocabulary of a client's treatment history and symptom scores. Shared by the ledger the
 * advocate fills in, the payer-criteria check that reads it and the letters that quote it, so a
 * trial means the same thing in all three.
 */

export const trialKinds = [
  'medication',
  'augmentation',
  'psychotherapy',
  'ect',
  'tms',
  'esketamine',
  'ketamine',
  'other',
] as const;
export type TrialKind = (typeof trialKinds)[number];

export const trialKindLabels: Readonly<Record<TrialKind, string>> = {
  medication: 'Antidepressant',
  augmentation: 'Augmentation',
  psychotherapy: 'Psychotherapy',
  ect: 'ECT',
  tms: 'TMS',
  esketamine: 'Esketamine',
  ketamine: 'Ketamine',
  other: 'Other',
};

/**
 * Pharmacologic classes payers count when they ask for trials "from different classes"
 * (payer-criteria.md §2: Cigna, Evicore, CareFirst, BCBS MA).
 */
export const drugClasses = [
  'ssri',
  'snri',
  'tca',
  'maoi',
  'atypical',
  'serotonin_modulator',
  'antipsychotic',
  'lithium',
  'thyroid',
  'other',
] as const;
export type DrugClass = (typeof drugClasses)[number];

export const drugClassLabels: Readonly<Record<DrugClass, string>> = {
  ssri: 'SSRI',
  snri: 'SNRI',
  tca: 'Tricyclic (TCA)',
  maoi: 'MAOI',
  atypical: 'Atypical (bupropion, mirtazapine)',
  serotonin_modulator: 'Serotonin modulator (trazodone, vortioxetine, vilazodone)',
  antipsychotic: 'Atypical antipsychotic',
  lithium: 'Lithium',
  thyroid: 'Thyroid hormone (T3)',
  other: 'Other class',
};

export const trialOutcomes = [
  'no_response',
  'partial_response',
  'relapse',
  'side_effects',
  'response',
  'ongoing',
  'unknown',
] as const;
export type TrialOutcome = (typeof trialOutcomes)[number];

export const trialOutcomeLabels: Readonly<Record<TrialOutcome, string>> = {
  no_response: 'No response',
  partial_response: 'Partial response',
  relapse: 'Relapse',
  side_effects: 'Stopped for side effects',
  response: 'Responded',
  ongoing: 'Still taking',
  unknown: 'Outcome not documented',
};

/** Outcomes that count as a failed trial when a payer asks for failed or inadequate trials. */
export const failedTrialOutcomes: ReadonlySet<TrialOutcome> = new Set([
  'no_response',
  'partial_response',
  'relapse',
  'side_effects',
]);

/** Rating scales payers name (payer-criteria.md §2 and §2.1), with each scale's score range. */
export const scoreInstruments = ['PHQ-9', 'MADRS', 'GAD-7', 'HAM-D', 'QIDS', 'BDI-II'] as const;
export type ScoreInstrument = (typeof scoreInstruments)[number];

export const scoreRanges: Readonly<Record<ScoreInstrument, { min: number; max: number }>> = {
  'PHQ-9': { min: 0, max: 27 },
  MADRS: { min: 0, max: 60 },
  'GAD-7': { min: 0, max: 21 },
  'HAM-D': { min: 0, max: 52 },
  QIDS: { min: 0, max: 27 },
  'BDI-II': { min: 0, max: 63 },
};

/**
 * Yes/no facts about a case that payer criteria ask for and no other record holds
 * (payer-criteria.md §2.1 items 3–6). Each is recorded per case with the document that shows it.
 */
export const clinicalFactKeys = [
  'prescriber_is_psychiatrist',
  'site_rems_certified',
  'monitoring_plan_two_hours',
  'pdmp_checked',
  'psychosis_history',
  'untreated_substance_use_disorder',
  'current_episode_documented',
  'acute_suicidal_ideation',
] as const;
export type ClinicalFactKey = (typeof clinicalFactKeys)[number];

export const clinicalFactLabels: Readonly<Record<ClinicalFactKey, string>> = {
  prescriber_is_psychiatrist: 'Prescribed by or with a psychiatrist',
  site_rems_certified: 'Treatment site and pharmacy REMS-certified',
  monitoring_plan_two_hours: 'Plan for at least 2 hours of monitoring after each dose',
  pdmp_checked: 'State prescription-monitoring program (PDMP) checked',
  psychosis_history: 'History of psychosis',
  untreated_substance_use_disorder: 'Untreated moderate or severe substance use disorder',
  current_episode_documented: 'Current major depressive episode documented',
  acute_suicidal_ideation: 'Acute suicidal ideation or behavior',
};

export const clinicalFactAnswers = ['yes', 'no', 'unknown'] as const;
export type ClinicalFactAnswer = (typeof clinicalFactAnswers)[number];
