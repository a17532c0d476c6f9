import type { AgendaItem } from '@shared/schemas/deadlines';

/**
 * The words for a case's open work (core/deadlines/open-work.ts), shared by the case header, the
 * Deadlines tab, Close case and the Agenda, so every screen names and counts it alike.
 */

type OpenItemFacts = Pick<AgendaItem, 'source' | 'promisedOnCallAt'>;

/** A legal deadline, a promise made on a call, or a dated to-do of the advocate's own. */
export type OpenItemKind = 'deadline' | 'promise' | 'to-do';

export function kindOfOpenItem(item: OpenItemFacts): OpenItemKind {
  if (item.source === 'deadline') return 'deadline';
  return item.promisedOnCallAt === null ? 'to-do' : 'promise';
}

const kindWords: Readonly<Record<OpenItemKind, readonly [one: string, many: string]>> = {
  deadline: ['deadline', 'deadlines'],
  promise: ['promise from a call', 'promises from calls'],
  'to-do': ['dated to-do', 'dated to-dos'],
};

const kindOrder: readonly OpenItemKind[] = ['deadline', 'promise', 'to-do'];

/** "1 deadline and 1 promise from a call"; "" when nothing is open. */
export function countOpenItems(items: readonly OpenItemFacts[]): string {
  const parts = kindOrder.flatMap((kind) => {
    const count = items.filter((item) => kindOfOpenItem(item) === kind).length;
    if (count === 0) return [];
    const [one, many] = kindWords[kind];
    return [`${count} ${count === 1 ? one : many}`];
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const callDay = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/**
 * Where a task's date comes from, so it is never taken for a legal deadline: "Promised on the call
 * of Dec 7, 2026 — your follow-up, not a legal deadline". Null for a deadline (its rule and
 * citation say where it comes from).
 */
export function originOfOpenItem(item: OpenItemFacts): string | null {
  switch (kindOfOpenItem(item)) {
    case 'deadline':
      return null;
    case 'promise':
      return `Promised on the call of ${callDay.format(new Date(item.promisedOnCallAt!))} \u2014 your follow-up, not a legal deadline`;
    case 'to-do':
      return 'Your own date \u2014 not a legal deadline';
  }
}

/**
 * "1 overdue follow-up": the promises and dated to-dos past their date, flagged beside the next
 * deadline and never in its place (shared/domain/next-deadline.ts); "" when none is.
 */
export function countOverdueFollowUps(
  items: ReadonlyArray<OpenItemFacts & Pick<AgendaItem, 'status'>>,
): string {
  const count = items.filter((item) => item.source === 'task' && item.status === 'missed').length;
  if (count === 0) return '';
  return `${count} overdue ${count === 1 ? 'follow-up' : 'follow-ups'}`;
}
