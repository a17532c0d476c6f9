import type { LetterDocument, LetterRun } from './letter-document';

/**
 * A fact a letter needs that the case does not hold is written into the letter as a visible
 * prompt, "[member ID — not recorded]", never left blank: a blank reads as a finished sentence to
 * whoever proofreads, a bracket does not. The editor lists every prompt still in the text before
 * export, so this one pattern is shared by the filler (core) and the editor (renderer).
 */
export const unfilledPromptPattern = /\[[^[\]\n]{1,300} — (?:not recorded|none chosen|not computed)\]/g;

export function unfilledPrompt(
  what: string,
  why: 'not recorded' | 'none chosen' | 'not computed' = 'not recorded',
): string {
  return `[${what} — ${why}]`;
}

function runsOfDocument(document: LetterDocument): (readonly LetterRun[])[] {
  return document.blocks.flatMap((block) =>
    block.type === 'heading' || block.type === 'paragraph' ? [block.runs] : block.items,
  );
}

/** Every prompt still in the letter, once each, in reading order. */
export function findUnfilledPrompts(document: LetterDocument): string[] {
  const found = new Set<string>();
  for (const runs of runsOfDocument(document)) {
    const text = runs.map((run) => run.text).join('');
    for (const match of text.matchAll(unfilledPromptPattern)) found.add(match[0]);
  }
  return [...found];
}
