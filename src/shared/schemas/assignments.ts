import { z } from 'zod';
import { caseStages } from '../domain/case-stages';
import { treatmentKinds } from '../domain/treatments';
import { calendarDate, localToday, recordId } from './fields';
import { teamRoleNames } from './team';

/**
 * Handing cases over in a team database (docs/team-mode.md, "Handing cases over from the app"):
 * who holds a case, who it is shared with until when, and the team's people to pick from. Each
 * change is the database's own function, which decides whether the caller may make it.
 */

const login = (label: string) =>
  z
    .string({ error: `Choose the ${label}.` })
    .trim()
    .min(1, `Choose the ${label}.`)
    .max(63, `${label} must be a team login (at most 63 characters).`);

export const teamMemberSchema = z.object({
  login: z.string(),
  fullName: z.string(),
  role: z.enum(teamRoleNames),
  disabled: z.boolean(),
  /** Cases assigned to them now (what "Reassign all" would move). */
  assignedCases: z.number().int(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

const personSchema = z.object({ login: z.string(), fullName: z.string() });

export const caseHoldersSchema = z.object({
  caseId: recordId('Case'),
  /** The navigator the case is assigned to; null when no one holds it. */
  assignedTo: personSchema.nullable(),
  /** Shares still running (through their last day, in the server's calendar), soonest to end first. */
  shares: z.array(personSchema.extend({ lastDay: z.string() })),
});
export type CaseHolders = z.infer<typeof caseHoldersSchema>;

export const assignCaseInputSchema = z.strictObject({
  caseId: recordId('Case'),
  login: login('navigator'),
});

export const shareCaseInputSchema = z.strictObject({
  caseId: recordId('Case'),
  login: login('person to share with'),
  lastDay: calendarDate('Last day').refine(
    (day) => day >= localToday(),
    'The last day of a share cannot be in the past: choose today or a later day.',
  ),
});

export const endShareInputSchema = z.strictObject({
  caseId: recordId('Case'),
  login: login('person'),
});

export const reassignAllInputSchema = z.strictObject({
  fromLogin: login('person whose cases to move'),
  toLogin: login('navigator to give them to'),
  /**
   * How many cases the person confirmed moving: if the count changed since (a case was assigned
   * meanwhile), nothing moves and they are asked again with the new count.
   */
  expectedCases: z.number().int().min(0),
});

/** One navigator's caseload as the caseload screen counts it, filtered by their name. */
export const navigatorCaseloadSchema = z.object({
  login: z.string(),
  fullName: z.string(),
  disabled: z.boolean(),
  /** Cases in any stage but Closed. */
  openCases: z.number().int(),
  /** Cases with a deadline passed and not met (the caseload's "Overdue" filter). */
  overdueCases: z.number().int(),
  /** Cases with an appeal or review of theirs to file in the next 14 days (the caseload's view). */
  dueWithin14Days: z.number().int(),
});
export type NavigatorCaseload = z.infer<typeof navigatorCaseloadSchema>;

export const unassignedCaseSchema = z.object({
  caseId: recordId('Case'),
  caseNumber: z.string(),
  clientName: z.string(),
  treatment: z.enum(treatmentKinds),
  treatmentDetail: z.string().nullable(),
  stage: z.enum(caseStages),
  openedOn: z.string(),
});
export type UnassignedCase = z.infer<typeof unassignedCaseSchema>;

export const teamOverviewSchema = z.object({
  navigators: z.array(navigatorCaseloadSchema),
  /** Open cases no navigator holds, oldest first (at most the first 200). */
  unassigned: z.array(unassignedCaseSchema),
  unassignedTotal: z.number().int(),
});
export type TeamOverview = z.infer<typeof teamOverviewSchema>;
