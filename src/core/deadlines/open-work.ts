import { isClosedStage, type ClosingDeadlineChoice } from '../../shared/domain/case-lifecycle';
import type { CaseStage } from '../../shared/domain/case-stages';
import type { DeadlineStatus } from '../../shared/schemas/deadlines';
import { judgeDisplayStatus } from './case-deadline-rows';

/**
 * What is still open on a case: the one definition every screen counts by, so they tell the same
 * story (the Agenda, the case's header and Deadlines tab, Close case, the caseload's next
 * deadline). Open work is
 *
 * - a deadline still waiting (open, due soon, due today or missed), neither met, answered, marked
 *   done nor untracked; and
 * - a dated task not done: a promise made on a call ("the payer decides by Friday"), the user's
 *   own dated to-do, a re-authorization to request. The advocate must act on it by its date, so
 *   it is open work like a deadline, though no rule sets it and no regulation is cited for it.
 *
 * On a closed case nothing is overdue work, and nothing is open at all when its dates were
 * untracked at closing (shared/domain/case-lifecycle.ts).
 *
 * `open-items.ts` lists it (the Agenda; a case's `openItems`), `recompute.ts` keeps each case's
 * next date and overdue count from it (the caseload), and `reminder-counts.ts` counts it in SQL
 * for the reminder banner (its test compares the counts with the Agenda's).
 */

export type CaseClosingState = {
  readonly stage: CaseStage;
  readonly closing_deadlines: ClosingDeadlineChoice | null;
};

/** Whether a date still waiting counts as open work on its case, given how the case was closed. */
export function isTrackedOnCase(isOverdue: boolean, closing: CaseClosingState): boolean {
  if (!isClosedStage(closing.stage)) return true;
  return !isOverdue && closing.closing_deadlines === 'keep';
}

/** A dated task's status, judged as a deadline of the same date with no hour. */
export function judgeTaskStatus(dueOn: string, now: Date, timeZone: string): DeadlineStatus {
  return judgeDisplayStatus({ status: 'open', dueOn, dueAt: null }, undefined, now, timeZone);
}
