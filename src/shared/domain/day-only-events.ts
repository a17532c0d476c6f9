/**
 * A timeline entry known only by its day: a decision recorded from its notice, which gives a date
 * and no time. The timeline keeps instants, so such an entry is placed at 12:00 UTC of that day
 * (the same calendar day in every US time zone) and shown as the day alone, never "12:00 PM".
 */
export function dayOnlyInstant(day: string): string {
  return `${day}T12:00:00.000Z`;
}

type DatedEntry = {
  readonly type: string;
  readonly occurredAt: string;
  readonly details: Readonly<Record<string, unknown>>;
};

/**
 * The day an entry is known by when it has no time of its own, else null: a payer decision placed
 * at its notice's date by `dayOnlyInstant` (one entered with a time keeps it).
 */
export function dayOnlyOf(entry: DatedEntry): string | null {
  const noticeDate = entry.details.noticeDate;
  if (entry.type !== 'payer_decision' || typeof noticeDate !== 'string') return null;
  return entry.occurredAt === dayOnlyInstant(noticeDate) ? noticeDate : null;
}
