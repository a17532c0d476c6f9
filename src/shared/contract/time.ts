import { z } from 'zod';
import { recordId } from '../schemas/fields';
import {
  addTimeEntryInputSchema,
  billingSettingsSchema,
  caseTimeSchema,
  hoursSummaryInputSchema,
  hoursSummarySchema,
  setClientRateInputSchema,
  startTimerInputSchema,
  stopTimerInputSchema,
  timeEntrySchema,
  updateBillingSettingsInputSchema,
  updateTimeEntryInputSchema,
} from '../schemas/time';
import { defineMethods, noInput } from './method-spec';

/** Time tracking: one app-wide timer, typed entries, rates. */
export const timeMethods = defineMethods({
  'time.running': {
    doc: 'The timer that is running, wherever it was started (it is kept in the database, so it survives a lock), or null.',
    input: noInput,
    output: timeEntrySchema.nullable(),
  },
  'time.start': {
    doc: 'Starts the timer on a case; refused, with a message, while another timer runs.',
    input: startTimerInputSchema,
    output: timeEntrySchema,
  },
  'time.stop': {
    doc: 'Stops the running timer with what was done; `minutes` replaces the clock time when the user corrects it.',
    input: stopTimerInputSchema,
    output: timeEntrySchema,
  },
  'time.add': {
    doc: 'Adds time typed in by hand: a date and minutes, or a start and end time.',
    input: addTimeEntryInputSchema,
    output: timeEntrySchema,
  },
  'time.update': {
    doc: 'Changes a time entry (not one already invoiced).',
    input: updateTimeEntryInputSchema,
    output: timeEntrySchema,
  },
  'time.delete': {
    doc: 'Deletes a time entry (not one already invoiced); Undo brings it back.',
    input: z.strictObject({ entryId: recordId('Time entry') }),
    output: z.object({ message: z.string() }),
  },
  'time.listForCase': {
    doc: "A case's time entries, newest first, with totals rounded as they will be billed.",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseTimeSchema,
  },
  'time.summarizeHours': {
    doc: 'Hours worked in a period by case, client and month (for funder and board reports), optionally for one advocate.',
    input: hoursSummaryInputSchema,
    output: hoursSummarySchema,
  },
});

export const billingMethods = defineMethods({
  'billing.getSettings': {
    doc: 'Default hourly rate, billing increment, and the "from" block and payment terms last used on an invoice; a name and address never set for invoices come from Settings → Profile.',
    input: noInput,
    output: billingSettingsSchema,
  },
  'billing.updateSettings': {
    doc: 'Changes the billing settings given.',
    input: updateBillingSettingsInputSchema,
    output: billingSettingsSchema,
  },
  'billing.getClientRate': {
    doc: "A client's own hourly rate, or null when the default applies.",
    input: z.strictObject({ clientId: recordId('Client') }),
    output: z.object({ rateCents: z.number().int().nullable() }),
  },
  'billing.setClientRate': {
    doc: "Sets a client's hourly rate (null: use the default). New entries take it; existing ones keep theirs.",
    input: setClientRateInputSchema,
    output: z.object({ rateCents: z.number().int().nullable() }),
  },
});
