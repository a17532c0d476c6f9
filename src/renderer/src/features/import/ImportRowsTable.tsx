import { useState } from 'react';
import { vocabularyLabel } from '@shared/domain/import-vocabulary';
import type { ImportPreview, ImportPreviewRow, ImportProblem } from '@shared/schemas/import';
import { Button } from '../../components/Button';
import { describeStatus, rowsProblemsFirst } from './import-row-order';
import styles from './Import.module.css';

type Props = {
  readonly preview: ImportPreview;
  readonly onCorrect: (line: number, column: string, value: string) => void;
  readonly onSkip: (line: number, skip: boolean) => void;
  /** The lines the user chose to skip, ahead of the preview that confirms it. */
  readonly skipLines: readonly number[];
};

const pageSize = 100;
const comparable = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The label a cell's value maps to, for the plan type, treatment, stage, priority and state columns. */
function mappedLabels(preview: ImportPreview): (column: string, text: string) => string | null {
  const byColumn = new Map<string, Map<string, string>>();
  for (const value of preview.values) {
    if (value.code === null) continue;
    const labels = byColumn.get(value.column) ?? new Map<string, string>();
    labels.set(comparable(value.value), vocabularyLabel(value.field, value.code));
    byColumn.set(value.column, labels);
  }
  return (column, text) => {
    const label = byColumn.get(column)?.get(comparable(text));
    return label && comparable(label) !== comparable(text) ? label : null;
  };
}

function ProblemNote({ problem, id }: { readonly problem: ImportProblem; readonly id?: string }) {
  return (
    <span id={id} className={problem.severity === 'error' ? styles.cellError : styles.cellWarning}>
      {problem.severity === 'error' ? 'Fix: ' : 'Note: '}
      {problem.message}
    </span>
  );
}

/** A cell with a problem, editable in place; the change is sent when the field loses focus or on Enter. */
function EditableCell(props: {
  readonly row: ImportPreviewRow;
  readonly column: string;
  readonly text: string;
  readonly problems: readonly ImportProblem[];
  readonly onCorrect: Props['onCorrect'];
}) {
  const { row, column, text, problems, onCorrect } = props;
  const [draft, setDraft] = useState(text);
  const noteId = `import-note-${row.line}-${column}`;
  const send = () => {
    if (draft.trim() !== text) onCorrect(row.line, column, draft);
  };
  return (
    <td
      className={
        problems.some((problem) => problem.severity === 'error') ? styles.errorCell : styles.warningCell
      }
    >
      <input
        className={styles.cellInput}
        aria-label={`Row ${row.line}, ${column}`}
        aria-describedby={noteId}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={send}
        onKeyDown={(event) => {
          if (event.key === 'Enter') send();
        }}
      />
      <span id={noteId} className={styles.cellNotes}>
        {problems.map((problem, index) => (
          <ProblemNote key={index} problem={problem} />
        ))}
      </span>
    </td>
  );
}

/**
 * Every row of the file, those with something to fix or decide first, each problem beside its
 * cell (rows with errors were hidden and the import dead-ended).
 */
export function ImportRowsTable({ preview, onCorrect, onSkip, skipLines }: Props) {
  const [shown, setShown] = useState(pageSize);
  const ordered = rowsProblemsFirst(preview.rows);
  const labelOf = mappedLabels(preview);
  return (
    <>
      <div className={styles.tableWrap}>
        <table className={styles.table} aria-label="Rows to import">
          <thead>
            <tr>
              <th scope="col">Skip</th>
              <th scope="col">Row</th>
              <th scope="col">Row check</th>
              {preview.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ordered.slice(0, shown).map((row) => {
              const rowProblems = row.problems.filter(
                (problem) => problem.column === null || !preview.headers.includes(problem.column),
              );
              return (
                <tr
                  key={row.line}
                  className={row.skipped || row.status === 'skipped-empty' ? styles.leftOut : undefined}
                >
                  <td>
                    {row.status !== 'skipped-empty' && (
                      <input
                        type="checkbox"
                        aria-label={`Skip row ${row.line}`}
                        checked={skipLines.includes(row.line)}
                        onChange={(event) => onSkip(row.line, event.target.checked)}
                      />
                    )}
                  </td>
                  <th scope="row">{row.line}</th>
                  <td className={styles.statusCell}>
                    {describeStatus(row)}
                    {rowProblems.map((problem, index) => (
                      <ProblemNote key={index} problem={problem} />
                    ))}
                  </td>
                  {preview.headers.map((header, index) => {
                    const text = row.cells[index] ?? '';
                    const problems = row.problems.filter((problem) => problem.column === header);
                    if (problems.length > 0 && !row.skipped) {
                      return (
                        <EditableCell
                          key={`${header}|${text}`}
                          row={row}
                          column={header}
                          text={text}
                          problems={problems}
                          onCorrect={onCorrect}
                        />
                      );
                    }
                    const label = labelOf(header, text);
                    return (
                      <td key={header} className={styles.cell}>
                        {text}
                        {label && <span className={styles.mapped}> → {label}</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {ordered.length > shown && (
        <Button onClick={() => setShown((count) => count + pageSize)}>
          Show {Math.min(pageSize, ordered.length - shown)} more of {ordered.length} rows
        </Button>
      )}
    </>
  );
}
