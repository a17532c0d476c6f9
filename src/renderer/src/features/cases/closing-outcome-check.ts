import type { CaseOutcome } from '@shared/domain/case-stages';
import type { AgendaItem } from '@shared/schemas/deadlines';
import { formatCalendarDate } from '../../lib/format-date';

/** The latest payer decision on a case's timeline, as Close case reads it. */
export type LatestDecision = {
  readonly decision: 'approved' | 'partially_approved' | 'denied';
  readonly noticeDate: string | null;
  readonly occurredAt: string;
};

/**
 * Whether closing with `outcome` disagrees with the timeline, and what to say. Outcomes counts a
 * closed case's approval from its outcome and each decision from the timeline: closing as approved
 * a case whose last recorded decision is a denial (or that has none) shows "Approval rate 100%"
 * beside "0 of 1 approved". The advocate may still close it (an approval may have come by phone),
 * so this is a note, not a refusal.
 */
export function closingOutcomeNote(outcome: CaseOutcome | '', latest: LatestDecision | null): string | null {
  if (outcome !== 'approved' && outcome !== 'partially_approved') return null;
  if (latest && latest.decision !== 'denied') return null;
  const advice =
    'Add the approval to the timeline (Add event → Payer decision) so Outcomes counts the decision and the outcome alike.';
  if (!latest) return `No payer decision is on this case's timeline yet. ${advice}`;
  const when = formatCalendarDate(latest.noticeDate ?? latest.occurredAt.slice(0, 10));
  return `The last payer decision on the timeline is a denial (${when}). ${advice}`;
}

/** What of a case's open work this check reads (an Agenda item, core/deadlines/open-items.ts). */
type OpenItemFacts = Pick<AgendaItem, 'source' | 'actor' | 'bucket' | 'dueOn' | 'citation'>;

/**
 * Whether closing as "Denied (final)" gives up an appeal the client can still file: a deadline on
 * the client's side (an internal appeal, an external review) still ahead. Closing is the
 * advocate's call (the client may have chosen not to appeal), so this too is a note.
 */
export function appealStillOpenNote(
  outcome: CaseOutcome | '',
  openItems: readonly OpenItemFacts[],
): string | null {
  if (outcome !== 'denied_final') return null;
  const appeal = openItems.find(
    (item) => item.source === 'deadline' && item.actor === 'claimant' && item.bucket !== 'overdue',
  );
  if (!appeal) return null;
  const rule = appeal.citation ? ` (${appeal.citation.text})` : '';
  return `An appeal can still be filed until ${formatCalendarDate(appeal.dueOn)}${rule}. "Denied (final)" is for a denial no appeal is left against: keep the case open to appeal, or close it knowing the appeal is given up.`;
}

/**
 * What closing does with the open work not closed out (shared/domain/case-lifecycle.ts): a date
 * already past is never tracked on a closed case, whatever is chosen, so only the dates still ahead
 * get the choice to stay on the Agenda; offering "keep" for a promise a month overdue would promise
 * what closing does not do.
 */
export function splitByClosingChoice<T extends Pick<AgendaItem, 'bucket'>>(
  items: readonly T[],
): { readonly passed: readonly T[]; readonly ahead: readonly T[] } {
  return {
    passed: items.filter((item) => item.bucket === 'overdue'),
    ahead: items.filter((item) => item.bucket !== 'overdue'),
  };
}
