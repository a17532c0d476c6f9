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
 * A letter in the vault that no "letter sent" entry points to: a draft printed on the way (as
 * every export was filed by earlier builds), not something that went to the payer. An exhibit list
 * must not offer it by default: an attorney reads exhibits as what was sent.
 */
export function isUnsentLetter(document: DocumentSummary, sentEventIds: ReadonlySet<number>): boolean {
  return document.documentType === 'letter' && !document.eventIds.some((id) => sentEventIds.has(id));
}

/** The documents an export offers checked: every one but unsent letters. */
export function defaultExhibitIds(dossier: Dossier): number[] {
  const sentEventIds = new Set(
    dossier.cases.flatMap((facts) =>
      facts.events.filter((event) => event.type === 'letter_sent').map((event) => event.id),
    ),
  );
  return dossier.documents
    .filter((document) => !isUnsentLetter(document, sentEventIds))
    .map((document) => document.id);
}

/**
 * What an exhibit is, as its title says: a letter by the name it was filed under ("Internal
 * appeal to Aetna, sent 2026-12-06", as "Mark as sent" names it), anything else by its type and
 * date ("Denial letter 2026-03-02").
 */
function exhibitTitle(document: DocumentSummary): string {
  if (document.documentType === 'letter') return document.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const date = document.documentDate ?? document.addedAt.slice(0, 10);
  return `${documentTypeLabels[document.documentType]} ${date}`;
}

/**
 * Numbers the chosen documents in the order of the story: a document attached to a timeline event
 * takes the place of its earliest event; the others follow by their own date. With no choice
 * made, every document but unsent letters.
 */
export function numberExhibits(dossier: Dossier, chosenIds: readonly number[] | undefined): Exhibit[] {
  const chosen = new Set(chosenIds ?? defaultExhibitIds(dossier));
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
    .filter((document) => chosen.has(document.id))
    .map((document) => ({ document, key: sortKey(document) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.document.id - b.document.id)
    .map(({ document }, index) => {
      const number = index + 1;
      const label = formatExhibitLabel(number);
      const title = exhibitTitle(document);
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
