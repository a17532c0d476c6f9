import { documentTypeLabels, type DocumentSummary, type MediaType } from '../../shared/schemas/vault';
import type { Dossier } from './case-dossier';

/** One chosen document with the number it carries in the summary and the bundle. */
export type Exhibit = {
  readonly number: number;
  /** "Exhibit 001". */
  readonly label: string;
  /** "Denial letter 2026-03-02". */
  readonly title: string;
  /** The name it gets in the bundle: "Exhibit 001 – Denial letter 2026-03-02.pdf". */
  readonly bundleFileName: string;
  readonly document: DocumentSummary;
  /** PDFs, and photos turned into one-page PDFs, get Bates numbers; other kinds are copied as they are. */
  readonly isStampable: boolean;
};

export function formatExhibitLabel(number: number): string {
  return `Exhibit ${String(number).padStart(3, '0')}`;
}

const keptExtensions: Readonly<Record<MediaType, string>> = {
  pdf: 'pdf',
  png: 'pdf',
  jpeg: 'pdf',
  heic: 'heic',
  docx: 'docx',
  txt: 'txt',
  eml: 'eml',
};

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
function safeFileNamePart(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Numbers the chosen documents in the order of the story: a document attached to a timeline event
 * takes the place of its earliest event; the others follow by their own date.
 */
export function numberExhibits(dossier: Dossier, chosenIds: readonly number[] | undefined): Exhibit[] {
  const chosen = chosenIds === undefined ? null : new Set(chosenIds);
  const eventTimes = new Map<number, string>();
  for (const facts of dossier.cases) {
    for (const event of facts.events) eventTimes.set(event.id, event.occurredAt);
  }
  const sortKey = (document: DocumentSummary): string => {
    const linkedTimes = document.eventIds
      .map((id) => eventTimes.get(id))
      .filter((time): time is string => time !== undefined)
      .sort();
    return linkedTimes[0] ?? document.documentDate ?? document.addedAt;
  };
  return dossier.documents
    .filter((document) => chosen === null || chosen.has(document.id))
    .map((document) => ({ document, key: sortKey(document) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.document.id - b.document.id)
    .map(({ document }, index) => {
      const number = index + 1;
      const label = formatExhibitLabel(number);
      const date = document.documentDate ?? document.addedAt.slice(0, 10);
      const title = `${documentTypeLabels[document.documentType]} ${date}`;
      return {
        number,
        label,
        title,
        bundleFileName: `${label} – ${safeFileNamePart(title)}.${keptExtensions[document.mediaType]}`,
        document,
        isStampable: ['pdf', 'png', 'jpeg'].includes(document.mediaType),
      };
    });
}
