import { deadlineStatusLabels, type AgendaItem, type DeadlineStatus } from '../schemas/deadlines';

/**
 * A date the payer had to meet (its decision, its answer to a request) and has missed. That is the
 * payer's lateness, not the advocate's: it can ground an appeal or let the internal appeals be
 * treated as exhausted (docs/deadline-rules.md, "If the deadline passes without a decision"), so
 * the screens say "Payer late" in a colour of its own, never the red "Missed" of a date the
 * advocate let pass.
 */
export function isPayerLate(item: Pick<AgendaItem, 'actor' | 'status'>): boolean {
  return item.actor === 'payer' && item.status === 'missed';
}

/** A date's status as the screens show it: the deadline's own, or "payer late". */
export type ShownDeadlineStatus = DeadlineStatus | 'payer-late';

export const shownDeadlineStatusLabels: Readonly<Record<ShownDeadlineStatus, string>> = {
  ...deadlineStatusLabels,
  'payer-late': 'Payer late',
};

export function shownStatusOf(item: Pick<AgendaItem, 'actor' | 'status'>): ShownDeadlineStatus {
  return isPayerLate(item) ? 'payer-late' : item.status;
}
