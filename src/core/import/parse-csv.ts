import Papa from 'papaparse';

export type CsvTable = {
  readonly headers: string[];
  /** Each row with its line in the spreadsheet (the header is row 1). */
  readonly rows: Array<{ readonly rowNumber: number; readonly cells: Readonly<Record<string, string>> }>;
  /** Structural problems: a row with too many or too few cells, an unclosed quote. */
  readonly problems: Array<{ readonly rowNumber: number; readonly message: string }>;
};

/**
 * Reads CSV text with Papa Parse (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes), the header row naming the columns. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headerRow = [], ...dataRows] = result.data;
  const headers = headerRow.map((header, index) => header.trim() || `Column ${index + 1}`);
  const problems: Array<{ rowNumber: number; message: string }> = [];
  // Papa Parse numbers data rows from 0 including the header; lines with quoted line breaks
  // span several physical lines, so row numbers count records, as a spreadsheet shows them.
  for (const error of result.errors) {
    const rowNumber = (error.row ?? 0) + 1;
    if (error.code === 'MissingQuotes') {
      problems.push({
        rowNumber,
        message:
          'A quoted value is never closed: add the missing " (a quote inside a value is written twice, "").',
      });
    }
  }
  const rows = dataRows.map((cells, index) => {
    const rowNumber = index + 2;
    if (cells.length !== headers.length) {
      problems.push({
        rowNumber,
        message: `This row has ${cells.length} value${cells.length === 1 ? '' : 's'} but the header has ${headers.length} columns. Check for a missing or extra comma, or a value with a comma that is not in quotes.`,
      });
    }
    return {
      rowNumber,
      cells: Object.fromEntries(headers.map((header, column) => [header, (cells[column] ?? '').trim()])),
    };
  });
  return { headers, rows, problems };
}
