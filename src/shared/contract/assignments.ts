import { z } from 'zod';
import {
  assignCaseInputSchema,
  caseHoldersSchema,
  endShareInputSchema,
  reassignAllInputSchema,
  shareCaseInputSchema,
  teamMemberSchema,
  teamOverviewSchema,
} from '../schemas/assignments';
import { recordId } from '../schemas/fields';
import { defineMethods, noInput } from './method-spec';

/**
 * Team mode: who holds a case and who it is shared with (docs/team-mode.md, "Handing cases over
 * from the app"). The database decides who may: a navigator or viewer who tries is refused with
 * a message saying a supervisor does this. On the local store there is no team: each says so.
 */
export const assignmentsMethods = defineMethods({
  'assignments.members': {
    doc: 'The team as the caller may see it (login, name, role, disabled, cases assigned now), for pickers.',
    input: noInput,
    output: z.array(teamMemberSchema),
  },
  'assignments.ofCase': {
    doc: 'Who a case is assigned to, and who it is shared with through which day.',
    input: z.strictObject({ caseId: recordId('Case') }),
    output: caseHoldersSchema,
  },
  'assignments.assign': {
    doc: "Assigns a case to a navigator (a supervisor's change); the case's timeline says so.",
    input: assignCaseInputSchema,
    output: caseHoldersSchema,
  },
  'assignments.share': {
    doc: 'Shares a case with someone on the team through a last day; the timeline says so.',
    input: shareCaseInputSchema,
    output: caseHoldersSchema,
  },
  'assignments.endShare': {
    doc: "Ends a case's share with someone today (it ran through yesterday); the timeline says so.",
    input: endShareInputSchema,
    output: caseHoldersSchema,
  },
  'assignments.reassignAll': {
    doc: "Moves every case (and client) of one person to a navigator, after confirming the count; each case's timeline says so.",
    input: reassignAllInputSchema,
    output: z.object({ moved: z.number().int() }),
  },
});

/** Team mode's views for supervisors: each navigator's caseload, counted as the caseload counts. */
export const teamViewsMethods = defineMethods({
  'teamViews.overview': {
    doc: "Each navigator's open cases, cases with an overdue deadline and appeals due in 14 days (the caseload's own filters, by their name), and the open cases no one holds.",
    input: noInput,
    output: teamOverviewSchema,
  },
});
