import { letterKinds, type LetterKind } from '../../shared/domain/letter-kinds';
import { AppError } from '../errors';

/**
 * A letter template as a file: front matter between `---` lines (id, title, kind, description),
 * then the letter in the Markdown subset of letter-markdown.ts with `{{placeholders}}`. Shipped
 * templates are written this way, and users import and export their own in the same form.
 */
export type LetterTemplateFile = {
  readonly id: string;
  readonly title: string;
  readonly kind: LetterKind;
  readonly description: string;
  readonly body: string;
};

const frontMatterKeys = ['id', 'title', 'kind', 'description'] as const;

function isLetterKind(value: string): value is LetterKind {
  return (letterKinds as readonly string[]).includes(value);
}

/** Reads a template file; a file that is not one is refused with what to fix, field `fileText`. */
export function parseLetterTemplateFile(text: string): LetterTemplateFile {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(normalized);
  if (!match) {
    throw new AppError(
      'INVALID_INPUT',
      'This file has no front matter. A template starts with a block between two "---" lines giving its id, title, kind and description.',
      'fileText',
    );
  }
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split('\n')) {
    const field = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (field) fields.set(field[1] as string, (field[2] as string).replace(/^"(.*)"$/, '$1').trim());
  }
  const missing = frontMatterKeys.filter((key) => !fields.get(key));
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `The front matter is missing: ${missing.join(', ')}.`, 'fileText');
  }
  const kind = fields.get('kind') as string;
  if (!isLetterKind(kind)) {
    throw new AppError(
      'INVALID_INPUT',
      `Kind "${kind}" is not one Advocase knows. Use one of: ${letterKinds.join(', ')}.`,
      'fileText',
    );
  }
  const body = (match[2] ?? '').trim();
  if (!body)
    throw new AppError('INVALID_INPUT', 'The template has no text after its front matter.', 'fileText');
  return {
    id: fields.get('id') as string,
    title: fields.get('title') as string,
    kind,
    description: fields.get('description') as string,
    body,
  };
}

export function writeLetterTemplateFile(template: LetterTemplateFile): string {
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
  return [
    '---',
    `id: ${template.id}`,
    `title: ${oneLine(template.title)}`,
    `kind: ${template.kind}`,
    `description: ${oneLine(template.description)}`,
    '---',
    '',
    template.body.trim(),
    '',
  ].join('\n');
}
