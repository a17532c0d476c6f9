/** How the outcomes figures read, the same on screen, in the CSV and in the funder report. */

/** 0.6667 → "66.7%"; no data → "—" (never "0%", which would claim something). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Whole dollars for a headline: 1245000 → "$12,450". */
export function formatWholeDollars(cents: number): string {
  return `$${Math.round(cents / 100).toLocaleString('en-US')}`;
}

/** Days, with a half day kept (a median of two values can fall between). */
export function formatDays(days: number | null): string {
  return days === null ? '—' : `${Number.isInteger(days) ? days : days.toFixed(1)} days`;
}

/** "2026-03" → "Mar 2026". */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 1)),
  );
}

/** "1 payer decision", "16 payer decisions". */
export function formatCount(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the approval rate is taken over: "1 of 1 closed case the payer answered". */
export function approvalRateDetail(headline: {
  readonly casesApproved: number;
  readonly casesAnsweredByPayer: number;
}): string {
  return `${headline.casesApproved} of ${formatCount(headline.casesAnsweredByPayer, 'closed case the payer answered', 'closed cases the payer answered')}`;
}

/** What the intake-to-decision median is taken to, and the cases it leaves out. */
export function intakeToDecisionDetail(headline: { readonly casesDecidedOnlyBeforeIntake: number }): string {
  const leftOut = headline.casesDecidedOnlyBeforeIntake;
  return `median, to the first payer decision after intake${
    leftOut > 0
      ? `; ${formatCount(leftOut, 'case', 'cases')} left out: the payer decided before ${leftOut === 1 ? 'it was' : 'they were'} opened here`
      : ''
  }`;
}

/** A payer-decision count as the charts read it (a DecisionTally from the outcomes report). */
type DecisionCount = {
  readonly label: string;
  readonly decisions: number;
  readonly approved: number;
  readonly partiallyApproved: number;
  readonly approvalRate: number | null;
};

/** One row of a payer-decision chart: "0 of 1 decision approved (0.0%)", decisions, never cases. */
export function decisionTallyText(tally: DecisionCount): string {
  return `${tally.approved + tally.partiallyApproved} of ${formatCount(tally.decisions, 'decision', 'decisions')} approved (${formatRate(tally.approvalRate)})`;
}

/**
 * The caption under a payer-decision chart: a case denied and then approved on appeal is one
 * decision of each, so the chart says it counts decisions and lists them, beside an approval rate
 * that counts closed cases.
 */
export function decisionTalliesSummary(tallies: readonly DecisionCount[]): string {
  const rows = tallies.map(
    (tally) => `${tally.label} ${tally.approved + tally.partiallyApproved} of ${tally.decisions} approved`,
  );
  return `Each payer decision counts, not each case: ${rows.join('; ')}.`;
}
