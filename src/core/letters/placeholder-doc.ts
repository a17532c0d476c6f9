import { letterKinds } from '../../shared/domain/letter-kinds';
import { letterPlaceholders } from './letter-placeholders';

/**
 * docs/letter-placeholders.md, written from the placeholder registry. A test compares the file
 * with this text, so the documentation of placeholders cannot drift from what fills them;
 * `npx tsx scripts/write-letter-placeholders-doc.ts` rewrites it after a change.
 */
export function renderPlaceholderDoc(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = letterPlaceholders.map(
    (entry) =>
      `| \`{{${entry.name}}}\` | ${entry.isBlock ? 'block' : 'inline'} | ${cell(entry.filledFrom)} | ${
        entry.whenMissing === '—' ? 'always filled' : cell(entry.whenMissing)
      } |`,
  );
  return [
    '# Letter template placeholders',
    '',
    '<!-- Generated from src/core/letters/letter-placeholders.ts by scripts/write-letter-placeholders-doc.ts; a test checks it. Do not edit by hand. -->',
    '',
    'A letter template is a Markdown file: front matter between two `---` lines (`id`, `title`, `kind`,',
    '`description`), then the letter. The Markdown is deliberately small: `# Heading`, `**bold**`,',
    '`*italic*`, `- bullet`, `1. numbered`, a blank line between paragraphs, and a backslash before a',
    'character to take it literally. Lines of one paragraph keep their line breaks (address blocks).',
    '',
    'A `{{placeholder}}` is replaced by a fact of the case when a letter is made. When the case does',
    'not hold the fact, the letter shows a bracketed prompt such as `[member ID — not recorded]`, never',
    'a blank; the letter page lists every prompt still in the text before export. You may write your',
    'own prompts the same way (`[what is needed — not recorded]`) for what only a person can supply.',
    'A *block* placeholder fills in whole paragraphs or a list and must stand on a line of its own.',
    '',
    `Kinds: ${letterKinds.map((kind) => `\`${kind}\``).join(', ')}.`,
    '',
    '| Placeholder | Type | Filled from | When the case lacks it |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
