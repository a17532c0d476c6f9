import type { LetterDocument, LetterRun } from '../../src/shared/domain/letter-document';

const textOf = (runs: readonly LetterRun[]) => runs.map((run) => run.text).join('');

/** A letter as plain text, a block per line and list items numbered or bulleted: what tests read. */
export function letterDocumentText(document: LetterDocument): string {
  return document.blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
          return textOf(block.runs);
        case 'bulleted_list':
          return block.items.map((item) => `• ${textOf(item)}`).join('\n');
        case 'numbered_list':
          return block.items.map((item, index) => `${index + 1}. ${textOf(item)}`).join('\n');
      }
    })
    .join('\n\n');
}
