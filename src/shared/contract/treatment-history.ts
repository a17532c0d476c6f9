import { z } from 'zod';
import { recordId } from '../schemas/fields';
import {
  clientIdInputSchema,
  symptomScoreFieldsSchema,
  symptomScoreSchema,
  treatmentTrialFieldsSchema,
  treatmentTrialSchema,
} from '../schemas/treatment-history';
import { defineMethods, nothing } from './method-spec';

export const treatmentHistoryMethods = defineMethods({
  'treatmentHistory.list': {
    doc: "A client's prior treatments (every case of theirs shares them), oldest start first, undated last.",
    input: clientIdInputSchema,
    output: z.array(treatmentTrialSchema),
  },
  'treatmentHistory.add': {
    doc: "Adds a prior treatment to a client's history; weeks at a therapeutic dose are as documented, never worked out from dates.",
    input: z.strictObject({ clientId: recordId('Client'), trial: treatmentTrialFieldsSchema }),
    output: treatmentTrialSchema,
  },
  'treatmentHistory.update': {
    doc: 'Replaces every field of a prior treatment with what the form holds (undo brings the old values back).',
    input: z.strictObject({ trialId: recordId('Treatment'), trial: treatmentTrialFieldsSchema }),
    output: treatmentTrialSchema,
  },
  'treatmentHistory.remove': {
    doc: 'Removes a prior treatment from the history; Undo brings it back.',
    input: z.strictObject({ trialId: recordId('Treatment') }),
    output: nothing,
  },
});

export const symptomScoresMethods = defineMethods({
  'symptomScores.list': {
    doc: "A client's rating-scale scores, oldest first.",
    input: clientIdInputSchema,
    output: z.array(symptomScoreSchema),
  },
  'symptomScores.add': {
    doc: 'Records a rating-scale score; it must lie within the scale’s range (PHQ-9 0–27, MADRS 0–60, GAD-7 0–21…).',
    input: z.strictObject({ clientId: recordId('Client'), score: symptomScoreFieldsSchema }),
    output: symptomScoreSchema,
  },
  'symptomScores.update': {
    doc: 'Replaces every field of a recorded score.',
    input: z.strictObject({ scoreId: recordId('Score'), score: symptomScoreFieldsSchema }),
    output: symptomScoreSchema,
  },
  'symptomScores.remove': {
    doc: 'Removes a recorded score; Undo brings it back.',
    input: z.strictObject({ scoreId: recordId('Score') }),
    output: nothing,
  },
});
