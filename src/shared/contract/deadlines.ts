import { z } from 'zod';
import {
  addManualDeadlineInputSchema,
  addPayerRequestInputSchema,
  agendaSchema,
  answerPayerRequestInputSchema,
  calendarFileSchema,
  caseDeadlinesSchema,
  clearOverrideInputSchema,
  exportCalendarInputSchema,
  markDoneInputSchema,
  overrideDeadlineInputSchema,
  reminderSettingsSchema,
  reminderSummarySchema,
} from '../schemas/deadlines';
import { recordId } from '../schemas/fields';
import { taskSchema } from '../schemas/tasks';
import { defineMethods, noInput, nothing } from './method-spec';

/** Deadlines: computed per case from its plan and timeline, with the user's overrides. */
export const deadlinesMethods = defineMethods({
  'deadlines.listForCase': {
    doc: "A case's deadlines (each with its rule, citation and status), what to record to get the missing ones, and its requests to the payer.",
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseDeadlinesSchema,
  },
  'deadlines.override': {
    doc: 'Replaces a computed date with the one a plan document or notice gives, with a reason; both go to the audit log.',
    input: overrideDeadlineInputSchema,
    output: caseDeadlinesSchema,
  },
  'deadlines.clearOverride': {
    doc: 'Goes back to the computed date, with a reason kept in the audit log.',
    input: clearOverrideInputSchema,
    output: caseDeadlinesSchema,
  },
  'deadlines.agenda': {
    doc: 'Deadlines and dated tasks across all cases: overdue, today, this week, the next 30 days.',
    input: noInput,
    output: agendaSchema,
  },
  'deadlines.markDone': {
    doc: 'Marks a deadline or task done and writes a note on the case timeline saying so.',
    input: markDoneInputSchema,
    output: nothing,
  },
  'deadlines.addManual': {
    doc: 'Adds a dated to-do to a case ("call the rep back Friday"); it shares the agenda and reminders.',
    input: addManualDeadlineInputSchema,
    output: taskSchema,
  },
  'deadlines.addPayerRequest': {
    doc: 'Records a request for the claim file, plan documents or criteria; it is tracked until answered.',
    input: addPayerRequestInputSchema,
    output: caseDeadlinesSchema,
  },
  'deadlines.answerPayerRequest': {
    doc: 'Records the day the payer answered a request.',
    input: answerPayerRequestInputSchema,
    output: caseDeadlinesSchema,
  },
  'deadlines.exportCalendar': {
    doc: 'The chosen deadlines as an iCalendar (.ics) file; titles use case numbers unless names are asked for.',
    input: exportCalendarInputSchema,
    output: calendarFileSchema,
  },
  'deadlines.reminderSummary': {
    doc: 'Counts of deadlines and dated follow-ups overdue, due today and due at each reminder lead time, with a sentence that names no one.',
    input: noInput,
    output: reminderSummarySchema,
  },
  'deadlines.reminderSettings': {
    doc: 'The reminder lead times and the re-authorization lead time.',
    input: noInput,
    output: reminderSettingsSchema,
  },
  'deadlines.updateReminderSettings': {
    doc: 'Changes the reminder lead times (days ahead; 0 is the same day) or the re-authorization lead time.',
    input: reminderSettingsSchema.partial().strict(),
    output: reminderSettingsSchema,
  },
});
