import type { Exhibit } from './exhibits';
import { configuredPdfmake } from './pdfmake-setup';
import { withDatesFormatted } from '../../shared/domain/dates-in-text';
import { formatLongDate } from '../../shared/domain/long-date';
import type { CaseSection, KeyValue, SummaryModel } from './summary-model';

/** What the bundle knows about an exhibit once it has been stamped and hashed. */
export type ManifestEntry = {
  readonly exhibitNumber: number;
  readonly bundleFileName: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly pageCount: number | null;
  readonly firstBates: string | null;
  readonly lastBates: string | null;
  /** What redaction did to this exhibit (regenerated redacted, or sent as filed); null when none was asked for. */
  readonly redaction: string | null;
};

type Content = Record<string, unknown> | string | Content[];

const confidentialityNotice =
  'CONFIDENTIAL. This summary and its exhibits contain protected health information about the client named above, ' +
  "disclosed to counsel with the client's written authorization to evaluate or pursue the client's claim. Do not " +
  'disclose it further except as the client authorizes or the law requires. If you received it in error, tell the ' +
  'sender and destroy every copy.';

const sourceNote =
  'Prepared by the patient advocate from the records kept in Advocase. Deadlines are computed from the cited rules ' +
  "and the dates recorded on the case; verify each against the plan's own notices and documents.";

function heading(text: string, level: 1 | 2): Content {
  return {
    text,
    style: level === 1 ? 'h1' : 'h2',
    tocItem: true,
    headlineLevel: level,
    ...(level === 2 ? { tocMargin: [14, 0, 0, 0] } : {}),
  };
}

function factsTable(rows: readonly KeyValue[]): Content {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value]),
    },
    layout: 'facts',
    margin: [0, 0, 0, 4],
  };
}

function ruledTable(
  header: readonly string[],
  widths: ReadonlyArray<number | string>,
  rows: ReadonlyArray<ReadonlyArray<Content>>,
  emptyMessage: string,
): Content {
  if (rows.length === 0) return { text: emptyMessage, style: 'note' };
  return {
    table: {
      headerRows: 1,
      // A header row alone at the foot of a page reads as a missing table.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((text) => ({ text, style: 'tableHeader' })), ...rows],
    },
    layout: 'ruled',
    style: 'table',
  };
}

function caseContent(section: CaseSection, isOnlyCase: boolean): Content[] {
  const prefix = isOnlyCase ? '' : `${section.caseNumber}: `;
  return [
    isOnlyCase ? '' : { ...(heading(section.heading, 1) as object), pageBreak: 'before' },
    heading(`${prefix}Coverage`, isOnlyCase ? 1 : 2),
    factsTable(section.coverage),
    heading(`${prefix}Treatment sought`, isOnlyCase ? 1 : 2),
    factsTable(section.treatment),
    heading(`${prefix}Chronology`, isOnlyCase ? 1 : 2),
    {
      text: `${section.chronology.length} event${section.chronology.length === 1 ? '' : 's'}, oldest first. "Exh." gives the exhibit numbers of the documents attached to each event.`,
      style: 'note',
    },
    ruledTable(
      ['Date', 'Type', 'Who', 'What', 'Reference numbers', 'Exh.'],
      [64, 62, 72, '*', 74, 28],
      section.chronology.map((row) => [
        { text: [formatLongDate(row.date), { text: `\n${row.time}`, style: 'muted' }] },
        row.type,
        row.who,
        withDatesFormatted(row.what, formatLongDate),
        row.references,
        row.exhibits,
      ]),
      'No timeline events in the period and types chosen.',
    ),
    heading(`${prefix}Communications log`, isOnlyCase ? 1 : 2),
    ruledTable(
      ['Date', 'Call', 'Spoke with', 'Rep', 'Reference', 'What was said'],
      [64, 40, 70, 56, 60, '*'],
      section.calls.map((call) => [
        withDatesFormatted(call.date, formatLongDate),
        call.direction,
        call.withWhom,
        call.rep,
        call.reference,
        call.said,
      ]),
      'No phone calls recorded in the period chosen.',
    ),
    heading(`${prefix}Denials, appeals and deadlines`, isOnlyCase ? 1 : 2),
    ruledTable(
      ['Date', 'Event', 'Detail', 'Reference numbers'],
      [64, 80, '*', 90],
      section.decisions.map((row) => [
        withDatesFormatted(row.date, formatLongDate),
        row.event,
        withDatesFormatted(row.detail, formatLongDate),
        row.references,
      ]),
      'No payer decisions, appeals or reviews recorded in the period chosen.',
    ),
    {
      text: `Deadlines from the deadline engine, as judged on ${formatLongDate(section.deadlinesAsOf)}:`,
      style: 'subhead',
    },
    ruledTable(
      ['Deadline', 'Due', 'Status', 'Rule'],
      ['*', 58, 64, 130],
      section.deadlines.map((row) => [
        row.what,
        withDatesFormatted(row.dueOn, formatLongDate),
        {
          text: [row.status, row.settled ? `\n${withDatesFormatted(row.settled, formatLongDate)}` : ''],
          bold: row.status === 'Missed',
        },
        { text: row.citation, style: 'small' },
      ]),
      'The deadline engine computed no deadlines for this case (see open questions for the facts it needs).',
    ),
    heading(`${prefix}Open questions`, isOnlyCase ? 1 : 2),
    section.openQuestions.length === 0
      ? { text: 'None found in the record.', style: 'note' }
      : {
          ul: section.openQuestions.map((question) => withDatesFormatted(question, formatLongDate)),
          margin: [0, 0, 0, 4],
        },
  ];
}

function exhibitIndex(
  exhibits: readonly Exhibit[],
  sources: ReadonlyMap<number, string>,
  manifest: ReadonlyMap<number, ManifestEntry> | null,
): Content[] {
  const content: Content[] = [
    { ...(heading('Exhibit index', 1) as object), pageBreak: 'before' },
    ruledTable(
      manifest
        ? ['Exh.', 'Document', 'Source file', 'Pages', 'Bates range']
        : ['Exh.', 'Document', 'Source file', 'Pages'],
      manifest ? [28, 140, '*', 30, 126] : [28, 170, '*', 30],
      exhibits.map((exhibit) => {
        const entry = manifest?.get(exhibit.number);
        const row: Content[] = [
          String(exhibit.number).padStart(3, '0'),
          entry?.redaction
            ? { stack: [exhibit.title, { text: entry.redaction, style: 'note' }] }
            : exhibit.title,
          sources.get(exhibit.number) ?? '',
          String(entry?.pageCount ?? exhibit.document.pageCount ?? '—'),
        ];
        if (manifest) {
          row.push(
            entry?.firstBates ? `${entry.firstBates} – ${entry.lastBates}` : 'Not stamped (not a PDF)',
          );
        }
        return row;
      }),
      'No documents were chosen as exhibits.',
    ),
  ];
  if (manifest) {
    content.push(
      heading('Manifest (SHA-256)', 1),
      {
        text: 'The SHA-256 digest of each exhibit file exactly as it is in the bundle, after Bates stamping. Recompute it (e.g. sha256sum, or Get-FileHash on Windows) to show the file has not changed. The same list is in manifest.csv.',
        style: 'note',
      },
      ruledTable(
        ['Exh.', 'File in the bundle', 'SHA-256'],
        [28, '*', 232],
        exhibits.map((exhibit) => {
          const entry = manifest.get(exhibit.number);
          return [
            String(exhibit.number).padStart(3, '0'),
            exhibit.bundleFileName,
            { text: entry?.sha256 ?? '', style: 'digest' },
          ];
        }),
        'No exhibits.',
      ),
    );
  } else if (exhibits.length > 0) {
    content.push({
      text: 'Bates numbers and SHA-256 digests are given in the exhibit bundle, where each exhibit is stamped.',
      style: 'note',
    });
  }
  return content;
}

export type RenderedSummary = { readonly bytes: Buffer; readonly pageCount: number };

/** Lays the summary out as a PDF: cover, contents, parties, each case's sections, exhibit index. */
export async function renderSummaryPdf(
  model: SummaryModel,
  manifest: ReadonlyMap<number, ManifestEntry> | null,
): Promise<RenderedSummary> {
  const pdfmake = await configuredPdfmake();
  const isOnlyCase = model.cases.length === 1;
  const runningTitle = `Case summary ${model.caseNumbers.join(', ')}`;
  let pageCount = 0;
  const definition = {
    pageSize: 'LETTER',
    pageMargins: [54, 64, 54, 50],
    info: {
      title: runningTitle,
      author: 'Advocase',
      subject: 'Case summary for counsel',
      creator: 'Advocase',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, color: '#333333', margin: [0, 0, 0, 28] },
      h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      subhead: { bold: true, margin: [0, 8, 0, 4] },
      label: { color: '#333333' },
      table: { fontSize: 8, margin: [0, 2, 0, 8] },
      tableHeader: { bold: true, fontSize: 8 },
      muted: { color: '#555555' },
      small: { fontSize: 7 },
      digest: { fontSize: 6.5, characterSpacing: 0.1 },
      note: { fontSize: 8, italics: true, color: '#333333', margin: [0, 0, 0, 4] },
      notice: { fontSize: 8.5, margin: [0, 0, 0, 0] },
    },
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            margin: [54, 28, 54, 0],
            stack: [
              {
                columns: [
                  { text: runningTitle, bold: true },
                  { text: 'Confidential: protected health information', alignment: 'right' },
                ],
                fontSize: 8,
              },
              { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 504, y2: 4, lineWidth: 0.5 }] },
            ],
          },
    // A heading in the last fifth of a page would sit alone above its table: start a new page.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.8,
    footer: (currentPage: number, total: number) => {
      pageCount = Math.max(pageCount, total);
      return currentPage === 1
        ? null
        : {
            text: `Page ${currentPage} of ${total}`,
            alignment: 'center',
            fontSize: 8,
            margin: [0, 18, 0, 0],
          };
    },
    content: [
      { text: 'Case summary', style: 'title', margin: [0, 120, 0, 4] },
      { text: 'Prepared for counsel: chronology, communications, deadlines and exhibits', style: 'subtitle' },
      factsTable(model.cover),
      {
        table: { widths: ['*'], body: [[{ text: confidentialityNotice, style: 'notice' }]] },
        layout: {
          hLineWidth: () => 0.75,
          vLineWidth: () => 0.75,
          paddingLeft: () => 8,
          paddingRight: () => 8,
          paddingTop: () => 6,
          paddingBottom: () => 6,
        },
        margin: [0, 36, 0, 12],
      },
      { text: sourceNote, style: 'note' },
      { text: model.scopeNote, style: 'note' },
      { toc: { title: { text: 'Contents', style: 'h1' } }, pageBreak: 'before' },
      { ...(heading('Parties', 1) as object), pageBreak: 'before' },
      factsTable(model.parties),
      ...model.casesParties.flatMap(({ caseNumber, rows }) => [
        { text: isOnlyCase ? 'Payer, plan and provider' : `Case ${caseNumber}`, style: 'subhead' },
        factsTable(rows),
      ]),
      { text: "Advocate's written authorizations on file", style: 'subhead' },
      ruledTable(
        ['Form', 'Dates', 'Status'],
        ['*', 200, 60],
        model.authorizations.map((row) => [...row]),
        'No written authorization is on file.',
      ),
      ...model.cases.flatMap((section) => caseContent(section, isOnlyCase)),
      ...exhibitIndex(model.exhibits, model.exhibitSources, manifest),
    ],
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pageCount };
}
