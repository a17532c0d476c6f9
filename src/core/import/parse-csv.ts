import Papa from 'papaparse';

export type CsvRecord = {
  /** The row's number as a spreadsheet shows it: the header is 1, an empty line counts as a row. */
  readonly line: number;
  /** The cells in header order, trimmed (one more or fewer than the header is reported, not guessed). */
  readonly cells: readonly string[];
  readonly isEmpty: boolean;
};

export type CsvTable = {
  readonly headers: string[];
  readonly rows: CsvRecord[];
  /** Structural problems: a row with too many or too few cells, an unclosed quote. */
  readonly problems: Array<{ readonly line: number; readonly message: string }>;
};

/**
 * Reads CSV text with Papa Parse (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes), the header row naming the columns, a byte-order mark dropped. Empty lines are kept as
 * rows, so a row's number is the one a spreadsheet shows (numbers drifted after an
 * empty line); a quoted line break stays inside its cell and its row.
 */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const records = result.data;
  // The file's last line break ends the last row; it does not start an empty one.
  while (records.length > 1 && records.at(-1)!.every((cell) => cell.trim() === '')) records.pop();
  const [headerRow = [], ...dataRows] = records;
  const headers = headerRow.map((header, index) => header.trim() || `Column ${index + 1}`);
  const problems: Array<{ line: number; message: string }> = [];
  for (const error of result.errors) {
    if (error.code === 'MissingQuotes') {
      problems.push({
        line: (error.row ?? 0) + 1,
        message:
          'A quoted value is never closed: add the missing " (a quote inside a value is written twice, "").',
      });
    }
  }
  const rows = dataRows.map((cells, index): CsvRecord => {
    const line = index + 2;
    const isEmpty = cells.every((cell) => cell.trim() === '');
    if (!isEmpty && cells.length !== headers.length) {
      problems.push({
        line,
        message: `This row has ${cells.length} value${cells.length === 1 ? '' : 's'} but the header has ${headers.length} columns. Check for a missing or extra comma, or a value with a comma that is not in quotes.`,
      });
    }
    return { line, cells: headers.map((_, column) => (cells[column] ?? '').trim()), isEmpty };
  });
  return { headers, rows, problems };
}
