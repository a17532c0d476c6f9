/**
 * How a value written in an import file maps to Advocase's vocabulary:
 * exactly (the file uses Advocase's code, label or a usual synonym), as a suggestion the user
 * confirms ("Employer (self-funded)" → Employer plan, self-funded (ERISA)), or not at all, when only
 * the user can say ("HMO" describes a network, not who pays, which is what sets the deadlines).
 * Nothing becomes Other unless the user chooses it.
 */
import { importVocabulary, type EnumeratedImportField } from '../../shared/domain/import-vocabulary';
import { parseTreatment } from '../../shared/domain/treatments';

/** A value compared without case, extra spaces or punctuation around it. */
export function comparableValue(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const planTypeSynonyms: Readonly<Record<string, string>> = {
  erisa: 'employer-self-funded',
  'self funded': 'employer-self-funded',
  'self-funded': 'employer-self-funded',
  'fully insured': 'employer-fully-insured',
  marketplace: 'individual',
  aca: 'individual',
  exchange: 'individual',
  'original medicare': 'medicare',
  'medicare part c': 'medicare-advantage',
  'managed medicaid': 'medicaid-managed-care',
  'medicaid mco': 'medicaid-managed-care',
};

const stageSynonyms: Readonly<Record<string, string>> = {
  new: 'intake',
  open: 'intake',
  closed: 'resolved',
  done: 'resolved',
  'pa submitted': 'prior_auth_submitted',
  'prior auth': 'prior_auth_submitted',
  'awaiting decision': 'decision',
};

const prioritySynonyms: Readonly<Record<string, string>> = {
  medium: 'normal',
  routine: 'normal',
  asap: 'urgent',
  critical: 'urgent',
};

/** The code a value is, with no doubt, or null. */
export function exactCode(field: EnumeratedImportField, text: string): string | null {
  const wanted = comparableValue(text);
  if (field === 'treatment') {
    const parsed = parseTreatment(text);
    return parsed.kind === 'other' ? null : parsed.kind;
  }
  if (field === 'state') {
    const code = wanted.replace(/\./g, '').toUpperCase();
    return importVocabulary.state.some((choice) => choice.code === code) ? code : null;
  }
  const spaced = (value: string) => value.replace(/[-_]/g, ' ');
  const byWord = importVocabulary[field].find(
    (choice) => spaced(choice.code) === spaced(wanted) || choice.label.toLowerCase() === wanted,
  );
  if (byWord) return byWord.code;
  const synonyms =
    field === 'planType' ? planTypeSynonyms : field === 'stage' ? stageSynonyms : prioritySynonyms;
  return synonyms[wanted] ?? null;
}

/** Words that describe a network, not who pays: the plan type cannot be guessed from them. */
const networkWords = /^(hmo|ppo|epo|pos|hdhp|indemnity)$/;

const planTypeHints: ReadonlyArray<readonly [RegExp, string]> = [
  [/medicare.*(advantage|part c|\bma\b)/, 'medicare-advantage'],
  [/medicare/, 'medicare'],
  [/medicaid.*(managed|mco|plan)|(managed|mco).*medicaid/, 'medicaid-managed-care'],
  [/medicaid|medi-cal/, 'medicaid'],
  [/tricare/, 'tricare'],
  [/\bva\b|veteran/, 'va'],
  [/self[- ]?funded|self[- ]?insured|erisa|\baso\b/, 'employer-self-funded'],
  [/fully[- ]?insured/, 'employer-fully-insured'],
  [/state employee|county|municipal|city|government|public employer|school district/, 'governmental-group'],
  [/marketplace|exchange|\baca\b|individual|obamacare|healthcare\.gov/, 'individual'],
];

const treatmentHints: ReadonlyArray<readonly [RegExp, string]> = [
  [/\btms\b|magnetic/, 'tms'],
  [/spravato|esketamine/, 'esketamine'],
  [/ketamine/, 'iv_ketamine'],
];

/** A likely reading for the user to confirm, or null when only the user can say. */
export function suggestedCode(field: EnumeratedImportField, text: string): string | null {
  const wanted = comparableValue(text);
  if (field === 'planType') {
    if (networkWords.test(wanted)) return null;
    return planTypeHints.find(([pattern]) => pattern.test(wanted))?.[1] ?? null;
  }
  if (field === 'treatment') return treatmentHints.find(([pattern]) => pattern.test(wanted))?.[1] ?? null;
  return null;
}
