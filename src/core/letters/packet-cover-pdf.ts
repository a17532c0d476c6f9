import type { Letterhead } from '../../shared/domain/letter-document';
import { configuredPdfmake } from '../exports/pdfmake-setup';
import {
  letterheadContent,
  letterMargin,
  letterPageStyle,
  mutedInk,
  type Content,
  type RenderedPdf,
} from './letter-pdf';

/** One party on the cover sheet: who it goes to, or who sends it. */
export type CoverParty = {
  readonly name: string;
  readonly organization: string | null;
  readonly fax: string | null;
  readonly phone: string | null;
};

/** One line of the cover's table of contents: where each part starts in the packet. */
export type PacketPart = {
  readonly title: string;
  readonly firstPage: number;
  readonly pageCount: number;
};

export type CoverSheet = {
  /** A fax cover names both fax numbers and carries the standard fax confidentiality notice. */
  readonly isFax: boolean;
  readonly letterhead: Letterhead;
  readonly date: string;
  readonly to: CoverParty;
  readonly from: CoverParty;
  readonly reLines: readonly string[];
  readonly message: string | null;
  readonly parts: readonly PacketPart[];
  /** Every page of the packet, this cover included. */
  readonly totalPages: number;
};

// The wording fax cover sheets for health information customarily carry (HIPAA, 45 CFR 164.530(c):
// reasonable safeguards for PHI sent by fax).
const faxNotice =
  'CONFIDENTIALITY NOTICE: This facsimile contains confidential information, including protected health information, ' +
  'that is legally privileged and intended only for the use of the recipient named above. If you are not the intended ' +
  'recipient, you are hereby notified that any review, disclosure, copying, distribution or use of the contents of this ' +
  'transmission is strictly prohibited. If you have received this fax in error, please notify the sender immediately ' +
  'by telephone and destroy all pages.';

const submissionNotice =
  'CONFIDENTIALITY NOTICE: This submission contains confidential information, including protected health information, ' +
  'intended only for the use of the recipient named above in reviewing the request it supports. If you are not the ' +
  'intended recipient, any review, disclosure, copying or distribution of its contents is strictly prohibited; please ' +
  'notify the sender and destroy all copies.';

function pageRange(part: PacketPart): string {
  return part.pageCount === 1
    ? String(part.firstPage)
    : `${part.firstPage}–${part.firstPage + part.pageCount - 1}`;
}

function partyColumn(label: string, party: CoverParty): Content {
  const row = (name: string, value: string | null): Content[] => [
    { text: name, style: 'fieldLabel' },
    { text: value ?? '—', ...(value ? {} : { color: mutedInk }) },
  ];
  return {
    table: {
      widths: [44, '*'],
      body: [
        row(label, party.name),
        ...(party.organization ? [row('', party.organization)] : []),
        row('Fax', party.fax),
        row('Phone', party.phone),
      ],
    },
    layout: 'noBorders',
  };
}

/**
 * The first page of a submission packet: a fax cover sheet (to and from with fax numbers, date,
 * pages including this one, RE:, confidentiality notice) or, for a portal upload or mail, the same
 * sheet titled as a submission, each listing what follows and on which pages.
 */
export async function renderCoverSheet(cover: CoverSheet): Promise<RenderedPdf> {
  let pageCount = 0;
  const [subject, ...referenceLines] = cover.reLines;
  const definition = {
    pageSize: letterPageStyle.pageSize,
    pageMargins: [letterMargin, 60, letterMargin, 60],
    info: { title: cover.isFax ? 'Fax cover sheet' : 'Submission cover sheet', creator: 'Advocase' },
    defaultStyle: letterPageStyle.defaultStyle,
    styles: {
      ...letterPageStyle.letterheadStyles,
      coverTitle: { fontSize: 26, bold: true, characterSpacing: 2, margin: [0, 0, 0, 14] },
      fieldLabel: { bold: true, fontSize: 9, color: mutedInk },
      sectionTitle: { bold: true, fontSize: 10, margin: [0, 16, 0, 4] },
      tableHeader: { bold: true, fontSize: 9, color: mutedInk },
    },
    footer: (_currentPage: number, total: number) => {
      pageCount = Math.max(pageCount, total);
      return null;
    },
    content: [
      ...letterheadContent(cover.letterhead),
      { text: cover.isFax ? 'FAX' : 'SUBMISSION', style: 'coverTitle' },
      {
        columns: [partyColumn('To', cover.to), partyColumn('From', cover.from)],
        columnGap: 24,
      },
      {
        table: {
          widths: [44, '*', 44, '*'],
          body: [
            [
              { text: 'Date', style: 'fieldLabel' },
              cover.date,
              { text: 'Pages', style: 'fieldLabel' },
              { text: `${cover.totalPages} (including this cover sheet)`, bold: true },
            ],
          ],
        },
        layout: 'noBorders',
        margin: [0, 10, 0, 0],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 6, x2: 468, y2: 6, lineWidth: 0.5, lineColor: '#9a9a9a' }],
        margin: [0, 0, 0, 10],
      },
      {
        table: {
          widths: [44, '*'],
          body: [
            [
              { text: 'RE', style: 'fieldLabel' },
              {
                stack: [
                  { text: subject ?? '', bold: true },
                  ...referenceLines.map((line) => ({ text: line })),
                ],
              },
            ],
          ],
        },
        layout: 'noBorders',
      },
      ...(cover.message ? [{ text: 'Message', style: 'sectionTitle' }, { text: cover.message }] : []),
      { text: cover.isFax ? 'Contents of this fax' : 'Contents of this submission', style: 'sectionTitle' },
      {
        table: {
          headerRows: 1,
          widths: [18, '*', 60],
          body: [
            [
              { text: '', style: 'tableHeader' },
              { text: 'Document', style: 'tableHeader' },
              { text: 'Pages', style: 'tableHeader', alignment: 'right' },
            ],
            ...cover.parts.map((part, index) => [
              `${index + 1}.`,
              part.title,
              { text: pageRange(part), alignment: 'right' },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9.5,
      },
      {
        table: {
          widths: ['*'],
          body: [[{ text: cover.isFax ? faxNotice : submissionNotice, fontSize: 8, lineHeight: 1.2 }]],
        },
        layout: {
          hLineWidth: () => 0.75,
          vLineWidth: () => 0.75,
          paddingLeft: () => 8,
          paddingRight: () => 8,
          paddingTop: () => 6,
          paddingBottom: () => 6,
        },
        margin: [0, 24, 0, 0],
      },
    ],
  };
  const bytes = await (await configuredPdfmake()).createPdf(definition).getBuffer();
  return { bytes, pageCount };
}
