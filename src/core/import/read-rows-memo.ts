import { createHash } from 'node:crypto';
import type { ImportMapping } from '../../shared/schemas/import';
import type { ReadRow, ResolvedValues } from './import-rows';

/** What reading a file's rows depends on, and nothing else (readImportRows is a pure function of it). */
export type RowReading = {
  readonly csvText: string;
  readonly corrections: ReadonlyArray<{ line: number; column: string; value: string }>;
  readonly mapping: ImportMapping;
  readonly resolved: ResolvedValues;
  readonly today: string;
};

/**
 * The rows the last preview read, kept for the commit of the same file (the import dialog
 * previews, then imports): reading 5,000 rows (every value checked against its schema) again was
 * about a third of what the commit allocated and a tenth of its CPU time. Keyed by a digest of
 * everything the reading depends on, so a commit with other corrections, another mapping, other
 * value choices or on another day reads again; the store's duplicates are always looked up again.
 * One entry, dropped by the commit, and with the unlocked store it belongs to
 * (api/handlers/import.ts).
 */
export type ReadRowsMemo = {
  /** The rows for this reading, from the memo when the last preview read the same. */
  rowsOf(reading: RowReading, read: () => ReadRow[]): ReadRow[];
  forget(): void;
};

function digestOf(reading: RowReading): string {
  const resolved = [...reading.resolved].map(([field, codes]) => [field, [...codes]]);
  return createHash('sha256')
    .update(
      JSON.stringify([reading.corrections, reading.mapping, resolved, reading.today, reading.csvText.length]),
    )
    .update('\u0000')
    .update(reading.csvText)
    .digest('hex');
}

export function readRowsMemo(): ReadRowsMemo {
  let kept: { digest: string; rows: ReadRow[] } | null = null;
  return {
    rowsOf(reading, read) {
      const digest = digestOf(reading);
      if (kept?.digest === digest) return kept.rows;
      const rows = read();
      kept = { digest, rows };
      return rows;
    },
    forget() {
      kept = null;
    },
  };
}

/** For a caller that previews and imports in one go (the CLI, a test): every reading reads. */
export const noReadRowsMemo: ReadRowsMemo = {
  rowsOf: (_reading, read) => read(),
  forget: () => undefined,
};
