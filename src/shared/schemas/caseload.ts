import { z } from 'zod';
import { casePriorities, caseStages } from '../domain/case-stages';
import { planTypes } from '../domain/plan-types';
import { treatmentKinds } from '../domain/treatments';
import { optionalText, recordId } from './fields';

/** The caseload's columns, in their default order. Sorting, CSV export and the column chooser use these ids. */
export const caseloadColumnIds = [
  'caseNumber',
  'clientName',
  'treatment',
  'payer',
  'planType',
  'stage',
  'priority',
  'nextDeadline',
  'assignedAdvocate',
  'openedOn',
  'updatedAt',
  'evidenceReadiness',
] as const;
export type CaseloadColumnId = (typeof caseloadColumnIds)[number];

export const caseloadColumnLabels: Readonly<Record<CaseloadColumnId, string>> = {
  caseNumber: 'Case',
  clientName: 'Client',
  treatment: 'Treatment',
  payer: 'Payer',
  planType: 'Plan type',
  stage: 'Stage',
  priority: 'Priority',
  nextDeadline: 'Next deadline',
  assignedAdvocate: 'Advocate',
  openedOn: 'Opened',
  updatedAt: 'Last activity',
  evidenceReadiness: 'Readiness',
};

/**
 * Shown until the user chooses: the columns an advocate scans all day. What to act on (stage,
 * priority, next deadline, readiness) comes first, so at 1280 px it is all in view and only the
 * reference columns (advocate, opened) are reached by scrolling the table sideways.
 */
export const defaultCaseloadColumns: readonly CaseloadColumnId[] = [
  'caseNumber',
  'clientName',
  'treatment',
  'payer',
  'stage',
  'priority',
  'nextDeadline',
  'evidenceReadiness',
  'assignedAdvocate',
  'openedOn',
];

const columnId = z.enum(caseloadColumnIds, { error: 'That column is not one the caseload has.' });

export const caseloadSortSchema = z.strictObject({
  column: columnId,
  descending: z.boolean().default(false),
});
export type CaseloadSort = z.output<typeof caseloadSortSchema>;

const listOf = <T extends z.ZodType>(item: T, label: string) =>
  z
    .array(item, { error: `${label} must be a list.` })
    .max(200, `${label}: at most 200 values.`)
    .optional();

const filterText = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(200, `${label} must be at most 200 characters.`);

/**
 * Per-column filters; within one filter any listed value matches, and filters combine with "and".
 * An advocate value of null means "no advocate assigned". A new filter is one field here and one
 * entry in the core's filter table (src/core/caseload/caseload-query-service.ts).
 */
export const caseloadFiltersSchema = z.strictObject({
  stages: listOf(z.enum(caseStages, { error: 'Stage is not one Advocase knows.' }), 'Stages'),
  payers: listOf(filterText('Payer'), 'Payers'),
  planTypes: listOf(z.enum(planTypes, { error: 'Plan type is not one Advocase knows.' }), 'Plan types'),
  treatments: listOf(z.enum(treatmentKinds, { error: 'Treatment is not one Advocase knows.' }), 'Treatments'),
  advocates: listOf(filterText('Advocate').nullable(), 'Advocates'),
  priorities: listOf(
    z.enum(casePriorities, { error: 'Priority must be low, normal, high or urgent.' }),
    'Priorities',
  ),
  /** Urgent priority or the urgency flag. */
  isUrgent: z.boolean().optional(),
  /** A deadline has passed without being met (the deadlines work's per-case summary). */
  hasOverdueDeadline: z.boolean().optional(),
  /**
   * The advocate's side (the claimant) has a deadline within this many days from today, not yet
   * done: filing an appeal or an external review request.
   */
  claimantDeadlineWithinDays: z
    .number({ error: 'Days must be a number.' })
    .int('Days must be a whole number.')
    .min(0, 'Days cannot be negative.')
    .max(365, 'Look at most 365 days ahead.')
    .optional(),
  /** Evidence readiness (percent of the checklist done) below this figure: the cases not ready to file. */
  evidenceReadinessBelow: z
    .number({ error: 'Readiness must be a number.' })
    .int('Readiness must be a whole percent.')
    .min(1, 'Readiness below must be between 1 and 100.')
    .max(100, 'Readiness below must be between 1 and 100.')
    .optional(),
});
export type CaseloadFilters = z.output<typeof caseloadFiltersSchema>;

/** What a caseload view is: filters, quick-filter text and sort order. Saved views store exactly this. */
export const caseloadViewDefinitionSchema = z.strictObject({
  filters: caseloadFiltersSchema.default({}),
  quickFilter: optionalText('Quick filter', 200),
  sorting: z
    .array(caseloadSortSchema)
    .max(caseloadColumnIds.length, 'Sort by at most every column once.')
    .default([]),
});
export type CaseloadViewDefinition = z.output<typeof caseloadViewDefinitionSchema>;
export type CaseloadViewDefinitionInput = z.input<typeof caseloadViewDefinitionSchema>;

export const caseloadQueryInputSchema = caseloadViewDefinitionSchema.extend({
  offset: z.number({ error: 'Offset must be a number.' }).int().min(0).default(0),
  limit: z
    .number({ error: 'Limit must be a number.' })
    .int()
    .min(1)
    .max(1000, 'Ask for at most 1000 rows at a time.')
    .default(100),
  /** Leave out the per-stage counts when only another window of the same view is wanted. */
  includeStageCounts: z.boolean().default(true),
});
export type CaseloadQueryInput = z.input<typeof caseloadQueryInputSchema>;

/** One row of the caseload table. */
export const caseloadRowSchema = z.object({
  id: recordId('Case'),
  caseNumber: z.string(),
  clientId: recordId('Client'),
  clientName: z.string(),
  treatment: z.enum(treatmentKinds),
  treatmentDetail: z.string().nullable(),
  payer: z.string().nullable(),
  planType: z.enum(planTypes).nullable(),
  stage: z.enum(caseStages),
  priority: z.enum(casePriorities),
  isUrgent: z.boolean(),
  assignedAdvocate: z.string().nullable(),
  openedOn: z.string(),
  updatedAt: z.string(),
  /** The earliest deadline still to act on (YYYY-MM-DD), or null. */
  nextDeadlineOn: z.string().nullable(),
  /** Deadlines passed with nothing recorded to answer them. */
  overdueCount: z.number().int(),
  /** Percent of the case's applicable evidence checklist done, a partial item counting half; null once closed. */
  evidenceReadiness: z.number().int().nullable(),
});
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;

export const stageCountsSchema = z.record(z.enum(caseStages), z.number().int());
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const caseloadQueryOutputSchema = z.object({
  rows: z.array(caseloadRowSchema),
  /** How many cases match, across all pages. */
  total: z.number().int(),
  offset: z.number().int(),
  /** Cases per stage under every filter except the stage filter, so each count says what a click on it would show. */
  stageCounts: stageCountsSchema.nullable(),
});
export type CaseloadQueryOutput = z.infer<typeof caseloadQueryOutputSchema>;

export const caseloadFilterOptionsSchema = z.object({
  payers: z.array(z.string()),
  advocates: z.array(z.string()),
});

export const caseloadBulkUpdateInputSchema = z.strictObject({
  caseIds: z
    .array(recordId('Case'), { error: 'Choose the cases to change.' })
    .min(1, 'Choose at least one case.')
    .max(10_000, 'Change at most 10,000 cases at once.'),
  changes: z
    .strictObject({
      stage: z.enum(caseStages, { error: 'Stage is not one Advocase knows.' }).optional(),
      /** A name assigns; null (or blank) takes the advocate off; leaving it out changes nothing. */
      assignedAdvocate: z
        .string({ error: 'Assigned advocate must be text.' })
        .trim()
        .max(120, 'Assigned advocate must be at most 120 characters (shorten it and try again).')
        .nullable()
        .optional()
        .transform((value) => (value === undefined ? undefined : value || null)),
    })
    .refine((changes) => changes.stage !== undefined || changes.assignedAdvocate !== undefined, {
      message: 'Choose a stage or an advocate to set.',
    }),
});

export const caseloadExportInputSchema = caseloadViewDefinitionSchema.extend({
  columns: z
    .array(columnId)
    .min(1, 'Choose at least one column to export.')
    .max(caseloadColumnIds.length)
    .default([...defaultCaseloadColumns]),
});

/** What the export reports once the file is written: its suggested name, the rows, and the name saved under (null: cancelled). */
export const caseloadExportOutputSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  savedAs: z.string().nullable(),
});

export const caseloadPreferencesSchema = z.object({
  /** Visible columns, in the order shown. */
  columns: z
    .array(columnId)
    .min(1, 'Keep at least one column.')
    .max(caseloadColumnIds.length)
    .refine((columns) => new Set(columns).size === columns.length, 'Each column can be shown once.'),
  /** The advocate name that "My urgent" means; null until the user says. */
  myAdvocateName: z
    .string()
    .trim()
    .max(120, 'Your name must be at most 120 characters.')
    .nullable()
    .transform((value) => (value ? value : null)),
});
export type CaseloadPreferences = z.output<typeof caseloadPreferencesSchema>;

export const savedCaseloadViewSchema = z.object({
  id: recordId('View'),
  name: z.string(),
  definition: caseloadViewDefinitionSchema,
});
export type SavedCaseloadView = z.output<typeof savedCaseloadViewSchema>;

export const saveCaseloadViewInputSchema = z.strictObject({
  name: z
    .string({ error: 'Name the view.' })
    .trim()
    .min(1, 'Name the view.')
    .max(60, 'A view name must be at most 60 characters.'),
  definition: caseloadViewDefinitionSchema,
});
