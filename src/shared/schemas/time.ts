import { z } from 'zod';
import { billingIncrements } from '../domain/billing';
import { calendarDate, optionalCents, optionalText, recordId, requiredText } from './fields';

const maximumMinutes = 24 * 60;
const clockTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesWorked = z
  .number({ error: 'Minutes must be a number, for example 45.' })
  .int('Minutes must be a whole number.')
  .min(1, 'Minutes must be at least 1 (time cannot be negative or zero).')
  .max(maximumMinutes, `Minutes must be at most ${maximumMinutes} (one day). Split longer work by day.`);

const clockTime = (label: string) =>
  z
    .string({ error: `${label} must be a time such as 09:30.` })
    .trim()
    .regex(clockTimePattern, `${label} must be a time written as HH:MM (24-hour), for example 09:30.`)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((value) => value ?? null);

export const hourlyRate = (label: string) => optionalCents(label);

function minutesOfClock(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

const manualTimeEntryShape = {
  workedOn: calendarDate('Date', { notInFuture: true }),
  minutes: minutesWorked.nullish().transform((value) => value ?? null),
  from: clockTime('Start time'),
  to: clockTime('End time'),
  description: requiredText('What you did', 500),
  isBillable: z.boolean().default(true),
  rateCents: hourlyRate('Rate'),
};

type ManualTimeFields = { minutes: number | null; from: string | null; to: string | null };

/** Minutes come either as a number or from a start and end time; the problem goes by its field. */
function checkMinutesOrTimes(entry: ManualTimeFields, context: z.RefinementCtx): void {
  if (entry.from !== null && entry.to !== null) {
    if (minutesOfClock(entry.to) <= minutesOfClock(entry.from)) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end time must be after the start time. For work past midnight, make two entries.',
      });
    }
  } else if (entry.from !== null || entry.to !== null) {
    context.addIssue({
      code: 'custom',
      path: [entry.from === null ? 'from' : 'to'],
      message: 'Give both a start and an end time, or leave both empty and enter the minutes.',
    });
  } else if (entry.minutes === null) {
    context.addIssue({
      code: 'custom',
      path: ['minutes'],
      message: 'Enter the minutes worked, or a start and an end time.',
    });
  }
}

function minutesFromFields<T extends ManualTimeFields>(entry: T): T & { minutes: number } {
  return {
    ...entry,
    minutes:
      entry.from !== null && entry.to !== null
        ? minutesOfClock(entry.to) - minutesOfClock(entry.from)
        : (entry.minutes ?? 0),
  };
}

/** Time typed in by hand: a date and either minutes or a start and end time (the form checks this). */
export const manualTimeEntryFieldsSchema = z
  .strictObject(manualTimeEntryShape)
  .superRefine(checkMinutesOrTimes)
  .transform(minutesFromFields);

export const addTimeEntryInputSchema = z
  .strictObject({ caseId: recordId('Case'), ...manualTimeEntryShape })
  .superRefine(checkMinutesOrTimes)
  .transform(minutesFromFields);
export type AddTimeEntryInput = z.output<typeof addTimeEntryInputSchema>;

export const updateTimeEntryInputSchema = z.strictObject({
  entryId: recordId('Time entry'),
  changes: z.strictObject({
    workedOn: calendarDate('Date', { notInFuture: true }).optional(),
    minutes: minutesWorked.optional(),
    description: requiredText('What you did', 500).optional(),
    isBillable: z.boolean().optional(),
    rateCents: hourlyRate('Rate').optional(),
  }),
});

export const startTimerInputSchema = z.strictObject({
  caseId: recordId('Case'),
  description: optionalText('What you are doing', 500),
});

export const stopTimerInputSchema = z.strictObject({
  entryId: recordId('Time entry'),
  description: requiredText('What you did', 500),
  /** The minutes to keep, when the user corrects the clock (a timer left running overnight). */
  minutes: z
    .number({ error: 'Minutes must be a number, for example 45.' })
    .int('Minutes must be a whole number.')
    .min(0, 'Minutes cannot be negative.')
    .max(maximumMinutes, `Minutes must be at most ${maximumMinutes} (one day). Split longer work by day.`)
    .optional(),
});

export const timeEntrySchema = z.object({
  id: recordId('Time entry'),
  caseId: recordId('Case'),
  caseNumber: z.string(),
  clientId: recordId('Client'),
  clientName: z.string(),
  workedOn: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** As worked; null while the timer runs. */
  minutes: z.number().int().nullable(),
  /** Rounded up to the billing increment; null while the timer runs. */
  billedMinutes: z.number().int().nullable(),
  description: z.string(),
  isBillable: z.boolean(),
  rateCents: z.number().int().nullable(),
  /** Billed minutes at the rate; null when not billable or no rate is set. */
  amountCents: z.number().int().nullable(),
  invoiceId: z.number().int().nullable(),
  invoiceNumber: z.string().nullable(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const caseTimeSchema = z.object({
  entries: z.array(timeEntrySchema),
  totals: z.object({
    minutes: z.number().int(),
    billableMinutes: z.number().int(),
    amountCents: z.number().int(),
    uninvoicedAmountCents: z.number().int(),
  }),
  incrementMinutes: z.number().int(),
  roundingNote: z.string(),
  /** The rate a new entry on this case gets: the client's, else the default, else none. */
  rateCents: z.number().int().nullable(),
  rateSource: z.enum(['client', 'default', 'none']),
});
export type CaseTime = z.infer<typeof caseTimeSchema>;

export const billingSettingsSchema = z.object({
  defaultRateCents: hourlyRate('Default rate'),
  incrementMinutes: z
    .number({ error: 'Choose a billing increment.' })
    .refine(
      (value) => (billingIncrements as readonly number[]).includes(value),
      `Billing increment must be one of ${billingIncrements.join(', ')} minutes.`,
    ),
  fromName: optionalText('Your name or business name', 200),
  fromAddress: optionalText('Your address', 500),
  paymentTerms: optionalText('Payment terms', 500),
});
export type BillingSettings = z.output<typeof billingSettingsSchema>;

export const updateBillingSettingsInputSchema = billingSettingsSchema.partial().strict();

export const setClientRateInputSchema = z.strictObject({
  clientId: recordId('Client'),
  rateCents: hourlyRate('Rate'),
});

export const hoursSummaryInputSchema = z
  .strictObject({
    from: calendarDate('From'),
    to: calendarDate('To'),
    advocate: optionalText('Advocate', 200),
  })
  .refine((range) => range.to >= range.from, {
    path: ['to'],
    message: 'The end of the period must be on or after its start.',
  });

const hoursRow = z.object({ minutes: z.number().int(), billableMinutes: z.number().int() });
export const hoursSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  advocate: z.string().nullable(),
  totalMinutes: z.number().int(),
  billableMinutes: z.number().int(),
  byCase: z.array(
    hoursRow.extend({ caseId: z.number().int(), caseNumber: z.string(), clientName: z.string() }),
  ),
  byClient: z.array(hoursRow.extend({ clientId: z.number().int(), clientName: z.string() })),
  /** YYYY-MM. */
  byMonth: z.array(hoursRow.extend({ month: z.string() })),
});
export type HoursSummary = z.infer<typeof hoursSummarySchema>;
