import { z } from 'zod';
import { recordId } from '../schemas/fields';
import {
  createLetterInputSchema,
  letterSchema,
  letterSummarySchema,
  letterTemplateFileSchema,
  letterTemplateIdSchema,
  letterTemplateSchema,
  letterTemplateSummarySchema,
  placeholderDocSchema,
  saveLetterTemplateInputSchema,
  updateLetterInputSchema,
} from '../schemas/letters';
import { defineMethods, noInput, nothing } from './method-spec';

const templateIdInput = z.strictObject({ templateId: letterTemplateIdSchema });
const letterIdInput = z.strictObject({ letterId: recordId('Letter') });

/** Letter templates: shipped ones read-only, the user's own kept in the encrypted store. */
export const letterTemplatesMethods = defineMethods({
  'letterTemplates.list': {
    doc: 'Every template, shipped and the user’s own, with a one-line description each.',
    input: noInput,
    output: z.array(letterTemplateSummarySchema),
  },
  'letterTemplates.get': {
    doc: 'One template with its text and the placeholders it uses.',
    input: templateIdInput,
    output: letterTemplateSchema,
  },
  'letterTemplates.save': {
    doc: 'Adds a user template or changes one; an unknown placeholder is refused with its line.',
    input: saveLetterTemplateInputSchema,
    output: letterTemplateSchema,
  },
  'letterTemplates.duplicate': {
    doc: 'Copies any template (shipped or own) into a new user template that can be edited.',
    input: templateIdInput,
    output: letterTemplateSchema,
  },
  'letterTemplates.delete': {
    doc: 'Deletes a user template (shipped templates cannot be deleted). Letters made from it stay.',
    input: templateIdInput,
    output: nothing,
  },
  'letterTemplates.import': {
    doc: 'Adds a user template from the text of a .md template file (front matter and body).',
    input: z.strictObject({
      fileText: z
        .string({ error: 'Choose a template file.' })
        .min(1, 'The file is empty.')
        .max(200_000, 'The file is too large for a template.'),
    }),
    output: letterTemplateSchema,
  },
  'letterTemplates.export': {
    doc: 'A template as the text of a .md file with front matter, to save or share.',
    input: templateIdInput,
    output: letterTemplateFileSchema,
  },
  'letterTemplates.placeholders': {
    doc: 'Every placeholder a template may use, what fills it and what shows when the case lacks it.',
    input: noInput,
    output: z.array(placeholderDocSchema),
  },
});

/** A case's letters: filled from the case, edited, kept as structured text (never HTML). */
export const lettersMethods = defineMethods({
  'letters.create': {
    doc: 'Fills a template from the case (facts, deadlines, criteria, chosen enclosures) into a new draft.',
    input: createLetterInputSchema,
    output: letterSchema,
  },
  'letters.get': {
    doc: 'One letter with its text, enclosures and the prompts still unfilled.',
    input: letterIdInput,
    output: letterSchema,
  },
  'letters.list': {
    doc: 'A case’s letters, most recently changed first.',
    input: z.strictObject({ caseId: recordId('Case') }),
    output: z.array(letterSummarySchema),
  },
  'letters.update': {
    doc: 'Saves an edit (text, title, enclosures, sent status); recorded in the audit log.',
    input: updateLetterInputSchema,
    output: letterSchema,
  },
  'letters.delete': {
    doc: 'Deletes a letter (kept in the audit log).',
    input: letterIdInput,
    output: nothing,
  },
});
