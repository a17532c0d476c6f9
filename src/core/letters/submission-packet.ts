import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { MediaType } from '../../shared/schemas/vault';
import { drawFootLabels, openAsPdf } from '../exports/bates-stamp';
import { renderCoverSheet, type CoverSheet, type PacketPart } from './packet-cover-pdf';

/** A chosen enclosure: its title on the cover, and how to read its decrypted bytes when its turn comes. */
export type PacketEnclosure = {
  readonly title: string;
  readonly mediaType: MediaType;
  readonly read: () => Promise<Uint8Array>;
};

export type PacketInput = {
  readonly cover: Omit<CoverSheet, 'parts' | 'totalPages'>;
  /** The letter as a PDF rendered without its own page numbers (the packet numbers every page). */
  readonly letter: { readonly title: string; readonly pdf: Uint8Array };
  readonly enclosures: readonly PacketEnclosure[];
  /** Who the packet is about, at the foot of every page, so a separated page finds its way back. */
  readonly footLabel: string;
};

export type BuiltPacket = {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** The letter and each enclosure joined, with the pages each occupies. */
  readonly parts: readonly PacketPart[];
  /** Enclosures that could not be joined (a DOCX, an email, a damaged or password-protected PDF), with why. */
  readonly omitted: readonly { readonly title: string; readonly reason: string }[];
};

// A cover listing many parts may run to a second page, which moves every page number after it.
const maximumCoverAttempts = 3;

async function appendAll(packet: PDFDocument, source: PDFDocument): Promise<number> {
  const pages = await packet.copyPages(source, source.getPageIndices());
  for (const page of pages) packet.addPage(page);
  return pages.length;
}

/**
 * One PDF for a payer's portal or fax machine: cover sheet (or fax cover), the letter, then each
 * enclosure in the order chosen (photos placed on Letter pages), every page stamped with the
 * patient at bottom left and "Page n of N" at bottom right. Decrypted enclosure bytes stay in
 * memory only and are zeroed once the packet is written.
 */
export async function buildSubmissionPacket(input: PacketInput): Promise<BuiltPacket> {
  // Every page is copied once, straight into the packet; the cover goes in front at the end,
  // when the page count it lists is known.
  const packet = await PDFDocument.create();
  const plaintexts: Uint8Array[] = [];
  try {
    const sections: { title: string; pageCount: number }[] = [
      {
        title: input.letter.title,
        pageCount: await appendAll(packet, await PDFDocument.load(input.letter.pdf)),
      },
    ];
    const omitted: { title: string; reason: string }[] = [];
    for (const enclosure of input.enclosures) {
      const bytes = await enclosure.read();
      plaintexts.push(bytes);
      const opened = await openAsPdf(bytes, enclosure.mediaType);
      if (!opened.document) {
        omitted.push({ title: enclosure.title, reason: opened.reason });
        continue;
      }
      sections.push({ title: enclosure.title, pageCount: await appendAll(packet, opened.document) });
    }
    const bodyPages = packet.getPageCount();

    let coverPages = 1;
    let parts: PacketPart[] = [];
    let cover: Awaited<ReturnType<typeof renderCoverSheet>> | null = null;
    for (let attempt = 0; attempt < maximumCoverAttempts; attempt += 1) {
      let nextPage = coverPages + 1;
      parts = sections.map((section) => {
        const part = { ...section, firstPage: nextPage };
        nextPage += section.pageCount;
        return part;
      });
      cover = await renderCoverSheet({ ...input.cover, parts, totalPages: coverPages + bodyPages });
      if (cover.pageCount === coverPages) break;
      coverPages = cover.pageCount;
    }
    if (!cover) throw new Error('The cover sheet was not rendered.');

    packet.setTitle(input.cover.reLines[0] ?? input.letter.title);
    packet.setCreator('Advocase');
    packet.setProducer('Advocase');
    const coverDocument = await PDFDocument.load(cover.bytes);
    const coverSheets = await packet.copyPages(coverDocument, coverDocument.getPageIndices());
    coverSheets.forEach((page, index) => packet.insertPage(index, page));
    const font = await packet.embedFont(StandardFonts.Helvetica);
    const pages = packet.getPages();
    pages.forEach((page, index) => {
      drawFootLabels(
        page,
        [
          { text: input.footLabel, position: 'left' },
          { text: `Page ${index + 1} of ${pages.length}`, position: 'right' },
        ],
        font,
      );
    });
    return { bytes: await packet.save(), pageCount: pages.length, parts, omitted };
  } finally {
    for (const bytes of plaintexts) bytes.fill(0);
  }
}
