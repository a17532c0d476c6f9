import { z } from 'zod';
import { resourceKinds } from '../domain/resource-kinds';
import { stateCode } from './clients';
import { optionalText, recordId, requiredText } from './fields';
import { phoneNumberField } from './phone-field';

const webAddress = (label: string) =>
  optionalText(label, 500).refine(
    (url) => url === null || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(url),
    `${label} must be a full web address starting with https://, for example https://www.healthcare.gov.`,
  );

export const resourceFieldsSchema = z.strictObject({
  name: requiredText('Name', 200),
  kind: z.enum(resourceKinds, { error: 'Choose what kind of organisation this is.' }),
  state: stateCode,
  website: webAddress('Website'),
  phone: phoneNumberField('Phone'),
  email: optionalText('Email', 254).refine(
    (email) => email === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email),
    'Email must look like name@example.org.',
  ),
  address: optionalText('Address', 500),
  notes: optionalText('Notes', 4000),
  tags: z
    .array(z.string().trim().min(1).max(40, 'Each tag must be at most 40 characters.'), {
      error: 'Tags must be a list of words.',
    })
    .max(20, 'At most 20 tags.')
    .default([]),
  sourceUrl: webAddress('Source'),
  needsVerification: z.boolean().default(false),
});
export type ResourceFields = z.output<typeof resourceFieldsSchema>;

export const updateResourceInputSchema = z.strictObject({
  resourceId: recordId('Resource'),
  changes: resourceFieldsSchema.partial(),
});

export const listResourcesInputSchema = z.strictObject({
  text: optionalText('Search', 200),
  kind: z.enum(resourceKinds).nullish(),
  state: stateCode,
});

export const resourceSchema = z.object({
  id: recordId('Resource'),
  name: z.string(),
  kind: z.enum(resourceKinds),
  state: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  needsVerification: z.boolean(),
  isStarter: z.boolean(),
  linkedCaseCount: z.number().int(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const linkResourceInputSchema = z.strictObject({
  resourceId: recordId('Resource'),
  caseId: recordId('Case'),
  note: optionalText('Note', 500),
});

export const caseResourceSchema = z.object({
  linkId: z.number().int(),
  note: z.string().nullable(),
  resource: resourceSchema,
});
export type CaseResource = z.infer<typeof caseResourceSchema>;

export const starterSetResultSchema = z.object({ added: z.number().int(), message: z.string() });
