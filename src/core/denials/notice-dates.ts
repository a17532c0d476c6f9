import { isRealCalendarDate } from '../../shared/schemas/fields';
import { digit, digitsOf, foldPattern } from './notice-patterns';

/** A date written in the notice, as YYYY-MM-DD, and where it is in the reading text. */
export type WrittenDate = { readonly start: number; readonly end: number; readonly date: string };

const monthNumbers: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const monthName =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const day = `(${digit}{1,2})(?:st|nd|rd|th)?`;
const year = `(${digit}{4})`;
const separator = '[/.\\-]';

type DateShape = {
  readonly pattern: RegExp;
  readonly read: (groups: readonly string[]) => [string, string, string];
};

/** The ways notices write dates: "March 3, 2026", "3 March 2026", "03/03/2026", "3/3/26", "2026-03-03". */
const dateShapes: readonly DateShape[] = [
  {
    pattern: foldPattern(`\\b${monthName}\\s+${day}\\s*,?\\s*${year}\\b`, 'gd'),
    read: ([month, dayText, yearText]) => [yearText!, month!, dayText!],
  },
  {
    pattern: foldPattern(`\\b${day}\\s+${monthName}\\s*,?\\s*${year}\\b`, 'gd'),
    read: ([dayText, month, yearText]) => [yearText!, month!, dayText!],
  },
  {
    pattern: new RegExp(`\\b(${digit}{4})-(${digit}{2})-(${digit}{2})\\b`, 'gd'),
    read: ([yearText, month, dayText]) => [yearText!, month!, dayText!],
  },
  {
    pattern: new RegExp(
      `\\b(${digit}{1,2})${separator}(${digit}{1,2})${separator}(${digit}{4}|${digit}{2})\\b`,
      'gd',
    ),
    read: ([month, dayText, yearText]) => [yearText!, month!, dayText!],
  },
];

function isoDate(yearText: string, monthText: string, dayText: string): string | undefined {
  // The folded view writes every i as l and none of the month abbreviations has an i.
  const monthKey = monthText.toLowerCase().slice(0, 3).replace(/1/g, 'l').replace(/0/g, 'o');
  const month = monthNumbers[monthKey] ?? Number(digitsOf(monthText));
  const yearDigits = digitsOf(yearText);
  const fullYear = yearDigits.length === 2 ? `20${yearDigits}` : yearDigits;
  const iso = `${fullYear}-${String(month).padStart(2, '0')}-${digitsOf(dayText).padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isRealCalendarDate(iso) ? iso : undefined;
}

/** Every date written in `folded` (the folded view of a notice), in reading order. */
export function findDates(folded: string): WrittenDate[] {
  const dates: WrittenDate[] = [];
  for (const { pattern, read } of dateShapes) {
    for (const match of folded.matchAll(pattern)) {
      const date = isoDate(...read(match.slice(1)));
      const start = match.index;
      const end = start + match[0].length;
      const overlaps = dates.some((other) => start < other.end && other.start < end);
      if (date && !overlaps) dates.push({ start, end, date });
    }
  }
  return dates.sort((a, b) => a.start - b.start);
}
