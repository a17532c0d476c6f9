import { z } from 'zod';
import {
  caseCriteriaViewSchema,
  chooseCriteriaSetInputSchema,
  judgeCriterionInputSchema,
} from '../schemas/case-criteria';
import { criteriaSetDefinitionSchema, criteriaSetSchema } from '../schemas/criteria-sets';
import { evidencePackSchema, evidencePackViewSchema } from '../schemas/evidence-packs';
import { recordId } from '../schemas/fields';
import { treatmentKinds } from '../domain/treatments';
import { defineMethods, noInput, nothing } from './method-spec';

const setIdInput = z.strictObject({ setId: z.string().trim().min(1, 'Choose a criteria set.') });

export const criteriaMethods = defineMethods({
  'criteria.listSets': {
    doc: "Every criteria set: the user's own first, then the ones shipped with Advocase.",
    input: noInput,
    output: z.array(criteriaSetSchema),
  },
  'criteria.getSet': {
    doc: 'One criteria set by id.',
    input: setIdInput,
    output: criteriaSetSchema,
  },
  'criteria.saveSet': {
    doc: 'Creates a user criteria set (setId absent; basedOn names the shipped set it copies) or replaces one. Shipped sets cannot be changed: duplicate them.',
    input: z.strictObject({
      setId: z.string().trim().min(1).nullish(),
      basedOn: z.string().trim().min(1).nullish(),
      definition: criteriaSetDefinitionSchema,
    }),
    output: criteriaSetSchema,
  },
  'criteria.deleteSet': {
    doc: 'Deletes a user criteria set; cases that chose it fall back to their default and keep the policy details they recorded.',
    input: setIdInput,
    output: nothing,
  },
  'criteria.evaluateCase': {
    doc: "Judges the case's facts against its criteria set (the chosen one, else the default for its payer and treatment).",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseCriteriaViewSchema,
  },
  'criteria.chooseSetForCase': {
    doc: "Chooses the criteria set a case is judged against, recording the policy's name, number, date and address.",
    input: chooseCriteriaSetInputSchema,
    output: caseCriteriaViewSchema,
  },
  'criteria.judgeCriterion': {
    doc: "Records the user's judgement of a criterion the app cannot check; 'met' needs a document of the case.",
    input: judgeCriterionInputSchema,
    output: caseCriteriaViewSchema,
  },
});

export const evidencePacksMethods = defineMethods({
  'evidencePacks.list': {
    doc: 'The evidence pack of each treatment, in the version the user last saved (or as shipped).',
    input: noInput,
    output: z.array(evidencePackViewSchema),
  },
  'evidencePacks.get': {
    doc: "One treatment's evidence pack.",
    input: z.strictObject({ treatment: z.enum(treatmentKinds) }),
    output: evidencePackViewSchema,
  },
  'evidencePacks.save': {
    doc: "Saves the user's version of a treatment's evidence pack (every fact with its source).",
    input: z.strictObject({ pack: evidencePackSchema }),
    output: evidencePackViewSchema,
  },
  'evidencePacks.reset': {
    doc: "Drops the user's version of a pack so the shipped one shows again.",
    input: z.strictObject({ treatment: z.enum(treatmentKinds) }),
    output: evidencePackViewSchema,
  },
});
