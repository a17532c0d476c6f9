import type { LetterBlock, LetterDocument, LetterRun } from '../../shared/domain/letter-document';

/**
 * The small Markdown a letter template is written in, read into a `LetterDocument`:
 * `# Heading`, `- bullet`, `1. numbered`, `**bold**`, `*italic*`, a backslash before a character
 * to take it literally. A blank line ends a paragraph or list; lines of one paragraph keep their
 * line breaks ("\n" inside a run), because a letter's address and "Re:" blocks are line by line.
 */

const headingLine = /^#{1,3}\s+(.*)$/;
const bulletLine = /^-\s+(.*)$/;
const numberedLine = /^\d{1,3}[.)]\s+(.*)$/;

type Style = { readonly bold: boolean; readonly italic: boolean };

function pushRun(runs: LetterRun[], text: string, style: Style): void {
  if (!text) return;
  const last = runs.at(-1);
  if (last && Boolean(last.bold) === style.bold && Boolean(last.italic) === style.italic) {
    runs[runs.length - 1] = { ...last, text: last.text + text };
    return;
  }
  runs.push({
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
  });
}

/** Inline text with `**bold**`, `*italic*` and backslash escapes, as runs. */
export function parseInline(text: string): LetterRun[] {
  const runs: LetterRun[] = [];
  let style: Style = { bold: false, italic: false };
  let pending = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (character === '\\' && index + 1 < text.length) {
      pending += text[index + 1];
      index += 1;
    } else if (text.startsWith('***', index)) {
      pushRun(runs, pending, style);
      pending = '';
      style = { bold: !style.bold, italic: !style.italic };
      index += 2;
    } else if (text.startsWith('**', index)) {
      pushRun(runs, pending, style);
      pending = '';
      style = { ...style, bold: !style.bold };
      index += 1;
    } else if (character === '*') {
      pushRun(runs, pending, style);
      pending = '';
      style = { ...style, italic: !style.italic };
    } else {
      pending += character;
    }
  }
  pushRun(runs, pending, style);
  return runs;
}

type OpenList = { type: 'bulleted_list' | 'numbered_list'; items: string[] };

export function parseLetterMarkdown(markdown: string): LetterDocument {
  const blocks: LetterBlock[] = [];
  // What is being read: the lines of an open paragraph, or the items of an open list.
  const open: { paragraph: string[]; list: OpenList | null } = { paragraph: [], list: null };

  function flush(): void {
    if (open.paragraph.length > 0) {
      blocks.push({ type: 'paragraph', runs: parseInline(open.paragraph.join('\n')) });
      open.paragraph = [];
    }
    if (open.list) {
      blocks.push({ type: open.list.type, items: open.list.items.map(parseInline) });
      open.list = null;
    }
  }

  function addItem(type: OpenList['type'], text: string): void {
    if (open.paragraph.length > 0 || (open.list && open.list.type !== type)) flush();
    open.list ??= { type, items: [] };
    open.list.items.push(text);
  }

  for (const rawLine of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    const heading = headingLine.exec(trimmed);
    const bullet = bulletLine.exec(trimmed);
    const numbered = numberedLine.exec(trimmed);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', runs: parseInline(heading[1] ?? '') });
    } else if (bullet) {
      addItem('bulleted_list', bullet[1] ?? '');
    } else if (numbered) {
      addItem('numbered_list', numbered[1] ?? '');
    } else if (open.list && /^\s/.test(line)) {
      // An indented line continues the list item above it.
      const items = open.list.items;
      items[items.length - 1] += ` ${trimmed}`;
    } else {
      if (open.list) flush();
      open.paragraph.push(trimmed);
    }
  }
  flush();
  return { blocks };
}

/**
 * A value from the case written into Markdown so it reads as plain text: a client's name with an
 * asterisk, or a denial reason that begins "1.", must not turn into emphasis or a list.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\*]/g, (character) => `\\${character}`).replace(/^(\s*)([#-]|\d+[.)])/gm, '$1\\$2');
}
