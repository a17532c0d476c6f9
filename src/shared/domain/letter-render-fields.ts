import type { LetterBlock, LetterDocument, LetterRun } from './letter-document';

/**
 * Facts a draft must not freeze: the date it goes out and the name it is signed with. A draft
 * keeps a visible marker for each ("[date — filled in when printed]") and every export replaces
 * it from the profile and the day of printing, so a profile filled in after drafting, or a draft
 * sent a week later, prints right. The markers are not prompts: nothing is
 * missing, so they do not count as "to fill".
 */
export const renderFieldMarkers = {
  letterDate: '[date — filled in when printed]',
  signerName: '[your name — from your profile when printed]',
} as const;

export type RenderFieldValues = Readonly<Record<keyof typeof renderFieldMarkers, string>>;

function fillRuns(runs: readonly LetterRun[], values: RenderFieldValues): LetterRun[] {
  return runs.map((run) => {
    let text = run.text;
    for (const [field, marker] of Object.entries(renderFieldMarkers) as [
      keyof typeof renderFieldMarkers,
      string,
    ][]) {
      text = text.split(marker).join(values[field]);
    }
    return text === run.text ? run : { ...run, text };
  });
}

function fillBlock(block: LetterBlock, values: RenderFieldValues): LetterBlock {
  return block.type === 'heading' || block.type === 'paragraph'
    ? { ...block, runs: fillRuns(block.runs, values) }
    : { ...block, items: block.items.map((item) => fillRuns(item, values)) };
}

/** The letter as printed: every marker replaced by its value at the moment of printing. */
export function fillRenderFields(document: LetterDocument, values: RenderFieldValues): LetterDocument {
  return { blocks: document.blocks.map((block) => fillBlock(block, values)) };
}
