import type { LetterBlock, LetterRun, Letterhead } from '../../shared/domain/letter-document';
import { configuredPdfmake } from '../exports/pdfmake-setup';
import { enclosureHeading, letterheadDetailLines, letterheadTitle, type LetterLayout } from './letter-layout';
import { isComplimentaryClose } from './letter-frame';

export type Content = Record<string, unknown> | string | Content[];

export type RenderedPdf = { readonly bytes: Buffer; readonly pageCount: number };

export type LetterPdfOptions = {
  /**
   * False inside a submission packet, which numbers every page of the packet itself: two
   * "Page x of y" on one page would disagree.
   */
  readonly showPageNumbers: boolean;
};

// One-inch margins, as a business letter has; the bottom leaves room for the page number.
export const letterMargin = 72;
const margin = letterMargin;
export const letterTextWidth = 612 - 2 * margin;
const textWidth = letterTextWidth;
const ink = '#1a1a1a';
const accent = '#24476b';
export const mutedInk = '#555555';
const muted = mutedInk;

/** The look every page Advocase writes for a payer shares: the letter and the packet's cover sheet. */
export const letterPageStyle = {
  pageSize: 'LETTER',
  defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25, color: ink },
  letterheadStyles: {
    letterheadTitle: { fontSize: 16, bold: true, color: accent, characterSpacing: 0.3 },
    letterheadDetail: { fontSize: 8.5, color: muted, lineHeight: 1.2 },
  },
} as const;

function runs(items: readonly LetterRun[]): Content[] {
  return items.map((run) => ({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
  }));
}

function block(letterBlock: LetterBlock): Content {
  switch (letterBlock.type) {
    case 'heading':
      return { text: runs(letterBlock.runs), style: 'heading' };
    case 'paragraph':
      return { text: runs(letterBlock.runs), style: 'paragraph' };
    case 'bulleted_list':
      return { ul: letterBlock.items.map((item) => ({ text: runs(item) })), style: 'list' };
    case 'numbered_list':
      return { ol: letterBlock.items.map((item) => ({ text: runs(item) })), style: 'list' };
  }
}

/** The letterhead at the top of a letter's first page and of a packet's cover sheet. */
export function letterheadContent(head: Letterhead): Content[] {
  return [
    { text: letterheadTitle(head), style: 'letterheadTitle' },
    ...letterheadDetailLines(head).map((line) => ({ text: line, style: 'letterheadDetail' })),
    {
      canvas: [{ type: 'line', x1: 0, y1: 6, x2: textWidth, y2: 6, lineWidth: 1.25, lineColor: accent }],
      margin: [0, 0, 0, 26],
    },
  ];
}

function referenceBlock(reLines: readonly string[]): Content {
  const [subject, ...rest] = reLines;
  return {
    table: {
      widths: [34, '*'],
      body: [
        [
          { text: 'RE:', bold: true },
          { stack: [{ text: subject ?? '', bold: true }, ...rest.map((line) => ({ text: line }))] },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 16],
  };
}

function signatureBlock(layout: LetterLayout): Content {
  const { signature } = layout;
  return {
    stack: [
      { text: signature.closing, margin: [0, 0, 0, 40] },
      { text: signature.name, bold: true },
      ...(signature.title ? [{ text: signature.title }] : []),
      ...(signature.organization ? [{ text: signature.organization }] : []),
    ],
    // The closing and the name are never split across pages.
    unbreakable: true,
    margin: [0, 6, 0, 0],
  };
}

function enclosureList(enclosures: readonly string[]): Content {
  if (enclosures.length === 0) return '';
  return {
    stack: [
      { text: `${enclosureHeading(enclosures.length)}:`, bold: true, margin: [0, 0, 0, 3] },
      { ol: [...enclosures], margin: [4, 0, 0, 0] },
    ],
    unbreakable: enclosures.length <= 12,
    fontSize: 9.5,
    margin: [0, 22, 0, 0],
  };
}

/**
 * A business letter as a US Letter PDF: letterhead on page 1, then date, delivery line, recipient,
 * RE: block, body, signature and enclosures; later pages carry a continuation header naming the
 * patient, and every page "Page x of y".
 */
export async function renderLetterPdf(
  layout: LetterLayout,
  options: LetterPdfOptions = { showPageNumbers: true },
): Promise<RenderedPdf> {
  let pageCount = 0;
  const definition = {
    pageSize: letterPageStyle.pageSize,
    pageMargins: [margin, margin, margin, 60],
    info: {
      title: layout.title,
      author: layout.letterhead?.name ?? '',
      subject: layout.reLines[0] ?? layout.title,
      creator: 'Advocase',
    },
    defaultStyle: letterPageStyle.defaultStyle,
    styles: {
      ...letterPageStyle.letterheadStyles,
      date: { margin: [0, 0, 0, 14] },
      draftNotice: { bold: true, fontSize: 10, color: '#b00020', characterSpacing: 0.6 },
      deliveryLine: { bold: true, fontSize: 9.5, characterSpacing: 0.4, margin: [0, 0, 0, 10] },
      recipient: { margin: [0, 0, 0, 16] },
      heading: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      paragraph: { margin: [0, 0, 0, 9] },
      list: { margin: [8, 0, 0, 9] },
    },
    header: (currentPage: number) => {
      const draft = layout.draftNotice ? [{ text: layout.draftNotice, style: 'draftNotice' }] : [];
      if (currentPage === 1)
        return draft.length > 0 ? { margin: [margin, 30, margin, 0], stack: draft } : null;
      return {
        margin: [margin, draft.length > 0 ? 22 : 36, margin, 0],
        stack: [
          ...draft,
          {
            columns: [
              { text: layout.runningHeader, bold: true },
              { text: layout.date, alignment: 'right', color: muted },
            ],
            fontSize: 8.5,
          },
          {
            canvas: [
              { type: 'line', x1: 0, y1: 4, x2: textWidth, y2: 4, lineWidth: 0.5, lineColor: '#9a9a9a' },
            ],
          },
        ],
      };
    },
    footer: (currentPage: number, total: number) => {
      pageCount = Math.max(pageCount, total);
      return options.showPageNumbers
        ? {
            text: `Page ${currentPage} of ${total}`,
            alignment: 'center',
            fontSize: 8.5,
            color: muted,
            margin: [0, 24, 0, 0],
          }
        : null;
    },
    content: [
      ...(layout.letterhead ? letterheadContent(layout.letterhead) : []),
      layout.writesOwnFrame ? '' : { text: layout.date, style: 'date' },
      layout.deliveryLine ? { text: layout.deliveryLine.toUpperCase(), style: 'deliveryLine' } : '',
      ...(layout.writesOwnFrame
        ? []
        : [
            { stack: layout.recipient.map((line) => ({ text: line })), style: 'recipient' },
            referenceBlock(layout.reLines),
          ]),
      // The letter's own closing gets room for a hand signature below it, as the frame's does.
      ...layout.document.blocks.map((letterBlock) =>
        layout.writesOwnFrame && isComplimentaryClose(letterBlock)
          ? { stack: [block(letterBlock)], margin: [0, 0, 0, 30] }
          : block(letterBlock),
      ),
      ...(layout.writesOwnFrame ? [] : [signatureBlock(layout), enclosureList(layout.enclosures)]),
    ],
  };
  const bytes = await (await configuredPdfmake()).createPdf(definition).getBuffer();
  return { bytes, pageCount };
}
