import { z } from 'zod';
import { fundingOptionTypeLabels, fundingOptionTypes, fundingStatuses } from '../domain/funding-options';
import { optionalCalendarDate, optionalCents, optionalText, recordId, requiredText } from './fields';

const optionTypeSchema = z.enum(fundingOptionTypes, {
  error: `Type must be one of: ${fundingOptionTypes.map((type) => fundingOptionTypeLabels[type]).join(', ')}.`,
});

/** What the add/edit dialog sends: every field of one funding option. */
const fundingOptionFields = {
  optionType: optionTypeSchema,
  programName: requiredText('Program name', 200),
  eligibilityNotes: optionalText('Eligibility notes', 4000),
  status: z.enum(fundingStatuses, {
    error: 'Status must be considering, applied, pending, granted, denied or withdrawn.',
  }),
  applyBy: optionalCalendarDate('Apply by'),
  appliedOn: optionalCalendarDate('Applied on', { notInFuture: true }),
  responseExpectedOn: optionalCalendarDate('Answer expected by'),
  decidedOn: optionalCalendarDate('Decided on', { notInFuture: true }),
  renewalOn: optionalCalendarDate('Renewal date'),
  amountRequestedCents: optionalCents('Amount requested'),
  amountGrantedCents: optionalCents('Amount granted'),
  documentIds: z
    .array(recordId('Document'), { error: 'Documents sent must be a list of documents.' })
    .max(100, 'At most 100 documents per option.')
    .default([]),
  nextStep: optionalText('Next step', 300),
  nextStepOn: optionalCalendarDate('Next step due'),
  notes: optionalText('Notes', 4000),
};

type FundingOptionFieldValues = {
  readonly status: string;
  readonly amountGrantedCents: number | null;
  readonly appliedOn: string | null;
  readonly decidedOn: string | null;
  readonly renewalOn: string | null;
};

/**
 * Checks between fields, each message on the field to fix: a grant has its amount and only a grant
 * has one (the outcomes dashboard counts granted amounts), and dates follow the order they happen in.
 */
function checkFieldsAgree(value: FundingOptionFieldValues, context: z.RefinementCtx): void {
  if (value.status === 'granted' && value.amountGrantedCents === null) {
    context.addIssue({
      code: 'custom',
      path: ['amountGrantedCents'],
      message: 'A granted option needs the amount granted: enter it (0 if the help is not money).',
    });
  }
  if (value.status !== 'granted' && value.amountGrantedCents !== null) {
    context.addIssue({
      code: 'custom',
      path: ['amountGrantedCents'],
      message: 'Amount granted is only for a granted option: set the status to Granted, or clear the amount.',
    });
  }
  if (value.appliedOn && value.renewalOn && value.renewalOn < value.appliedOn) {
    context.addIssue({
      code: 'custom',
      path: ['renewalOn'],
      message: 'The renewal date cannot come before the date you applied. Check both dates.',
    });
  }
  if (value.appliedOn && value.decidedOn && value.decidedOn < value.appliedOn) {
    context.addIssue({
      code: 'custom',
      path: ['decidedOn'],
      message: 'The decision cannot come before the date you applied. Check both dates.',
    });
  }
}

export const addFundingOptionInputSchema = z
  .strictObject({ caseId: recordId('Case'), ...fundingOptionFields })
  .superRefine(checkFieldsAgree);
export type AddFundingOptionInput = z.output<typeof addFundingOptionInputSchema>;

export const updateFundingOptionInputSchema = z
  .strictObject({ fundingOptionId: recordId('Funding option'), ...fundingOptionFields })
  .superRefine(checkFieldsAgree);
export type UpdateFundingOptionInput = z.output<typeof updateFundingOptionInputSchema>;

/** The fields the dialog edits, as a form holds them before sending. */
export type FundingOptionFieldsInput = Omit<z.input<typeof addFundingOptionInputSchema>, 'caseId'>;

export const fundingOptionSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  optionType: optionTypeSchema,
  programName: z.string(),
  eligibilityNotes: z.string().nullable(),
  status: z.enum(fundingStatuses),
  applyBy: z.string().nullable(),
  appliedOn: z.string().nullable(),
  responseExpectedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  renewalOn: z.string().nullable(),
  amountRequestedCents: z.number().nullable(),
  amountGrantedCents: z.number().nullable(),
  documents: z.array(z.object({ id: z.number(), fileName: z.string() })),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type FundingOption = z.infer<typeof fundingOptionSchema>;

/** How well an option not yet tried fits what the database knows about the client. */
export const fundingFits = ['likely', 'possible', 'unlikely'] as const;
export type FundingFit = (typeof fundingFits)[number];

export const fundingSuggestionSchema = z.object({
  optionType: optionTypeSchema,
  fit: z.enum(fundingFits),
  /** One line: why it might fit, from the client's facts, ending in what to check. */
  reason: z.string(),
  /** The fact that, recorded or changed, would move the route up or down. */
  wouldChange: z.string(),
  sourceUrl: z.string().nullable(),
  sourceText: z.string().nullable(),
});
export type FundingSuggestion = z.infer<typeof fundingSuggestionSchema>;

export const caseFundingSchema = z.object({
  caseId: z.number(),
  clientId: z.number(),
  options: z.array(fundingOptionSchema),
  totalGrantedCents: z.number(),
  notYetConsidered: z.array(fundingSuggestionSchema),
  dismissed: z.array(fundingSuggestionSchema),
});
export type CaseFunding = z.infer<typeof caseFundingSchema>;

export const dismissFundingTypeInputSchema = z.strictObject({
  caseId: recordId('Case'),
  optionType: optionTypeSchema,
});
