import {
  $createListItemNode,
  $createListNode,
  $isListItemNode,
  $isListNode,
  ListItemNode,
  ListNode,
} from '@lexical/list';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type Klass,
  type LexicalNode,
} from 'lexical';
import type { LetterBlock, LetterDocument, LetterRun } from '@shared/domain/letter-document';

/**
 * A LetterDocument in the Lexical editor and back. The editor holds only what a letter may hold
 * (headings, paragraphs, bulleted and numbered lists, bold and italic), so the conversion is
 * exact both ways; a line break inside a paragraph is "\n" in a run. Both functions run inside
 * an editor update or read (Lexical's `$` convention).
 */
export const letterEditorNodes: readonly Klass<LexicalNode>[] = [HeadingNode, ListNode, ListItemNode];

function $appendRuns(parent: ElementNode, runs: readonly LetterRun[]): void {
  for (const run of runs) {
    run.text.split('\n').forEach((line, index) => {
      if (index > 0) parent.append($createLineBreakNode());
      if (!line) return;
      const text = $createTextNode(line);
      if (run.bold) text.toggleFormat('bold');
      if (run.italic) text.toggleFormat('italic');
      parent.append(text);
    });
  }
}

function $blockNode(block: LetterBlock): ElementNode {
  switch (block.type) {
    case 'heading': {
      const heading = $createHeadingNode('h2');
      $appendRuns(heading, block.runs);
      return heading;
    }
    case 'paragraph': {
      const paragraph = $createParagraphNode();
      $appendRuns(paragraph, block.runs);
      return paragraph;
    }
    case 'bulleted_list':
    case 'numbered_list': {
      const list = $createListNode(block.type === 'bulleted_list' ? 'bullet' : 'number');
      for (const item of block.items) {
        const listItem = $createListItemNode();
        $appendRuns(listItem, item);
        list.append(listItem);
      }
      return list;
    }
  }
}

/** Replaces the editor's content with the letter. */
export function $writeLetterDocument(document: LetterDocument): void {
  const root = $getRoot();
  root.clear();
  root.append(...document.blocks.map($blockNode));
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

function pushText(runs: LetterRun[], text: string, bold: boolean, italic: boolean): void {
  const last = runs.at(-1);
  if (last && Boolean(last.bold) === bold && Boolean(last.italic) === italic) {
    runs[runs.length - 1] = { ...last, text: last.text + text };
    return;
  }
  runs.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
}

/**
 * An element's text as runs. A line break belongs to the text after it ("\nMember: …"), as the
 * Markdown reader writes it, so a letter reads back exactly as it was written in.
 */
function runsOf(element: ElementNode): LetterRun[] {
  const runs: LetterRun[] = [];
  let pendingBreaks = '';
  for (const child of element.getChildren()) {
    if ($isLineBreakNode(child)) {
      pendingBreaks += '\n';
    } else if ($isTextNode(child)) {
      pushText(
        runs,
        pendingBreaks + child.getTextContent(),
        child.hasFormat('bold'),
        child.hasFormat('italic'),
      );
      pendingBreaks = '';
    } else if ($isElementNode(child) && !$isListNode(child)) {
      runs.push(...runsOf(child));
    }
  }
  if (pendingBreaks) {
    const last = runs.at(-1);
    if (last) runs[runs.length - 1] = { ...last, text: last.text + pendingBreaks };
    else runs.push({ text: pendingBreaks });
  }
  return runs;
}

/** A list's items; a list nested by Tab is flattened, since a letter's lists have one level. */
function itemsOf(list: ListNode): LetterRun[][] {
  return list.getChildren().flatMap((item) => {
    if (!$isListItemNode(item)) return [];
    const nested = item.getChildren().filter($isListNode);
    const own = runsOf(item);
    return [...(own.length > 0 || nested.length === 0 ? [own] : []), ...nested.flatMap(itemsOf)];
  });
}

/** The editor's content as a letter. */
export function $readLetterDocument(): LetterDocument {
  const blocks = $getRoot()
    .getChildren()
    .map((node): LetterBlock => {
      if ($isHeadingNode(node)) return { type: 'heading', runs: runsOf(node) };
      if ($isListNode(node)) {
        return {
          type: node.getListType() === 'number' ? 'numbered_list' : 'bulleted_list',
          items: itemsOf(node),
        };
      }
      return {
        type: 'paragraph',
        runs: $isElementNode(node) ? runsOf(node) : [{ text: node.getTextContent() }],
      };
    })
    .filter((block) => block.type === 'paragraph' || block.type === 'heading' || block.items.length > 0);
  return { blocks };
}
