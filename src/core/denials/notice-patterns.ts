import type { NoticeSource } from '../../shared/schemas/denial-notice';
import type { NoticeText } from './notice-text';

/**
 * Patterns are written in plain lower-case English and matched against the folded view of the
 * notice (NoticeText.folded), where OCR may still have left a `1` for an `l` or a `0` for an `o`
 * in a short word ("C0", "1D"): each `i`/`l` in a pattern also takes `1`, each `o` also `0`.
 * Character classes and escapes are left as written.
 */
export function foldPattern(source: string, flags = 'g'): RegExp {
  let folded = '';
  let isInClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index]!;
    if (character === '\\') {
      folded += character + (source[index + 1] ?? '');
      index += 1;
    } else if (isInClass) {
      folded += character;
      if (character === ']') isInClass = false;
    } else if (character === '[') {
      folded += character;
      isInClass = true;
    } else if (character === 'i' || character === 'l') {
      folded += '[l1]';
    } else if (character === 'o') {
      folded += '[o0]';
    } else {
      folded += character;
    }
  }
  return new RegExp(folded, flags);
}

/** A digit as the folded view may show it: OCR look-alikes a word's repair could not settle ("1O" → "lo"). */
export const digit = '[0-9ols]';

/** The digits of a number read through look-alikes. */
export function digitsOf(text: string): string {
  return text.replace(/o/gi, '0').replace(/[lI|]/g, '1').replace(/s/gi, '5');
}

/** One value the reader found, as the shared shape carries it. */
export type Found<T> = { readonly value: T; readonly source: NoticeSource; readonly confidence: number };

/**
 * A found value at `[start, end)` of the reading text. Confidence drops a little when the words
 * there needed OCR repair, so the advocate's eye goes to them first.
 */
export function found<T>(
  notice: NoticeText,
  start: number,
  end: number,
  value: T,
  confidence: number,
): Found<T> {
  const wasRepaired = notice.text.slice(start, end) !== notice.repaired.slice(start, end);
  const adjusted = wasRepaired ? confidence - 0.1 : confidence;
  return { value, source: notice.sourceOf(start, end), confidence: Math.round(adjusted * 100) / 100 };
}

/** The first match of `pattern` in the folded view at or after `from`. */
export function firstMatch(notice: NoticeText, pattern: RegExp, from = 0): RegExpExecArray | null {
  const sticky = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  sticky.lastIndex = from;
  return sticky.exec(notice.folded);
}
