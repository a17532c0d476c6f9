import { z } from 'zod';
import { optionalText } from './fields';

/** What a CSV column can be imported as. */
export const importFields = [
  'fullName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'state',
  'phone',
  'email',
  'address',
  'preferredLanguage',
  'notes',
  'payer',
  'planName',
  'planType',
  'memberId',
  'groupNumber',
  'effectiveOn',
  'endsOn',
  'treatment',
  'stage',
  'priority',
  'openedOn',
] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Readonly<Record<ImportField, string>> = {
  fullName: 'Client: full name',
  firstName: 'Client: first name',
  lastName: 'Client: last name',
  dateOfBirth: 'Client: date of birth',
  state: 'Client: state',
  phone: 'Client: phone',
  email: 'Client: email',
  address: 'Client: address',
  preferredLanguage: 'Client: preferred language',
  notes: 'Client: notes',
  payer: 'Coverage: payer',
  planName: 'Coverage: plan name',
  planType: 'Coverage: plan type',
  memberId: 'Coverage: member ID',
  groupNumber: 'Coverage: group number',
  effectiveOn: 'Coverage: effective date',
  endsOn: 'Coverage: end date',
  treatment: 'Case: treatment',
  stage: 'Case: stage',
  priority: 'Case: priority',
  openedOn: 'Case: opened on',
};

/** Which column feeds each field (by its header); a field left out is not imported. */
export const importMappingSchema = z.partialRecord(
  z.enum(importFields, { error: 'That is not a field Advocase can import.' }),
  z.string().max(200).nullable(),
);
export type ImportMapping = z.infer<typeof importMappingSchema>;

const importRequestShape = {
  csvText: z
    .string({ error: 'Choose a CSV file.' })
    .min(1, 'The file is empty: choose a CSV file with a header row and at least one row.')
    .max(10_000_000, 'The file is larger than 10 MB: split it into smaller files and import each.'),
  /** The user's name for where the file came from ("Old spreadsheet"); the mapping is remembered under it. */
  sourceName: optionalText('Source name', 100),
  /** Omitted: the mapping remembered for this source, or one guessed from the headers. */
  mapping: importMappingSchema.optional(),
  duplicateAction: z
    .enum(['skip', 'merge'], { error: 'Choose whether to skip or merge duplicates.' })
    .default('skip'),
};

export const importPreviewInputSchema = z.strictObject(importRequestShape);
export const importCommitInputSchema = z.strictObject(importRequestShape);
export type ImportRequest = z.output<typeof importPreviewInputSchema>;

/** One problem in one row, said so that the user can fix the file. */
export const importRowErrorSchema = z.object({
  /** The row's line in the spreadsheet, counting the header as row 1. */
  rowNumber: z.number().int(),
  /** The CSV column's header, or null when the problem is the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importPreviewRowSchema = z.object({
  rowNumber: z.number().int(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  payer: z.string().nullable(),
  memberId: z.string().nullable(),
  treatment: z.string().nullable(),
  /** The existing client this row matches by name, date of birth and member ID. */
  duplicateOf: z.object({ clientId: z.number().int(), fullName: z.string() }).nullable(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  /** The mapping used: the one sent, the one remembered for this source, or a guess from the headers. */
  mapping: importMappingSchema,
  mappingOrigin: z.enum(['given', 'remembered', 'guessed']),
  /** The first rows as they will be imported (up to 200). */
  rows: z.array(importPreviewRowSchema),
  errors: z.array(importRowErrorSchema),
  rowCount: z.number().int(),
  duplicateCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  clientsCreated: z.number().int(),
  clientsMerged: z.number().int(),
  rowsSkipped: z.number().int(),
  coveragesCreated: z.number().int(),
  casesCreated: z.number().int(),
  /** A sentence for the toast. */
  message: z.string(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
