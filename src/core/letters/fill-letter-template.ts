import type { LetterDocument } from '../../shared/domain/letter-document';
import { unfilledPrompt } from '../../shared/domain/letter-prompts';
import { AppError } from '../errors';
import type { LetterContext } from './letter-context';
import { parseLetterMarkdown } from './letter-markdown';
import { placeholdersByName } from './letter-placeholders';

const placeholderPattern = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The placeholders a template's text uses, in order of first use. */
export function placeholdersUsedIn(body: string): string[] {
  return [...new Set([...body.matchAll(placeholderPattern)].map((match) => match[1] as string))];
}

/**
 * Checks a template before it is saved: every placeholder must be one the registry knows, and a
 * block placeholder (a list or several paragraphs) must stand on a line of its own. The message
 * gives the line, so the author can find it. Field `body`.
 */
export function assertTemplateBodyIsValid(body: string): void {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(placeholderPattern)) {
      const name = match[1] as string;
      const entry = placeholdersByName.get(name);
      if (!entry) {
        throw new AppError(
          'INVALID_INPUT',
          `Line ${index + 1}: {{${name}}} is not a placeholder Advocase knows. Check its spelling against the placeholder list.`,
          'body',
        );
      }
      if (entry.isBlock && line.trim() !== match[0]) {
        throw new AppError(
          'INVALID_INPUT',
          `Line ${index + 1}: {{${name}}} fills in whole paragraphs or a list, so it must stand on a line of its own.`,
          'body',
        );
      }
    }
  });
  const stray = /\{\{(?![a-z_\s]+\}\})/.exec(body);
  if (stray) {
    const line = body.slice(0, stray.index).split('\n').length;
    throw new AppError(
      'INVALID_INPUT',
      `Line ${line}: "{{" starts a placeholder but it is not closed with "}}" or its name has characters other than a–z and _.`,
      'body',
    );
  }
}

export type FilledLetter = {
  readonly markdown: string;
  readonly document: LetterDocument;
  /** Placeholders the case could not fill: the letter shows a bracketed prompt for each. */
  readonly unfilled: readonly string[];
};

/** Fills a template's text from one case's context, then reads it into a letter document. */
export function fillLetterTemplate(body: string, context: LetterContext): FilledLetter {
  const unfilled = new Set<string>();
  const letter = { placeholders: new Set(placeholdersUsedIn(body)) };
  const markdown = body.replace(placeholderPattern, (_whole, name: string) => {
    const entry = placeholdersByName.get(name);
    if (!entry) {
      unfilled.add(name);
      return unfilledPrompt(`unknown placeholder ${name}`);
    }
    const value = entry.fill(context, letter);
    if (value === null) {
      unfilled.add(name);
      return entry.whenMissing;
    }
    return value;
  });
  return { markdown, document: parseLetterMarkdown(markdown), unfilled: [...unfilled] };
}
