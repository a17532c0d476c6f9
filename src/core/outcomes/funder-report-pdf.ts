import {
  outcomeFigureDefinitions,
  outcomesPrivacyNote,
  type OutcomeFigureId,
} from '../../shared/domain/outcome-definitions';
import {
  approvalRateDetail,
  formatCount,
  formatDays,
  formatMonth,
  formatRate,
  formatWholeDollars,
} from '../../shared/domain/outcome-format';
import type { MonthVolume, OutcomesReport } from '../../shared/schemas/outcomes';
import { configuredPdfmake } from '../exports/pdfmake-setup';
import { formatLongDate } from '../../shared/domain/long-date';

/**
 * The one-page report a grant funder asks for: who was served, what was won, what it saved, and
 * whether deadlines were kept, with how each figure is counted. Aggregates only: no client's name
 * or case appears, so the page can leave the organisation.
 */

type Content = Record<string, unknown> | string | Content[];

const pageWidth = 612;
const margin = 48;
const contentWidth = pageWidth - 2 * margin;
const accent = '#1f5f7a';
const muted = '#5b6770';
const openedColour = accent;
const closedColour = '#9fb8c4';

/** The figures this page shows, whose definitions go in its footnote. */
const definedHere: readonly OutcomeFigureId[] = [
  'clientsServed',
  'casesActive',
  'approvalRate',
  'decisionsApproved',
  'approvalByLevel',
  'moneySaved',
  'deadlinesMet',
  'casesOpened',
  'casesClosed',
  'outcomeMix',
  'medianDaysToDecision',
];

type Bucket = { readonly label: string; readonly opened: number; readonly closed: number };

/** Up to 12 months as months; up to 3 years as quarters; longer as years, so the bars stay legible. */
function chartBuckets(months: readonly MonthVolume[]): Bucket[] {
  if (months.length <= 12) return months.map((month) => ({ ...month, label: formatMonth(month.month) }));
  const keyOf =
    months.length <= 36
      ? (month: string) => `Q${Math.ceil(Number(month.slice(5, 7)) / 3)} ${month.slice(0, 4)}`
      : (month: string) => month.slice(0, 4);
  const buckets = new Map<string, { opened: number; closed: number }>();
  for (const month of months) {
    const bucket = buckets.get(keyOf(month.month)) ?? { opened: 0, closed: 0 };
    buckets.set(keyOf(month.month), {
      opened: bucket.opened + month.opened,
      closed: bucket.closed + month.closed,
    });
  }
  return [...buckets].map(([label, counts]) => ({ label, ...counts }));
}

function headlineCell(value: string, label: string, detail: string): Content {
  return {
    stack: [
      { text: value, fontSize: 20, bold: true, color: accent },
      { text: label, fontSize: 8.5, bold: true, margin: [0, 1, 0, 0] },
      { text: detail, fontSize: 7, color: muted },
    ],
  };
}

const labelColumnWidth = 44;

/** Bars drawn as vectors over a table whose columns carry the month names and the numbers. */
function volumeChart(buckets: readonly Bucket[]): Content {
  const chartHeight = 84;
  const columnWidth = (contentWidth - labelColumnWidth) / Math.max(buckets.length, 1);
  const highest = Math.max(1, ...buckets.flatMap((bucket) => [bucket.opened, bucket.closed]));
  const barWidth = Math.min(14, columnWidth * 0.3);
  const bars = buckets.flatMap((bucket, index) => {
    const centre = labelColumnWidth + (index + 0.5) * columnWidth;
    const bar = (count: number, x: number, colour: string) => {
      const height = (count / highest) * chartHeight;
      return {
        type: 'rect',
        x,
        y: chartHeight - height,
        w: barWidth,
        h: Math.max(height, 0.01),
        color: colour,
      };
    };
    return [
      bar(bucket.opened, centre - barWidth - 1, openedColour),
      bar(bucket.closed, centre + 1, closedColour),
    ];
  });
  const axis = {
    type: 'line',
    x1: labelColumnWidth,
    y1: chartHeight,
    x2: contentWidth,
    y2: chartHeight,
    lineWidth: 0.5,
    lineColor: muted,
  };
  const cell = (text: string | number, bold = false) => ({
    text: String(text),
    alignment: 'center',
    bold,
    fontSize: 7,
  });
  return [
    { canvas: [...bars, axis] },
    {
      table: {
        widths: [labelColumnWidth, ...buckets.map(() => '*')],
        body: [
          [{ text: '', fontSize: 7 }, ...buckets.map((bucket) => cell(bucket.label, true))],
          [
            { text: 'Opened', fontSize: 7, color: openedColour, bold: true },
            ...buckets.map((bucket) => cell(bucket.opened)),
          ],
          [
            { text: 'Closed', fontSize: 7, color: '#4f6b78', bold: true },
            ...buckets.map((bucket) => cell(bucket.closed)),
          ],
        ],
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 1.5,
        paddingBottom: () => 0.5,
      },
    },
  ];
}

function smallTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  empty: string,
): Content {
  return {
    stack: [
      { text: title, bold: true, fontSize: 9, margin: [0, 0, 0, 3] },
      rows.length === 0
        ? { text: empty, fontSize: 8, color: muted }
        : {
            table: {
              headerRows: 1,
              widths: ['*', ...header.slice(1).map(() => 'auto')],
              body: [
                header.map((text, index) => ({
                  text,
                  bold: true,
                  fontSize: 7.5,
                  alignment: index === 0 ? 'left' : 'right',
                })),
                ...rows.map((row) =>
                  row.map((text, index) => ({
                    text,
                    fontSize: 7.5,
                    alignment: index === 0 ? 'left' : 'right',
                  })),
                ),
              ],
            },
            layout: 'ruled',
          },
    ],
  };
}

export type FunderReportInput = {
  readonly report: OutcomesReport;
  readonly organisationName: string;
  /** YYYY-MM-DD: the day the report was made. */
  readonly preparedOn: string;
};

export async function renderFunderReportPdf({ report, organisationName, preparedOn }: FunderReportInput) {
  const { headline } = report;
  const period = `${formatLongDate(report.filters.from)} to ${formatLongDate(report.filters.to)}`;
  let pageCount = 0;
  const definition = {
    pageSize: 'LETTER',
    pageMargins: [margin, 40, margin, 36],
    info: {
      title: `${organisationName}: outcomes ${report.filters.from} to ${report.filters.to}`,
      author: organisationName,
      creator: 'Advocase',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15, color: '#1d2327' },
    footer: (_page: number, total: number) => {
      pageCount = Math.max(pageCount, total);
      return {
        text: `Prepared with Advocase on ${formatLongDate(preparedOn)}.`,
        fontSize: 7,
        color: muted,
        alignment: 'center',
        margin: [0, 14, 0, 0],
      };
    },
    content: [
      { text: organisationName, fontSize: 18, bold: true },
      { text: 'Patient advocacy outcomes', fontSize: 12, color: accent, margin: [0, 2, 0, 0] },
      {
        text: [
          period,
          report.filters.advocate ? ` \u00b7 cases of ${report.filters.advocate}` : ' \u00b7 all advocates',
        ],
        fontSize: 9,
        color: muted,
        margin: [0, 2, 0, 14],
      },
      {
        table: {
          widths: ['*', '*', '*', '*', '*'],
          body: [
            [
              headlineCell(
                String(headline.clientsServed),
                'Clients served',
                'with a case open in the period',
              ),
              headlineCell(
                String(headline.casesActive),
                'Cases worked',
                `${headline.casesOpened} opened, ${headline.casesClosed} closed`,
              ),
              headlineCell(formatRate(headline.approvalRate), 'Approval rate', approvalRateDetail(headline)),
              headlineCell(
                formatWholeDollars(headline.moneySavedCents),
                'Money saved for clients',
                headline.fundingGrantedCents > 0
                  ? `incl. ${formatWholeDollars(headline.fundingGrantedCents)} funding granted`
                  : 'on cases closed in the period',
              ),
              headlineCell(
                formatRate(headline.deadlinesMetRate),
                'Deadlines met',
                headline.deadlinesMetRate === null
                  ? 'none fell due in the period'
                  : `${headline.deadlinesMet} of ${headline.deadlinesMet + headline.deadlinesMissed} that fell due`,
              ),
            ],
          ],
        },
        layout: {
          hLineWidth: (row: number) => (row === 0 || row === 1 ? 0.75 : 0),
          vLineWidth: () => 0,
          hLineColor: () => '#c9d3d8',
          paddingLeft: () => 2,
          paddingRight: () => 6,
          paddingTop: () => 8,
          paddingBottom: () => 8,
        },
      },
      {
        text: `Median time from intake to the first payer decision after it: ${formatDays(headline.medianDaysToDecision)}. Payer decisions approved: ${headline.approvals} of ${formatCount(headline.decisions, 'payer decision', 'payer decisions')}.`,
        fontSize: 8.5,
        margin: [0, 6, 0, 14],
      },
      { text: 'Cases opened and closed', bold: true, fontSize: 9, margin: [0, 0, 0, 2] },
      {
        columns: [
          { canvas: [{ type: 'rect', x: 0, y: 2, w: 7, h: 7, color: openedColour }], width: 10 },
          { text: 'Opened', fontSize: 7.5, width: 40 },
          { canvas: [{ type: 'rect', x: 0, y: 2, w: 7, h: 7, color: closedColour }], width: 10 },
          { text: 'Closed', fontSize: 7.5, width: 40 },
        ],
        margin: [0, 0, 0, 6],
      },
      volumeChart(chartBuckets(report.months)),
      {
        columns: [
          smallTable(
            'Payer decisions approved, by appeal level',
            ['Level', 'Decisions', 'Approved', 'Rate'],
            report.approvalByLevel.map((tally) => [
              tally.label,
              String(tally.decisions),
              String(tally.approved + tally.partiallyApproved),
              formatRate(tally.approvalRate),
            ]),
            'No payer decisions in the period.',
          ),
          smallTable(
            'How closed cases ended',
            ['Outcome', 'Cases'],
            report.outcomeMix.map((share) => [share.label, String(share.count)]),
            'No cases closed in the period.',
          ),
          smallTable(
            'Payer decisions approved, by treatment',
            ['Treatment', 'Decisions', 'Rate'],
            report.approvalByTreatment.map((tally) => [
              tally.label,
              String(tally.decisions),
              formatRate(tally.approvalRate),
            ]),
            'No payer decisions in the period.',
          ),
        ],
        columnGap: 16,
        margin: [0, 16, 0, 14],
      },
      { text: 'How these figures are counted', bold: true, fontSize: 8, margin: [0, 0, 0, 2] },
      {
        ul: definedHere.map((id) => ({
          text: [
            { text: `${outcomeFigureDefinitions[id].label}: `, bold: true },
            outcomeFigureDefinitions[id].definition,
          ],
        })),
        fontSize: 6.5,
        lineHeight: 1.1,
        color: '#333a3f',
      },
      { text: outcomesPrivacyNote, fontSize: 7, italics: true, color: muted, margin: [0, 8, 0, 0] },
    ],
  };
  const bytes = await (await configuredPdfmake()).createPdf(definition).getBuffer();
  return { bytes, pageCount };
}
