import { fundingDateWhoActs } from '@shared/domain/funding-options';
import type { CaseDeadline } from '@shared/schemas/deadlines';

const actorLabels: Readonly<Record<CaseDeadline['actor'] | 'advocate', string>> = {
  payer: 'Payer must act',
  claimant: 'Client / advocate must act',
  advocate: 'Your follow-up',
};

/** "Who acts" on a deadline, an Agenda item or a task: a funding option's dates have their own words. */
export function whoActsLabel(deadline: {
  readonly actor: CaseDeadline['actor'] | 'advocate';
  readonly rule: string | null;
}): string {
  const fundingWords = (fundingDateWhoActs as Readonly<Record<string, string>>)[deadline.rule ?? ''];
  return fundingWords ?? actorLabels[deadline.actor];
}

/** "Sep 9, 2026", or with the time for an hour rule: "Mar 9, 2026, 4:00 PM EDT". */
export function formatDue(dueOn: string, dueAt: string | null, timeZone?: string): string {
  if (dueAt) {
    const instant = new Date(dueAt);
    if (!Number.isNaN(instant.getTime())) {
      return new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        ...(timeZone ? { timeZone } : {}),
      }).format(instant);
    }
  }
  const [year, month, day] = dueOn.split('-').map(Number);
  if (!year || !month || !day) return dueOn;
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(year, month - 1, day),
  );
}
