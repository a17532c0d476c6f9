import { z } from 'zod';
import {
  drugClasses,
  scoreInstruments,
  scoreRanges,
  trialKinds,
  trialOutcomes,
} from '../domain/treatment-history';
import { calendarDate, optionalCalendarDate, optionalText, recordId, requiredText } from './fields';

/** Where a trial, a score or a fact was read: a vault document or a timeline entry, with what a reader sees. */
export const evidenceSourceSchema = z.object({
  documentId: z.number().int().nullable(),
  eventId: z.number().int().nullable(),
  label: z.string(),
  /** The document or timeline entry is in the trash: it no longer counts as evidence. */
  isInTrash: z.boolean(),
});
export type EvidenceSourceDto = z.infer<typeof evidenceSourceSchema>;

const optionalRecordId = (label: string) =>
  recordId(label)
    .nullish()
    .transform((value) => value ?? null);

const optionalYesNo = (label: string) =>
  z
    .boolean({ error: `${label} must be yes, no or not documented.` })
    .nullish()
    .transform((value) => value ?? null);

/** A source is a document or a timeline entry, not both: reported at the entry field. */
export function checkOneSource(
  value: { sourceDocumentId: number | null; sourceEventId: number | null },
  context: z.RefinementCtx,
): void {
  if (value.sourceDocumentId !== null && value.sourceEventId !== null) {
    context.addIssue({
      code: 'custom',
      path: ['sourceEventId'],
      message: 'Choose a document or a timeline entry as the source, not both.',
    });
  }
}

/** The optional source fields of anything that cites where it was read. */
export const sourceShape = {
  sourceDocumentId: optionalRecordId('Source document'),
  sourceEventId: optionalRecordId('Source timeline entry'),
};

const dayMs = 24 * 60 * 60 * 1000;

export const treatmentTrialFieldsSchema = z
  .strictObject({
    kind: z.enum(trialKinds, {
      error: 'Choose the kind of treatment: antidepressant, augmentation, psychotherapy, ECT, TMS…',
    }),
    name: requiredText('Name', 120),
    drugClass: z
      .enum(drugClasses, { error: 'Drug class is not one Advocase knows; choose “Other class”.' })
      .nullish()
      .transform((value) => value ?? null),
    peakDose: optionalText('Peak dose', 60),
    startedOn: optionalCalendarDate('Start date', { notInFuture: true }),
    endedOn: optionalCalendarDate('End date', { notInFuture: true }),
    weeksAtTherapeuticDose: z
      .number({ error: 'Weeks at therapeutic dose must be a number of weeks.' })
      .min(0, 'Weeks at therapeutic dose cannot be negative.')
      .max(1040, 'Weeks at therapeutic dose must be at most 1040 (20 years). Check the number.')
      .nullish()
      .transform((value) => value ?? null),
    isDoseAdequate: optionalYesNo('Adequate dose'),
    outcome: z
      .enum(trialOutcomes, { error: 'Choose an outcome, or “Outcome not documented”.' })
      .default('unknown'),
    isInCurrentEpisode: optionalYesNo('In the current episode'),
    ...sourceShape,
    notes: optionalText('Notes', 2000),
  })
  .superRefine((trial, context) => {
    if (trial.startedOn && trial.endedOn && trial.endedOn < trial.startedOn) {
      context.addIssue({
        code: 'custom',
        path: ['endedOn'],
        message: 'End date is before the start date. Check both dates.',
      });
    } else if (trial.startedOn && trial.endedOn && trial.weeksAtTherapeuticDose !== null) {
      // Weeks at dose cannot be more than the trial lasted (half a week's slack for rounding).
      const spanWeeks = (Date.parse(trial.endedOn) - Date.parse(trial.startedOn)) / dayMs / 7;
      if (trial.weeksAtTherapeuticDose > spanWeeks + 0.5) {
        context.addIssue({
          code: 'custom',
          path: ['weeksAtTherapeuticDose'],
          message: `Weeks at therapeutic dose (${trial.weeksAtTherapeuticDose}) is more than the ${Math.floor(spanWeeks)} weeks between the start and end dates. Check the weeks or the dates.`,
        });
      }
    }
    checkOneSource(trial, context);
  });
export type TreatmentTrialFields = z.output<typeof treatmentTrialFieldsSchema>;
export type TreatmentTrialFieldsInput = z.input<typeof treatmentTrialFieldsSchema>;

export const treatmentTrialSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  kind: z.enum(trialKinds),
  name: z.string(),
  drugClass: z.enum(drugClasses).nullable(),
  peakDose: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  weeksAtTherapeuticDose: z.number().nullable(),
  isDoseAdequate: z.boolean().nullable(),
  outcome: z.enum(trialOutcomes),
  isInCurrentEpisode: z.boolean().nullable(),
  source: evidenceSourceSchema.nullable(),
  notes: z.string().nullable(),
});
export type TreatmentTrialDto = z.infer<typeof treatmentTrialSchema>;

export const symptomScoreFieldsSchema = z
  .strictObject({
    instrument: z.enum(scoreInstruments, {
      error: `Choose the rating scale: ${scoreInstruments.join(', ')}.`,
    }),
    score: z
      .number({ error: 'Score must be a number.' })
      .int('Score must be a whole number, as the scale gives it.'),
    takenOn: calendarDate('Date taken', { notInFuture: true }),
    ...sourceShape,
    note: optionalText('Note', 500),
  })
  .superRefine((value, context) => {
    const range = scoreRanges[value.instrument];
    if (value.score < range.min || value.score > range.max) {
      context.addIssue({
        code: 'custom',
        path: ['score'],
        message: `A ${value.instrument} score is between ${range.min} and ${range.max}; ${value.score} is outside that. Check the score and the scale.`,
      });
    }
    checkOneSource(value, context);
  });
export type SymptomScoreFields = z.output<typeof symptomScoreFieldsSchema>;
export type SymptomScoreFieldsInput = z.input<typeof symptomScoreFieldsSchema>;

export const symptomScoreSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  instrument: z.enum(scoreInstruments),
  score: z.number().int(),
  takenOn: z.string(),
  source: evidenceSourceSchema.nullable(),
  note: z.string().nullable(),
});
export type SymptomScoreDto = z.infer<typeof symptomScoreSchema>;

export const clientIdInputSchema = z.strictObject({ clientId: recordId('Client') });
