import { z } from 'zod';
import { clinicalFactKeys, scoreInstruments, scoreRanges } from '../domain/treatment-history';
import { treatmentKinds } from '../domain/treatments';
import { calendarDate, optionalText, requiredText } from './fields';

/**
 * A payer's medical-necessity criteria as data: the shipped sets (taken from published policies,
 * payer-criteria.md) and the sets users write for their own payer's policy share this shape, so
 * one evaluator judges both and one editor edits both.
 */

export const httpsUrl = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, `${label} is required.`)
    .refine((text) => {
      try {
        return new URL(text).protocol === 'https:';
      } catch {
        return false;
      }
    }, `${label} must be a web address starting with https:// (copy it from the browser's address bar).`);

/** Where a set (or a pack's fact) was read: the payer's own page, or a site that transcribes policies. */
export const policySourceKinds = ['payer', 'aggregator', 'secondary'] as const;
export type PolicySourceKind = (typeof policySourceKinds)[number];
export const policySourceKindLabels: Readonly<Record<PolicySourceKind, string>> = {
  payer: "Payer's own document",
  aggregator: 'Policy aggregator (transcription)',
  secondary: 'Secondary source (clinic or news summary)',
};

export const policySourceSchema = z.strictObject({
  url: httpsUrl('Source address'),
  label: requiredText('Source name', 200),
  kind: z.enum(policySourceKinds, { error: 'Choose where the source comes from.' }),
  /** The day someone read the page; null when not recorded. */
  seenOn: calendarDate('Date seen').nullable(),
});
export type PolicySource = z.infer<typeof policySourceSchema>;

/** What the payer does with the treatment: judge it against criteria, or refuse it as a class. */
export const coveragePositions = [
  'criteria',
  'experimental_investigational',
  'not_medically_necessary',
] as const;
export type CoveragePosition = (typeof coveragePositions)[number];
export const coveragePositionLabels: Readonly<Record<CoveragePosition, string>> = {
  criteria: 'Covered when the criteria are met',
  experimental_investigational: 'Experimental / investigational (not covered)',
  not_medically_necessary: 'Not medically necessary (not covered)',
};

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const criterionBase = {
  /** Stable within its set: per-case judgements of manual criteria are kept under it. */
  id: z.string().trim().min(1, 'Criterion id is required.').max(80),
  /** The criterion in the policy's own terms. */
  text: requiredText('Criterion wording', 600),
};

export const currentEpisodeRules = ['each', 'at_least_one', 'not_required'] as const;
export type CurrentEpisodeRule = (typeof currentEpisodeRules)[number];

export const criterionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...criterionBase,
    kind: z.literal('age'),
    minimumAge: wholeNumber('Minimum age', 0, 120),
    maximumAge: wholeNumber('Maximum age', 0, 120).nullable(),
  }),
  z.strictObject({
    ...criterionBase,
    kind: z.literal('diagnosis'),
    /** ICD-10-CM codes or code beginnings ("F33", "F32.2"); a case code starting with one matches. */
    codePrefixes: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z][0-9][0-9A-Z]?(\.[0-9A-Z]{0,4})?$/, 'Write each code like F33 or F32.2.'),
      )
      .min(1, 'Add at least one ICD-10-CM code or code beginning, such as F33.'),
  }),
  z.strictObject({
    ...criterionBase,
    kind: z.literal('failed_trials'),
    /** N: different antidepressants (counted by drug name) that failed. */
    minimumTrials: wholeNumber('Number of trials', 1, 10),
    /** K: different pharmacologic classes among them. */
    minimumClasses: wholeNumber('Number of classes', 1, 10),
    /** W: weeks at a therapeutic dose each trial needs; null when the policy names no duration. */
    minimumWeeks: wholeNumber('Weeks at therapeutic dose', 1, 52).nullable(),
    /** A partial response counts only after this many weeks (BCBS ND: 8 weeks at maximum dose). */
    partialResponseMinimumWeeks: wholeNumber('Weeks for a partial response', 1, 52).nullable(),
    /** A trial stopped for intolerable side effects counts whatever its length (BCBS ND, §2.1). */
    doesIntoleranceCountWithoutDuration: z.boolean(),
    currentEpisode: z.enum(currentEpisodeRules),
    /** Y: only trials that ended within this many years of the check count. */
    withinYears: wholeNumber('Within years', 1, 50).nullable(),
  }),
  z.strictObject({
    ...criterionBase,
    kind: z.literal('augmentation'),
    minimumTrials: wholeNumber('Number of augmentation trials', 1, 5),
    minimumWeeks: wholeNumber('Weeks of augmentation', 1, 52).nullable(),
    /** CareFirst: augmentation "or evidence-based psychotherapy". */
    doesPsychotherapyCount: z.boolean(),
  }),
  z.strictObject({
    ...criterionBase,
    kind: z.literal('baseline_score'),
    thresholds: z
      .array(
        z.strictObject({
          instrument: z.enum(scoreInstruments, { error: 'Choose a rating scale.' }),
          /** Null: any recorded score of this scale will do. */
          minimumScore: z
            .number({ error: 'Minimum score must be a number.' })
            .int('Minimum score must be a whole number.')
            .nullable(),
        }),
      )
      .min(1, 'Add at least one rating scale.'),
    /** D: the score must be taken within this many days before the check; null: any date. */
    withinDays: wholeNumber('Within days', 1, 3650).nullable(),
  }),
  z.strictObject({
    ...criterionBase,
    kind: z.literal('clinical_fact'),
    factKey: z.enum(clinicalFactKeys, { error: 'Choose the clinical fact.' }),
    requiredAnswer: z.enum(['yes', 'no']),
  }),
  z.strictObject({
    ...criterionBase,
    kind: z.literal('manual'),
    /** What the advocate looks for in the records to judge it. */
    guidance: optionalText('Guidance', 600),
  }),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionKind = Criterion['kind'];

export const criterionKindLabels: Readonly<Record<CriterionKind, string>> = {
  age: 'Age',
  diagnosis: 'Diagnosis code',
  failed_trials: 'Failed antidepressant trials',
  augmentation: 'Augmentation trial',
  baseline_score: 'Baseline rating-scale score',
  clinical_fact: 'Clinical fact (yes / no)',
  manual: 'Judged by you from a document',
};

function checkCriterion(criterion: Criterion, context: z.RefinementCtx, index: number): void {
  const at = (field: string) => ['criteria', index, field];
  if (
    criterion.kind === 'age' &&
    criterion.maximumAge !== null &&
    criterion.maximumAge < criterion.minimumAge
  )
    context.addIssue({
      code: 'custom',
      path: at('maximumAge'),
      message: 'Maximum age must be at least the minimum age.',
    });
  if (criterion.kind === 'failed_trials' && criterion.minimumClasses > criterion.minimumTrials)
    context.addIssue({
      code: 'custom',
      path: at('minimumClasses'),
      message: `Number of classes (${criterion.minimumClasses}) cannot be more than the number of trials (${criterion.minimumTrials}): each trial has one class.`,
    });
  if (criterion.kind === 'baseline_score') {
    criterion.thresholds.forEach(({ instrument, minimumScore }, thresholdIndex) => {
      const range = scoreRanges[instrument];
      if (minimumScore !== null && (minimumScore < range.min || minimumScore > range.max))
        context.addIssue({
          code: 'custom',
          path: ['criteria', index, 'thresholds', thresholdIndex, 'minimumScore'],
          message: `${instrument} scores run from ${range.min} to ${range.max}; enter a minimum score in that range.`,
        });
    });
  }
}

export const criteriaSetDefinitionSchema = z
  .strictObject({
    name: requiredText('Set name', 200),
    payer: requiredText('Payer', 200),
    treatment: z.enum(treatmentKinds, { error: 'Choose the treatment.' }),
    policyNumber: optionalText('Policy number', 100),
    /** The version of the policy the set was taken from; null when the source does not say. */
    policyDate: calendarDate('Policy date').nullable(),
    /** Which version this is when the date is unknown ("2020 Louisiana Community Plan text"). */
    versionNote: optionalText('Version note', 400),
    position: z.enum(coveragePositions),
    /** For a refusal position: what the payer says and what an appeal answers. */
    positionNote: optionalText('Position note', 1000),
    sources: z
      .array(policySourceSchema)
      .min(1, 'Add at least one source: the address where the policy was read.'),
    /** Lower-case words that, found in a case's payer name, make this set the default for it. */
    payerMatch: z.array(z.string().trim().toLowerCase().min(2)).max(10),
    criteria: z.array(criterionSchema).max(40),
    notes: optionalText('Notes', 1000),
  })
  .superRefine((set, context) => {
    set.criteria.forEach((criterion, index) => checkCriterion(criterion, context, index));
    const seen = new Set<string>();
    set.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id))
        context.addIssue({
          code: 'custom',
          path: ['criteria', index, 'id'],
          message: 'Two criteria share this id.',
        });
      seen.add(criterion.id);
    });
  });
export type CriteriaSetDefinition = z.infer<typeof criteriaSetDefinitionSchema>;

/** Whether a set ships with the app (read-only; duplicate it to edit) or was written by a user. */
export const criteriaSetOrigins = ['shipped', 'user'] as const;
export type CriteriaSetOrigin = (typeof criteriaSetOrigins)[number];

export const criteriaSetSchema = z.object({
  id: z.string(),
  origin: z.enum(criteriaSetOrigins),
  /** True when any source is a policy aggregator's transcription, not the payer's own document. */
  isSeenViaAggregator: z.boolean(),
  definition: criteriaSetDefinitionSchema,
});
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;
