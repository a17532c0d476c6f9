import type { AgendaItem } from '../schemas/deadlines';
import { isPayerLate } from './payer-late';

/**
 * A case's "next deadline", as the caseload's column, the case header and the Agenda name it. One
 * rule, so a legal deadline is never hidden behind a date that is not one:
 *
 * - a follow-up (a promise made on a call, the advocate's own dated to-do) is not a legal
 *   deadline: when overdue it is flagged as overdue work beside the deadline, never in its place,
 *   and it is the case's next date only when the case has no deadline at all;
 * - a date the payer has already missed is the payer's lateness (payer-late.ts), not a date the
 *   advocate still acts by; the screens flag it "Payer late" instead.
 *
 * A deadline of the advocate's that has passed unanswered stays first: it is the most urgent.
 */

export type DatedOpenWork = Pick<AgendaItem, 'source' | 'actor' | 'status' | 'dueOn'>;

function earliest<T extends DatedOpenWork>(items: readonly T[]): T | null {
  let first: T | null = null;
  for (const item of items) if (first === null || item.dueOn < first.dueOn) first = item;
  return first;
}

/** The case's next deadline among its open work (core/deadlines/open-work.ts), or null. */
export function pickNextDeadline<T extends DatedOpenWork>(items: readonly T[]): T | null {
  const deadline = earliest(items.filter((item) => item.source === 'deadline' && !isPayerLate(item)));
  if (deadline !== null) return deadline;
  return earliest(items.filter((item) => item.source === 'task' && item.status !== 'missed'));
}
