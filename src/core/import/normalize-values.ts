/**
 * Dates and phone numbers as spreadsheets and other systems write them, turned into what Advocase
 * stores: YYYY-MM-DD, and (555) 123-4567 for US numbers or +<digits> for others. Each returns
 * the value or a sentence saying what is wrong and how to write it.
 */
import type { Normalized } from '../../shared/domain/phone-number';

// The import and the profile form read phone numbers the same way.
export { normalizePhone } from '../../shared/domain/phone-number';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

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

/** Which way a column writes its numeric dates: US month first unless the column shows otherwise. */
export type DateOrder = 'month-first' | 'day-first';

const numericDate = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/;

/**
 * The order a column's numeric dates are written in: day first when some of them can only be
 * read day first (25/12/1980) and none can only be read month first (12/25/1980).
 */
export function dateOrderOf(texts: Iterable<string>): DateOrder {
  let dayFirst = false;
  for (const text of texts) {
    const match = numericDate.exec(text.trim());
    if (!match) continue;
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (second > 12 && first <= 12) return 'month-first';
    if (first > 12 && second <= 12) dayFirst = true;
  }
  return dayFirst ? 'day-first' : 'month-first';
}

/**
 * 1980-03-04, 1980/3/4, 3/4/1980 and 3-4-1980 (month first, or day first in a column that writes
 * them so), 04-Mar-1980, 4 March 1980, Mar 4, 1980. A numeric date that can only be read the other
 * way round (25/12/1980 in a month-first column) is read so, with a note to check it.
 */
export function normalizeDate(
  text: string,
  order: DateOrder = 'month-first',
): Normalized & { note?: string } {
  const trimmed = text.trim();
  let parts: [number, number, number] | null = null;
  let note: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(trimmed))) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = numericDate.exec(trimmed))) {
    if (match[3]!.length !== 4) {
      return { problem: `"${trimmed}" has a two-digit year, which could be 19xx or 20xx. ${dateHelp}` };
    }
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const dayFirst = order === 'day-first' ? second <= 12 : first > 12 && second <= 12;
    parts = dayFirst ? [year, second, first] : [year, first, second];
    if (dayFirst !== (order === 'day-first')) {
      const [day, month] = dayFirst ? [first, second] : [second, first];
      note = `"${trimmed}" was read ${dayFirst ? 'day' : 'month'} first, as ${day} ${monthNames[month - 1] ?? '?'} ${year}, though this column writes the ${dayFirst ? 'month' : 'day'} first: check it.`;
    }
  } else if ((match = /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{4})$/.exec(trimmed))) {
    const month = monthNumber(match[2]!);
    if (month) parts = [Number(match[3]), month, Number(match[1])];
  } else if ((match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(trimmed))) {
    const month = monthNumber(match[1]!);
    if (month) parts = [Number(match[3]), month, Number(match[2])];
  }
  if (!parts) return { problem: `"${trimmed}" is not a date Advocase can read. ${dateHelp}` };
  const iso = isoIfReal(...parts);
  if (!iso) return { problem: `"${trimmed}" is not a real calendar date. Check the day and month.` };
  return note ? { value: iso, note } : { value: iso };
}
