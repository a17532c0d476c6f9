/**
 * Dates and phone numbers as spreadsheets and other systems write them, turned into what Advocase
 * stores: YYYY-MM-DD, and (555) 123-4567 for US numbers or +<digits> for others. Each returns
 * the value or a sentence saying what is wrong and how to write it.
 */
import type { Normalized } from '../../shared/domain/phone-number';

// The import and the profile form read phone numbers the same way.
export { normalizePhone } from '../../shared/domain/phone-number';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | null {
  const index = months.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? null : index + 1;
}

const dateHelp = 'Write it as 1980-03-04, 3/4/1980 (month first) or 04-Mar-1980.';

/** 1980-03-04, 1980/3/4, 3/4/1980 and 3-4-1980 (US order, month first), 04-Mar-1980, 4 March 1980, Mar 4, 1980. */
export function normalizeDate(text: string): Normalized {
  const trimmed = text.trim();
  let parts: [number, number, number] | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(trimmed))) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/.exec(trimmed))) {
    if (match[3]!.length !== 4) {
      return { problem: `"${trimmed}" has a two-digit year, which could be 19xx or 20xx. ${dateHelp}` };
    }
    parts = [Number(match[3]), Number(match[1]), Number(match[2])];
  } else if ((match = /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{4})$/.exec(trimmed))) {
    const month = monthNumber(match[2]!);
    if (month) parts = [Number(match[3]), month, Number(match[1])];
  } else if ((match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(trimmed))) {
    const month = monthNumber(match[1]!);
    if (month) parts = [Number(match[3]), month, Number(match[2])];
  }
  if (!parts) return { problem: `"${trimmed}" is not a date Advocase can read. ${dateHelp}` };
  const iso = isoIfReal(...parts);
  return iso
    ? { value: iso }
    : { problem: `"${trimmed}" is not a real calendar date. Check the day and month.` };
}

/** A name compared for duplicates: no case, accents or extra spaces ("MÜLLER,  Jürgen" ≈ "muller, jurgen"). */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
