/**
 * A letter's text as structured data: what the editor edits, the database keeps (as JSON, never
 * HTML) and the PDF and DOCX writers render. Deliberately small: headings, paragraphs, bold and
 * italic runs, bulleted and numbered lists; the formatting a professional letter needs.
 */

export type LetterRun = {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
};

export type LetterBlock =
  | { readonly type: 'heading'; readonly runs: readonly LetterRun[] }
  | { readonly type: 'paragraph'; readonly runs: readonly LetterRun[] }
  | { readonly type: 'bulleted_list'; readonly items: readonly (readonly LetterRun[])[] }
  | { readonly type: 'numbered_list'; readonly items: readonly (readonly LetterRun[])[] };

export type LetterDocument = {
  readonly blocks: readonly LetterBlock[];
};

/**
 * A letterhead: the advocate's, from Settings → Profile, or for a letter in the physician's voice
 * the treating provider's; every field optional but the name.
 */
export type Letterhead = {
  readonly name: string;
  /** A provider's specialty and NPI, "Psychiatry · NPI 1234567893"; absent on the advocate's. */
  readonly identifiers?: string | null;
  readonly organization: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly fax: string | null;
  readonly email: string | null;
};
