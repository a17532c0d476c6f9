import { z } from 'zod';
import { calendarDate, optionalText, recordId, requiredText } from './fields';

/**
 * What the deadline screens show. Every date is guidance from a cited rule
 * (docs/deadline-rules.md), labelled "estimated — verify against the notice", and the user can
 * replace it with the date a plan document or notice gives, with a reason.
 */

/**
 * `rule`: computed by the engine; `reauthorization`: an approval ending; `records-request`: a
 * request the payer must answer; `funding`: a funding option's own date (not a legal deadline).
 */
export const deadlineKinds = ['rule', 'reauthorization', 'records-request', 'funding'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const deadlineActors = ['payer', 'claimant'] as const;
export type DeadlineActor = (typeof deadlineActors)[number];

/**
 * As the engine judges it on the day it ran; "not-tracked" is the lifecycle's word for a deadline
 * of a closed case (shared/domain/case-lifecycle.ts): never overdue, never on the Agenda.
 */
export const storedDeadlineStatuses = ['open', 'met', 'missed', 'due-soon', 'not-tracked'] as const;
export type StoredDeadlineStatus = (typeof storedDeadlineStatuses)[number];

/** As the screens show it, judged today: the engine's word, or the user's "done". */
export const deadlineStatuses = [
  'open',
  'due-soon',
  'due-today',
  'missed',
  'met',
  'done',
  'not-tracked',
] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

export const deadlineStatusLabels: Readonly<Record<DeadlineStatus, string>> = {
  open: 'Open',
  'due-soon': 'Due soon',
  'due-today': 'Due today',
  missed: 'Missed',
  met: 'Met',
  done: 'Done',
  'not-tracked': 'Not tracked (case closed)',
};

export const deadlineConfidences = ['verified', 'corroborated', 'unverified'] as const;
export type DeadlineConfidence = (typeof deadlineConfidences)[number];

/**
 * What the rule's grade means for the person relying on the date, in the deadlines reference's
 * own terms (docs/domain/deadlines.md, "confidence": the regulation's text read, several secondary
 * sources agreeing, or recalled / one secondary source).
 */
export const deadlineConfidenceLabels: Readonly<Record<DeadlineConfidence, string>> = {
  verified: "Rule checked against the regulation's text",
  corroborated: 'Rule checked against several secondary sources, not the regulation itself',
  unverified: 'Rule not yet checked against its source — confirm the date',
};

export const deadlineKeySchema = z
  .string({ error: 'Deadline is required.' })
  .trim()
  .min(1, 'Deadline is required.')
  .max(200, 'That is not a deadline Advocase knows.');

export const caseDeadlineSchema = z.object({
  key: z.string(),
  kind: z.enum(deadlineKinds),
  rule: z.string(),
  /** The rule in plain words. */
  meaning: z.string(),
  /** As computed: YYYY-MM-DD, or an ISO date-time with offset for hour rules. */
  computedDue: z.string(),
  /** The date that counts: the override if there is one, else the computed date. */
  dueOn: z.string(),
  /** For hour rules, the exact moment (ISO with the user's offset); else null. */
  dueAt: z.string().nullable(),
  override: z.object({ dueOn: z.string(), reason: z.string() }).nullable(),
  actor: z.enum(deadlineActors),
  status: z.enum(deadlineStatuses),
  citationUrl: z.string(),
  citationText: z.string(),
  note: z.string(),
  confidence: z.enum(deadlineConfidences),
  sourceEventId: z.number().nullable(),
  doneAt: z.string().nullable(),
});
export type CaseDeadline = z.infer<typeof caseDeadlineSchema>;

export const payerRequestKinds = ['claim_file', 'plan_documents', 'criteria'] as const;
export type PayerRequestKind = (typeof payerRequestKinds)[number];
export const payerRequestKindLabels: Readonly<Record<PayerRequestKind, string>> = {
  claim_file: 'Claim file',
  plan_documents: 'Plan documents (SPD, plan instrument)',
  criteria: 'Criteria / clinical policy used',
};

export const payerRequestSchema = z.object({
  id: recordId('Request'),
  caseId: recordId('Case'),
  kind: z.enum(payerRequestKinds),
  sentOn: z.string(),
  answeredOn: z.string().nullable(),
  note: z.string().nullable(),
  daysOutstanding: z.number().int().nullable(),
  /** What to do next, with what the project's sources say (or do not say) about a time limit. */
  guidance: z.string(),
  followUpOn: z.string().nullable(),
});
export type PayerRequest = z.infer<typeof payerRequestSchema>;

export const overrideDeadlineInputSchema = z.strictObject({
  caseId: recordId('Case'),
  deadlineKey: deadlineKeySchema,
  dueOn: calendarDate('New date'),
  reason: requiredText('Reason', 1000),
});

export const clearOverrideInputSchema = z.strictObject({
  caseId: recordId('Case'),
  deadlineKey: deadlineKeySchema,
  reason: requiredText('Reason', 1000),
});

export const agendaBuckets = ['overdue', 'today', 'this-week', 'next-30-days', 'later'] as const;
export type AgendaBucket = (typeof agendaBuckets)[number];
export const agendaBucketLabels: Readonly<Record<AgendaBucket, string>> = {
  overdue: 'Overdue',
  today: 'Today',
  'this-week': 'This week',
  'next-30-days': 'Next 30 days',
  later: 'Later',
};

export const agendaItemSchema = z.object({
  /** `deadline:<caseId>:<key>` or `task:<id>`: unique across the list. */
  id: z.string(),
  source: z.enum(['deadline', 'task']),
  bucket: z.enum(agendaBuckets),
  caseId: recordId('Case'),
  caseNumber: z.string(),
  clientName: z.string(),
  title: z.string(),
  dueOn: z.string(),
  dueAt: z.string().nullable(),
  actor: z.enum([...deadlineActors, 'advocate']),
  status: z.enum(deadlineStatuses),
  deadlineKey: z.string().nullable(),
  taskId: z.number().nullable(),
  isOverridden: z.boolean(),
  /** The deadline's rule (null for a task): what says who acts on a funding option's date. */
  rule: z.string().nullable(),
  /** Where the date comes from, as the deadline's card on the case cites it; null for a task. */
  citation: z.object({ text: z.string(), url: z.string() }).nullable(),
  /**
   * For a task promised on a call (a call's follow-up), when the call was: the screens label it a
   * promise from that call, not a legal deadline. Null for a deadline or any other task.
   */
  promisedOnCallAt: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const caseDeadlinesSchema = z.object({
  caseId: recordId('Case'),
  caseNumber: z.string(),
  /** The day statuses were judged at, in `timeZone`. */
  asOf: z.string(),
  timeZone: z.string(),
  deadlines: z.array(caseDeadlineSchema),
  /** What to record to get the dates that could not be computed. */
  missingFacts: z.array(z.string()),
  assumptions: z.array(z.string()),
  payerRequests: z.array(payerRequestSchema),
  /**
   * What is still open on the case, as the Agenda, the header and Close case count it
   * (core/deadlines/open-items.ts): the waiting deadlines and the dated tasks not done.
   */
  openItems: z.array(agendaItemSchema),
});
export type CaseDeadlines = z.infer<typeof caseDeadlinesSchema>;

export const agendaSchema = z.object({
  asOf: z.string(),
  items: z.array(agendaItemSchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const agendaItemRefSchema = z.discriminatedUnion(
  'source',
  [
    z.strictObject({
      source: z.literal('deadline'),
      caseId: recordId('Case'),
      deadlineKey: deadlineKeySchema,
    }),
    z.strictObject({ source: z.literal('task'), taskId: recordId('Task') }),
  ],
  { error: 'Pick a deadline or a task.' },
);
export type AgendaItemRef = z.infer<typeof agendaItemRefSchema>;

export const markDoneInputSchema = z.strictObject({
  item: agendaItemRefSchema,
  note: optionalText('Note', 1000),
});

export const exportCalendarInputSchema = z.strictObject({
  items: z
    .array(agendaItemRefSchema)
    .min(1, 'Choose at least one deadline to export.')
    .max(5000, 'Export at most 5,000 entries at a time.'),
  /** Off by default: a calendar is often synced to other devices and shared. */
  includeClientNames: z.boolean().default(false),
});

export const calendarFileSchema = z.object({ fileName: z.string(), content: z.string() });

export const reminderSummarySchema = z.object({
  asOf: z.string(),
  overdue: z.number().int(),
  dueToday: z.number().int(),
  /** For each lead time (days ahead, other than today), how many are due within it, after the shorter lead time before it. */
  upcoming: z.array(z.object({ daysAhead: z.number().int(), count: z.number().int() })),
  /** One sentence without names, e.g. "2 deadlines or follow-ups due today; 1 overdue." Empty when nothing is due. */
  message: z.string(),
});
export type ReminderSummary = z.infer<typeof reminderSummarySchema>;

export const reminderLeadDaysSchema = z
  .array(
    z
      .number({ error: 'Each lead time must be a number of days.' })
      .int('Each lead time must be a whole number of days.')
      .min(0, 'A lead time cannot be negative.')
      .max(90, 'A lead time must be at most 90 days.'),
    { error: 'Lead times must be a list of days.' },
  )
  .min(1, 'Keep at least one reminder (0 means the same day).')
  .max(6, 'At most 6 reminders per deadline.')
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const reminderSettingsSchema = z.object({
  reminderLeadDays: reminderLeadDaysSchema,
  reauthorizationLeadDays: z
    .number({ error: 'Re-authorization lead time must be a number of days.' })
    .int('Re-authorization lead time must be a whole number of days.')
    .min(1, 'Re-authorization lead time must be at least 1 day.')
    .max(180, 'Re-authorization lead time must be at most 180 days.'),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const addManualDeadlineInputSchema = z.strictObject({
  caseId: recordId('Case'),
  title: requiredText('What is due', 200),
  dueOn: calendarDate('Due date'),
});

export const addPayerRequestInputSchema = z.strictObject({
  caseId: recordId('Case'),
  kind: z.enum(payerRequestKinds, {
    error: 'Say what was requested: claim file, plan documents or criteria.',
  }),
  sentOn: calendarDate('Sent on', { notInFuture: true }),
  note: optionalText('Note', 1000),
});

export const answerPayerRequestInputSchema = z.strictObject({
  requestId: recordId('Request'),
  answeredOn: calendarDate('Answered on', { notInFuture: true }),
});
