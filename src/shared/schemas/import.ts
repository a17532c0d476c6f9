import { z } from 'zod';
import { enumeratedImportFields } from '../domain/import-vocabulary';
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

/** Each distinct value of an enumerated column, as written in the file, mapped to Advocase's code. */
export const importValueMappingsSchema = z.partialRecord(
  z.enum(enumeratedImportFields, { error: 'That column cannot have its values mapped.' }),
  z.record(z.string().max(200), z.string().max(60)),
);
export type ImportValueMappings = z.infer<typeof importValueMappingsSchema>;

/** A cell the user corrected in the preview: the row's line and the column's header. */
export const importCorrectionSchema = z.strictObject({
  line: z.number().int().min(2),
  column: z.string().max(200),
  value: z.string().max(20_000),
});
export type ImportCorrection = z.infer<typeof importCorrectionSchema>;

const importRequestShape = {
  csvText: z
    .string({ error: 'Choose a CSV file.' })
    .min(1, 'The file is empty: choose a CSV file with a header row and at least one row.')
    .max(10_000_000, 'The file is larger than 10 MB: split it into smaller files and import each.'),
  /** The user's name for where the file came from ("Old spreadsheet"); the mapping is remembered under it. */
  sourceName: optionalText('Source name', 100),
  /** Omitted: the mapping remembered for this source, or one guessed from the headers. */
  mapping: importMappingSchema.optional(),
  /** Added to (and overriding) the value mappings remembered for this source. */
  valueMappings: importValueMappingsSchema.default({}),
  corrections: z.array(importCorrectionSchema).max(50_000).default([]),
  /** Lines the user chose to leave out. */
  skipLines: z.array(z.number().int()).max(100_000).default([]),
  duplicateAction: z
    .enum(['skip', 'merge'], { error: 'Choose whether to skip or merge duplicates.' })
    .default('skip'),
};

export const importPreviewInputSchema = z.strictObject(importRequestShape);
export const importCommitInputSchema = z.strictObject(importRequestShape);
export type ImportRequest = z.output<typeof importPreviewInputSchema>;

export const importRowStatuses = [
  'ok',
  'error',
  'duplicate-in-file',
  'duplicate-in-store',
  'skipped-empty',
] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

/** One problem in one cell (or the whole row), said so that the user can fix it. */
export const importProblemSchema = z.object({
  /** The CSV column's header; null when the problem is the whole row. */
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importPreviewRowSchema = z.object({
  /** The row's number as a spreadsheet shows it: the header is 1, an empty line counts. */
  line: z.number().int(),
  status: z.enum(importRowStatuses),
  /** The user chose to leave this row out. */
  skipped: z.boolean(),
  /** The cells in header order, with the user's corrections. */
  cells: z.array(z.string()),
  problems: z.array(importProblemSchema),
  /** What the row duplicates: an earlier line of the file, or a client already in Advocase. */
  duplicateOf: z
    .object({
      line: z.number().int().nullable(),
      clientId: z.number().int().nullable(),
      fullName: z.string(),
    })
    .nullable(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importValueSchema = z.object({
  field: z.enum(enumeratedImportFields),
  column: z.string(),
  /** The value as written in the file. */
  value: z.string(),
  rowCount: z.number().int(),
  /** Advocase's code, or null while the user has not chosen one. */
  code: z.string().nullable(),
  /** exact: the file uses Advocase's word; suggested: a likely reading to confirm; unmapped: the user must choose. */
  origin: z.enum(['exact', 'given', 'remembered', 'suggested', 'unmapped']),
});
export type ImportValue = z.infer<typeof importValueSchema>;

export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  /** The mapping used: the one sent, the one remembered for this source, or a guess from the headers. */
  mapping: importMappingSchema,
  mappingOrigin: z.enum(['given', 'remembered', 'guessed']),
  /** The file's columns no field takes: their data would not be imported. */
  unmappedColumns: z.array(z.string()),
  /** What importing now would create, with the duplicates skipped or merged as asked. */
  planned: z.object({
    newClients: z.number().int(),
    mergedClients: z.number().int(),
    /** One per client and treatment in the rows; a merged client's treatment that already has a case adds none, so at most. */
    cases: z.number().int(),
  }),
  /** Every distinct value of the enumerated columns and the code it maps to. */
  values: z.array(importValueSchema),
  /** Date columns read day first (25/12/1980), because some of their dates can only be read so. */
  dayFirstColumns: z.array(z.string()),
  /** Every row of the file, in file order. */
  rows: z.array(importPreviewRowSchema),
  counts: z.object({
    ok: z.number().int(),
    error: z.number().int(),
    duplicateInFile: z.number().int(),
    duplicateInStore: z.number().int(),
    skippedEmpty: z.number().int(),
    skippedByUser: z.number().int(),
  }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** How far an import being written has come: what it is doing, and the records done of those to write. */
export const importProgressSchema = z.object({
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  clientsCreated: z.number().int(),
  clientsMerged: z.number().int(),
  coveragesCreated: z.number().int(),
  casesCreated: z.number().int(),
  /** The rows not imported, as CSV with a "What to fix" column, or null when every row went in. */
  skippedCsv: z.string().nullable(),
  /** A sentence for the toast. */
  message: z.string(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
