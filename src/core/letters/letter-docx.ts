import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import type { LetterBlock, LetterRun } from '../../shared/domain/letter-document';
import { enclosureHeading, letterheadDetailLines, letterheadTitle, type LetterLayout } from './letter-layout';
import { isComplimentaryClose } from './letter-frame';

// Word measures in twentieths of a point (twips) and font sizes in half points.
const inch = 1440;
const textWidth = 6.5 * inch;
const accent = '24476B';
const muted = '555555';
const numberedList = 'letter-numbered';
const bulletedList = 'letter-bulleted';

function textRuns(runs: readonly LetterRun[]): TextRun[] {
  return runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italics: true } : {}),
      }),
  );
}

/** Each list restarts its numbering: a Word numbering instance per list. */
function blockParagraphs(block: LetterBlock, listInstance: number): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(block.runs) })];
    case 'paragraph':
      return [new Paragraph({ children: textRuns(block.runs) })];
    case 'bulleted_list':
    case 'numbered_list': {
      const reference = block.type === 'bulleted_list' ? bulletedList : numberedList;
      return block.items.map(
        (item, index) =>
          new Paragraph({
            numbering: { reference, level: 0, instance: listInstance },
            // Items sit close together; the list as a whole keeps a paragraph's space after it.
            spacing: { after: index === block.items.length - 1 ? 180 : 40 },
            children: textRuns(item),
          }),
      );
    }
  }
}

function letterhead(layout: LetterLayout): Paragraph[] {
  if (!layout.letterhead) return [];
  const details = letterheadDetailLines(layout.letterhead);
  const underline: IParagraphOptions['border'] = {
    bottom: { style: BorderStyle.SINGLE, size: 12, color: accent, space: 6 },
  };
  return [
    new Paragraph({
      spacing: { after: 40 },
      children: [
        new TextRun({ text: letterheadTitle(layout.letterhead), bold: true, size: 32, color: accent }),
      ],
      ...(details.length === 0 ? { border: underline } : {}),
    }),
    ...details.map(
      (line, index) =>
        new Paragraph({
          spacing: { after: 0 },
          children: [new TextRun({ text: line, size: 17, color: muted })],
          ...(index === details.length - 1 ? { border: underline } : {}),
        }),
    ),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
  ];
}

function referenceLines(reLines: readonly string[]): Paragraph[] {
  const [subject, ...rest] = reLines;
  const indent = { left: 0.5 * inch };
  return [
    new Paragraph({
      indent: { left: 0.5 * inch, hanging: 0.5 * inch },
      tabStops: [{ type: TabStopType.LEFT, position: 0.5 * inch }],
      spacing: { after: 0 },
      keepNext: true,
      children: [
        new TextRun({ text: 'RE:', bold: true }),
        new TextRun({ text: `\t${subject ?? ''}`, bold: true }),
      ],
    }),
    ...rest.map(
      (line, index) =>
        new Paragraph({
          indent,
          spacing: { after: index === rest.length - 1 ? 240 : 0 },
          children: [new TextRun(line)],
        }),
    ),
  ];
}

function signature(layout: LetterLayout): Paragraph[] {
  const { closing, name, title, organization } = layout.signature;
  const line = (text: string, bold = false) =>
    new Paragraph({ spacing: { after: 0 }, keepNext: true, children: [new TextRun({ text, bold })] });
  return [
    // Room to sign by hand; kept with the name so the two never part across pages.
    new Paragraph({ spacing: { after: 720 }, keepNext: true, children: [new TextRun(closing)] }),
    line(name, true),
    ...(title ? [line(title)] : []),
    ...(organization ? [line(organization)] : []),
  ];
}

function enclosures(items: readonly string[], listInstance: number): Paragraph[] {
  if (items.length === 0) return [];
  return [
    new Paragraph({
      spacing: { before: 360, after: 60 },
      keepNext: true,
      children: [new TextRun({ text: `${enclosureHeading(items.length)}:`, bold: true, size: 19 })],
    }),
    ...items.map(
      (item) =>
        new Paragraph({
          numbering: { reference: numberedList, level: 0, instance: listInstance },
          spacing: { after: 0 },
          children: [new TextRun({ text: item, size: 19 })],
        }),
    ),
  ];
}

function listLevel(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) {
  return {
    level: 0,
    format,
    text,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 0.5 * inch, hanging: 0.25 * inch } } },
  };
}

/** "DRAFT — …" in red at the top of every page of a letter exported with prompts unfilled. */
function draftNotice(layout: LetterLayout): Paragraph[] {
  if (!layout.draftNotice) return [];
  return [
    new Paragraph({
      spacing: { after: 80 },
      children: [new TextRun({ text: layout.draftNotice, bold: true, size: 20, color: 'B00020' })],
    }),
  ];
}

/**
 * The same letter as the PDF, as a Word document the physician's office can edit: real Word
 * headings, numbered and bulleted lists and bold runs, the letterhead at the top of page 1, the
 * continuation header from page 2, and "Page x of y" in the footer as fields Word keeps current.
 */
export async function renderLetterDocx(layout: LetterLayout): Promise<Buffer> {
  let listInstance = 0;
  const body = layout.document.blocks.flatMap((block) => {
    if (block.type === 'bulleted_list' || block.type === 'numbered_list') listInstance += 1;
    const paragraphs = blockParagraphs(block, listInstance);
    // The letter's own closing gets room for a hand signature below it, as the frame's does.
    return layout.writesOwnFrame && isComplimentaryClose(block)
      ? [...paragraphs, new Paragraph({ spacing: { after: 480 }, children: [] })]
      : paragraphs;
  });
  const pageNumbers = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            size: 17,
            color: muted,
          }),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: 'Advocase',
    title: layout.title,
    description: layout.reLines[0] ?? layout.title,
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 21, color: '1A1A1A' },
          paragraph: { spacing: { after: 180, line: 288 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: 'Arial', size: 22, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
        },
      ],
    },
    numbering: {
      config: [
        { reference: numberedList, levels: [listLevel(LevelFormat.DECIMAL, '%1.')] },
        { reference: bulletedList, levels: [listLevel(LevelFormat.BULLET, '\u2022')] },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 8.5 * inch, height: 11 * inch },
            margin: {
              top: inch,
              right: inch,
              bottom: inch,
              left: inch,
              header: 0.5 * inch,
              footer: 0.5 * inch,
            },
          },
          // Page 1 has the letterhead and no continuation header.
          titlePage: true,
        },
        headers: {
          first: new Header({ children: draftNotice(layout) }),
          default: new Header({
            children: [
              ...draftNotice(layout),
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '9A9A9A', space: 4 } },
                children: [
                  new TextRun({ text: layout.runningHeader, bold: true, size: 17 }),
                  new TextRun({ text: `\t${layout.date}`, size: 17, color: muted }),
                ],
              }),
            ],
          }),
        },
        footers: { first: pageNumbers, default: pageNumbers },
        children: [
          ...letterhead(layout),
          ...(layout.writesOwnFrame
            ? []
            : [new Paragraph({ spacing: { after: 280 }, children: [new TextRun(layout.date)] })]),
          ...(layout.deliveryLine
            ? [
                new Paragraph({
                  spacing: { after: 200 },
                  children: [new TextRun({ text: layout.deliveryLine.toUpperCase(), bold: true, size: 19 })],
                }),
              ]
            : []),
          ...(layout.writesOwnFrame
            ? []
            : [
                ...layout.recipient.map(
                  (line, index) =>
                    new Paragraph({
                      spacing: { after: index === layout.recipient.length - 1 ? 280 : 0 },
                      children: [new TextRun(line)],
                    }),
                ),
                ...referenceLines(layout.reLines),
              ]),
          ...body,
          ...(layout.writesOwnFrame
            ? []
            : [...signature(layout), ...enclosures(layout.enclosures, listInstance + 1)]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
