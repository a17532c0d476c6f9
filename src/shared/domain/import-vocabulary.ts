/**
 * The columns of an import whose values must be one of Advocase's words:
 * each distinct value in the file is mapped once to a code here, and the preview shows the code's
 * label, never the code itself.
 */
import { casePriorities, casePriorityLabels, caseStageLabels, caseStages } from './case-stages';
import { planTypeLabels, planTypes } from './plan-types';
import { treatmentKinds, treatmentLabels } from './treatments';
import { usStateCodes } from './us-states';

export const enumeratedImportFields = ['planType', 'treatment', 'stage', 'priority', 'state'] as const;
export type EnumeratedImportField = (typeof enumeratedImportFields)[number];

export type VocabularyChoice = { readonly code: string; readonly label: string };

const choicesOf = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>) =>
  codes.map((code) => ({ code, label: labels[code] }));

export const importVocabulary: Readonly<Record<EnumeratedImportField, readonly VocabularyChoice[]>> = {
  planType: choicesOf(planTypes, planTypeLabels),
  treatment: choicesOf(treatmentKinds, {
    ...treatmentLabels,
    other: 'Other (keep the text as written)',
  }),
  stage: choicesOf(caseStages, caseStageLabels),
  priority: choicesOf(casePriorities, casePriorityLabels),
  state: usStateCodes.map((code) => ({ code, label: code })),
};

/** The label of a code of an enumerated field, or the code when it is unknown. */
export function vocabularyLabel(field: EnumeratedImportField, code: string): string {
  return importVocabulary[field].find((choice) => choice.code === code)?.label ?? code;
}

export function isVocabularyCode(field: EnumeratedImportField, code: string): boolean {
  return importVocabulary[field].some((choice) => choice.code === code);
}
