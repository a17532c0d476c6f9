import type { LetterBlock, LetterDocument } from '../../shared/domain/letter-document';

/** "Sincerely,", "Respectfully submitted,", "Best regards,": a line that signs a letter off. */
const complimentaryClose =
  /^(sincerely|respectfully|respectfully submitted|regards|best regards|kind regards|yours (truly|sincerely|faithfully)|thank you),?$/i;

/** A paragraph whose first line signs the letter off; a hand signature goes below it. */
export function isComplimentaryClose(block: LetterBlock): boolean {
  if (block.type !== 'paragraph') return false;
  const firstLine = block.runs
    .map((run) => run.text)
    .join('')
    .split('\n')[0];
  return complimentaryClose.test((firstLine ?? '').trim());
}

/**
 * Whether the letter's text is already a whole letter: it signs itself off. Every shipped
 * template writes its own date, address, Re: block, enclosure list and closing (the advocate
 * edits them, e.g. an external review goes to the reviewer, not the payer), so the printed frame
 * must not add a second of each; a bare body (typed or imported) gets the frame's own.
 */
export function writesOwnFrame(document: LetterDocument): boolean {
  return document.blocks.some(isComplimentaryClose);
}
