import type { LetterDocument, Letterhead } from '../../shared/domain/letter-document';

/** The block under the body: closing, then the name and title the advocate signs with. */
export type LetterSignature = {
  readonly closing: string;
  readonly name: string;
  readonly title: string | null;
  readonly organization: string | null;
};

/**
 * Everything a business letter shows, in the order it shows it (block format): letterhead, date,
 * how it was sent, the recipient's address, the RE: lines identifying the patient and claim, the
 * body, the signature, the enclosure list. The PDF and the DOCX writer both lay out this one shape.
 */
export type LetterLayout = {
  /** For the file's metadata and the continuation header. */
  readonly title: string;
  /** Null prints the letter plain: a letter in the physician's voice with no provider on the case. */
  readonly letterhead: Letterhead | null;
  /**
   * Printed at the top of every page of a letter exported with prompts still unfilled, so a draft
   * can never pass for the letter to send; null on a finished letter.
   */
  readonly draftNotice: string | null;
  /** As printed, e.g. "March 30, 2026". */
  readonly date: string;
  /** e.g. "Via fax: (555) 201-3300"; null for a letter with no delivery line. */
  readonly deliveryLine: string | null;
  readonly recipient: readonly string[];
  /** The subject first, then patient, member ID, claim or reference numbers. */
  readonly reLines: readonly string[];
  /** Who the letter is about, repeated at the top of every later page (pages get separated). */
  readonly runningHeader: string;
  readonly document: LetterDocument;
  /**
   * True when the text is a whole letter with its own date, address, Re: block, closing and
   * enclosures (letter-frame.ts): the writers then print only the letterhead, the delivery line,
   * the continuation header and the page numbers around it, so nothing appears twice.
   */
  readonly writesOwnFrame: boolean;
  readonly signature: LetterSignature;
  readonly enclosures: readonly string[];
};

/** The letterhead's name line: the organization when there is one, else the advocate. */
export function letterheadTitle(letterhead: Letterhead): string {
  return letterhead.organization ?? letterhead.name;
}

/** The small print under the letterhead's name: the address on one line, then how to reach the sender. */
export function letterheadDetailLines(letterhead: Letterhead): string[] {
  const lines: string[] = [];
  if (letterhead.organization) lines.push(letterhead.name);
  if (letterhead.identifiers) lines.push(letterhead.identifiers);
  if (letterhead.address) {
    lines.push(
      letterhead.address
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .join(', '),
    );
  }
  const contact = [
    letterhead.phone ? `Phone ${letterhead.phone}` : null,
    letterhead.fax ? `Fax ${letterhead.fax}` : null,
    letterhead.email,
  ].filter((part): part is string => part !== null);
  if (contact.length > 0) lines.push(contact.join('   ·   '));
  return lines;
}

/** "Enclosures (2)" or "Enclosure", as a letter's enclosure notation reads. */
export function enclosureHeading(count: number): string {
  return count === 1 ? 'Enclosure' : `Enclosures (${count})`;
}
