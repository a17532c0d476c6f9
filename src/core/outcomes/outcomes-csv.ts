import { formatRate } from '../../shared/domain/outcome-format';
import { outcomeFigureDefinitions } from '../../shared/domain/outcome-definitions';
import type { DecisionTally, OutcomesReport } from '../../shared/schemas/outcomes';
import { csvCell } from '../caseload/caseload-csv';

/**
 * The dashboard as one long table a spreadsheet can pivot: section, item, measure, value. Money in
 * dollars with cents and rates as percentages, so the numbers read as they do on screen.
 */
type CsvRow = readonly [section: string, item: string, measure: string, value: string | number];

const dollars = (cents: number) => (cents / 100).toFixed(2);

function tallyRows(section: string, tallies: readonly DecisionTally[]): CsvRow[] {
  return tallies.flatMap((tally) => [
    [section, tally.label, 'Decisions', tally.decisions],
    [section, tally.label, 'Approved', tally.approved],
    [section, tally.label, 'Partially approved', tally.partiallyApproved],
    [section, tally.label, 'Denied', tally.denied],
    [section, tally.label, 'Approval rate', formatRate(tally.approvalRate)],
  ]);
}

export function outcomesCsv(report: OutcomesReport): string {
  const { headline, filters } = report;
  const rows: CsvRow[] = [
    ['Period', 'From', '', filters.from],
    ['Period', 'To', '', filters.to],
    ['Period', 'Advocate', '', filters.advocate ?? 'All advocates'],
    ['Headline', 'Clients served', 'Count', headline.clientsServed],
    ['Headline', 'Cases worked', 'Count', headline.casesActive],
    ['Headline', 'Cases opened', 'Count', headline.casesOpened],
    ['Headline', 'Cases closed', 'Count', headline.casesClosed],
    ['Headline', 'Closed cases the payer answered', 'Count', headline.casesAnsweredByPayer],
    ['Headline', 'Closed cases approved', 'Count', headline.casesApproved],
    ['Headline', 'Approval rate', 'Percent', formatRate(headline.approvalRate)],
    ['Headline', 'Payer decisions', 'Count', headline.decisions],
    ['Headline', 'Payer decisions approved', 'Count', headline.approvals],
    ['Headline', 'Median days from intake to decision', 'Days', headline.medianDaysToDecision ?? ''],
    ['Headline', 'Saved on closed cases', 'Dollars', dollars(headline.savedOnCasesCents)],
    ['Headline', 'Funding granted', 'Dollars', dollars(headline.fundingGrantedCents)],
    ['Headline', 'Money saved for clients', 'Dollars', dollars(headline.moneySavedCents)],
    ['Headline', 'Deadlines met', 'Count', headline.deadlinesMet],
    ['Headline', 'Deadlines missed', 'Count', headline.deadlinesMissed],
    ['Headline', 'Deadlines met rate', 'Percent', formatRate(headline.deadlinesMetRate)],
    ...report.months.flatMap((month): CsvRow[] => [
      ['Cases by month', month.month, 'Opened', month.opened],
      ['Cases by month', month.month, 'Closed', month.closed],
    ]),
    ...report.outcomeMix.map((share): CsvRow => ['Outcome mix', share.label, 'Cases closed', share.count]),
    ...tallyRows('Payer decisions approved by payer', report.approvalByPayer),
    ...tallyRows('Payer decisions approved by treatment', report.approvalByTreatment),
    ...tallyRows('Payer decisions approved by appeal level', report.approvalByLevel),
    ...report.payers.flatMap((payer): CsvRow[] => [
      ['Payer behaviour', payer.payer, 'Decisions on appeal', payer.appealDecisions],
      ['Payer behaviour', payer.payer, 'Overturned on appeal', payer.overturned],
      ['Payer behaviour', payer.payer, 'Overturn rate', formatRate(payer.overturnRate)],
      ['Payer behaviour', payer.payer, 'Decision deadlines answered on time', payer.answeredOnTime],
      ['Payer behaviour', payer.payer, 'Decision deadlines answered late', payer.answeredLate],
      ['Payer behaviour', payer.payer, 'Decision deadlines unanswered past due', payer.unansweredPastDue],
      ['Payer behaviour', payer.payer, 'Median response days', payer.medianResponseDays ?? ''],
      ['Payer behaviour', payer.payer, 'Median days allowed', payer.medianAllowedDays ?? ''],
      ...payer.destinations.map((destination): CsvRow => [
        'Payer behaviour',
        payer.payer,
        `Delivered with proof (${destination.channel}): ${destination.destination}`,
        destination.deliveries,
      ]),
      ...payer.recurringDenialReasons.map((reason): CsvRow => [
        'Payer behaviour',
        payer.payer,
        `Denial reason: ${reason.reason}`,
        reason.count,
      ]),
    ]),
    ...Object.values(outcomeFigureDefinitions).map((figure): CsvRow => [
      'Definitions',
      figure.label,
      'Definition',
      figure.definition,
    ]),
  ];
  const lines = [['Section', 'Item', 'Measure', 'Value'], ...rows].map((row) =>
    row.map((cell) => csvCell(String(cell))).join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}
