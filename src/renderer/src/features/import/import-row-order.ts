import type { ImportPreviewRow } from '@shared/schemas/import';

/** Rows with something to decide come first: errors, then duplicates, then warnings, then the rest. */
function rank(row: ImportPreviewRow): number {
  if (row.skipped) return 4;
  if (row.status === 'error') return 0;
  if (row.status === 'duplicate-in-file' || row.status === 'duplicate-in-store') return 1;
  if (row.problems.length > 0) return 2;
  if (row.status === 'skipped-empty') return 5;
  return 3;
}

export function rowsProblemsFirst(rows: readonly ImportPreviewRow[]): ImportPreviewRow[] {
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

/** What the row's status says to a person. */
export function describeStatus(row: ImportPreviewRow): string {
  if (row.skipped) return 'Skipped by you';
  switch (row.status) {
    case 'ok':
      return row.problems.length > 0 ? 'Ready (check the note)' : 'Ready';
    case 'error': {
      const columns = [
        ...new Set(
          row.problems.flatMap((problem) =>
            problem.severity === 'error' && problem.column ? [problem.column] : [],
          ),
        ),
      ];
      return columns.length > 0 ? `Needs a fix: ${columns.join(', ')}` : 'Needs a fix';
    }
    case 'duplicate-in-file':
      return `Same person as row ${row.duplicateOf?.line ?? '?'}`;
    case 'duplicate-in-store':
      return `Already in Advocase: ${row.duplicateOf?.fullName ?? ''}`;
    case 'skipped-empty':
      return 'Empty line (left out)';
  }
}
