import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import {
  importFieldLabels,
  importFields,
  type ImportCorrection,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
  type ImportValue,
  type ImportValueMappings,
} from '@shared/schemas/import';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { useImportProgress } from './use-import-progress';
import { downloadTextFile } from '../deadlines/download-calendar';
import styles from './Import.module.css';
import { ImportRowsTable } from './ImportRowsTable';
import { ImportValuesPanel } from './ImportValuesPanel';

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onImported: (message: string) => void;
};

type Choices = {
  readonly mapping: ImportMapping | undefined;
  readonly valueMappings: ImportValueMappings;
  readonly corrections: readonly ImportCorrection[];
  readonly skipLines: readonly number[];
};

type DuplicateAction = 'skip' | 'merge';

const noChoices: Choices = { mapping: undefined, valueMappings: {}, corrections: [], skipLines: [] };
const count = (value: number, one: string, many: string) =>
  `${value.toLocaleString()} ${value === 1 ? one : many}`;

/** What the import button creates, in the user's words: "Import 3 clients and 3 cases". */
function importLabel({ newClients, mergedClients, cases }: ImportPreview['planned']): string {
  const clients = count(newClients + mergedClients, 'client', 'clients');
  const merged = mergedClients > 0 ? ` (${mergedClients.toLocaleString()} merged)` : '';
  return `Import ${clients}${merged} and ${count(cases, 'case', 'cases')}`;
}

/**
 * Import clients, coverage and cases from a CSV: every row is shown, those with problems first;
 * cells are corrected and rows skipped in place, values mapped once, columns no field takes are named
 * up front, and "Import N clients and M cases" saves the valid rows together (or none), offering the
 * rows left out as a CSV saying what to fix.
 */
export function ImportDialog({ open, onOpenChange, onImported }: Props) {
  const queryClient = useQueryClient();
  const duplicateGroupId = useId();
  const progressId = useId();
  const [csvText, setCsvText] = useState<string | null>(null);
  const [sourceName, setSourceName] = useState('');
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [duplicateAction, setDuplicateAction] = useState<DuplicateAction>('skip');
  const columnsRef = useRef<HTMLDetailsElement>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const request = (text: string, next: Choices, duplicates: DuplicateAction) => ({
    csvText: text,
    sourceName: sourceName || null,
    mapping: next.mapping,
    valueMappings: next.valueMappings,
    corrections: [...next.corrections],
    skipLines: [...next.skipLines],
    duplicateAction: duplicates,
  });
  // The preview is asked again when duplicates switch between skip and merge: what is created changes.
  const preview = useMutation({
    mutationFn: (next: { csvText: string; choices: Choices; duplicateAction: DuplicateAction }) =>
      callApi('import.preview', request(next.csvText, next.choices, next.duplicateAction)),
    onSuccess: (next) => {
      setResult(next);
      setChoices((current) => ({ ...current, mapping: next.mapping }));
    },
  });
  const commit = useMutation({
    mutationFn: () => callApi('import.commit', request(csvText ?? '', choices, duplicateAction)),
    onSuccess: async (imported) => {
      onImported(imported.message);
      await queryClient.invalidateQueries();
      if (imported.skippedCsv) setDone(imported);
      else close();
    },
  });

  const progress = useImportProgress(commit.isPending);

  function reset() {
    setCsvText(null);
    setChoices(noChoices);
    setDuplicateAction('skip');
    setResult(null);
    setDone(null);
    preview.reset();
    commit.reset();
  }

  function close() {
    reset();
    onOpenChange(false);
  }

  function choose(next: Choices) {
    setChoices(next);
    commit.reset();
    if (csvText) preview.mutate({ csvText, choices: next, duplicateAction });
  }

  function chooseDuplicateAction(next: DuplicateAction) {
    setDuplicateAction(next);
    commit.reset();
    if (csvText) preview.mutate({ csvText, choices, duplicateAction: next });
  }

  function showColumns() {
    const columns = columnsRef.current;
    if (!columns) return;
    columns.open = true;
    columns.scrollIntoView({ block: 'nearest' });
    columns.querySelector('select')?.focus();
  }

  async function onFileChosen(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setCsvText(text);
    setResult(null);
    setDone(null);
    setChoices(noChoices);
    commit.reset();
    preview.mutate({ csvText: text, choices: noChoices, duplicateAction });
  }

  const changeMapping = (field: ImportField, column: string) =>
    choose({ ...choices, mapping: { ...choices.mapping, [field]: column || null } });
  const chooseValue = (value: ImportValue, code: string) =>
    choose({
      ...choices,
      valueMappings: {
        ...choices.valueMappings,
        [value.field]: { ...choices.valueMappings[value.field], [value.value]: code },
      },
    });
  const correct = (line: number, column: string, value: string) =>
    choose({
      ...choices,
      corrections: [
        ...choices.corrections.filter((item) => item.line !== line || item.column !== column),
        { line, column, value },
      ],
    });
  const skip = (line: number, isSkipped: boolean) =>
    choose({
      ...choices,
      skipLines: isSkipped
        ? [...choices.skipLines, line]
        : choices.skipLines.filter((skipped) => skipped !== line),
    });

  const counts = result?.counts;
  const duplicates = counts ? counts.duplicateInFile + counts.duplicateInStore : 0;
  const importable = counts ? counts.ok + (duplicateAction === 'merge' ? duplicates : 0) : 0;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Import from CSV"
      size="wide"
      description="Clients, their coverage and cases from a spreadsheet or another system's export. Every row is shown, those that need you first. Nothing is saved until you import; the rows you import are saved together, or none."
    >
      <div className={formStyles.form}>
        {done ? (
          <section className={styles.done} aria-label="Import finished">
            <p role="status">{done.message}</p>
            <p>
              The rows left out are in a CSV with a “What to fix” column: download it, correct them there, and
              import that file.
            </p>
            <div className={formStyles.actions}>
              <Button
                onClick={() =>
                  downloadTextFile('rows-not-imported.csv', done.skippedCsv ?? '', 'text/csv;charset=utf-8')
                }
              >
                Download the rows not imported (CSV)
              </Button>
              <Button variant="primary" onClick={close}>
                Done
              </Button>
            </div>
          </section>
        ) : (
          <>
            <div className={formStyles.row}>
              <Field
                label="CSV file"
                hint="A header row naming the columns, then one row per client or case."
              >
                {(ids) => (
                  <input
                    {...ids}
                    type="file"
                    accept=".csv,text/csv"
                    className={styles.file}
                    onChange={(event) => void onFileChosen(event.target.files?.[0])}
                  />
                )}
              </Field>
              <Field
                label="Source"
                optional
                hint="Where the file comes from; its column and value choices are remembered under this name."
              >
                {(ids) => (
                  <input
                    {...ids}
                    className={inputClassName}
                    value={sourceName}
                    maxLength={100}
                    placeholder="e.g. Old intake spreadsheet"
                    onChange={(event) => setSourceName(event.target.value)}
                  />
                )}
              </Field>
            </div>

            <FormError message={preview.error?.message} />

            {result && counts && (
              <>
                <p className={styles.summary} role="status">
                  {count(result.rows.length, 'row', 'rows')}: {count(counts.ok, 'ready', 'ready')}
                  {counts.error > 0 && ` · ${count(counts.error, 'needs a fix', 'need a fix')}`}
                  {duplicates > 0 && ` · ${count(duplicates, 'duplicate', 'duplicates')}`}
                  {counts.skippedByUser > 0 && ` · ${counts.skippedByUser} skipped by you`}
                  {counts.skippedEmpty > 0 && ` · ${count(counts.skippedEmpty, 'empty line', 'empty lines')}`}
                  {preview.isPending && ' · checking…'}
                </p>

                {result.dayFirstColumns.length > 0 && (
                  <p className={styles.muted}>
                    Dates in {result.dayFirstColumns.join(', ')} are read day first, as in 25/12/1980:
                    03/04/1975 is 3 April 1975.
                  </p>
                )}

                {(result.unmappedColumns.length > 0 || !result.mapping.treatment) && (
                  <div className={styles.columnWarnings} role="note" aria-label="Columns not imported">
                    {result.unmappedColumns.length > 0 && (
                      <p>
                        {count(result.unmappedColumns.length, 'column', 'columns')} will not be imported:{' '}
                        {result.unmappedColumns.join(', ')} — choose a field for{' '}
                        {result.unmappedColumns.length === 1 ? 'it' : 'each'} under Columns, or leave{' '}
                        {result.unmappedColumns.length === 1 ? 'it' : 'them'} out.{' '}
                        <Button onClick={showColumns}>Choose fields</Button>
                      </p>
                    )}
                    {!result.mapping.treatment && (
                      <p>No treatment column: clients will be imported without cases.</p>
                    )}
                  </div>
                )}

                <details className={styles.columns} ref={columnsRef}>
                  <summary>
                    Columns{' '}
                    <span className={styles.muted}>
                      (
                      {result.mappingOrigin === 'remembered'
                        ? 'as last time for this source'
                        : result.mappingOrigin === 'guessed'
                          ? 'guessed from the headers'
                          : 'as you chose'}
                      )
                    </span>
                  </summary>
                  <div className={styles.mappingGrid}>
                    {importFields.map((field) => (
                      <label key={field} className={styles.mappingRow}>
                        <span>{importFieldLabels[field]}</span>
                        <select
                          className={inputClassName}
                          value={result.mapping[field] ?? ''}
                          onChange={(event) => changeMapping(field, event.target.value)}
                        >
                          <option value="">— not imported —</option>
                          {result.headers.map((header) => (
                            <option key={header} value={header}>
                              {header}
                            </option>
                          ))}
                        </select>
                      </label>
                    ))}
                  </div>
                </details>

                <ImportValuesPanel values={result.values} onChoose={chooseValue} />

                <ImportRowsTable
                  preview={result}
                  onCorrect={correct}
                  onSkip={skip}
                  skipLines={choices.skipLines}
                />

                {duplicates > 0 && (
                  <fieldset className={formStyles.fieldset} aria-labelledby={duplicateGroupId}>
                    <legend id={duplicateGroupId} className={formStyles.legend}>
                      {count(duplicates, 'row is', 'rows are')} the same person as an earlier row or a client
                      already here (same name and date of birth, and member ID when given)
                    </legend>
                    <div className={formStyles.choices}>
                      <label className={formStyles.choice}>
                        <input
                          type="radio"
                          name="duplicates"
                          checked={duplicateAction === 'skip'}
                          onChange={() => chooseDuplicateAction('skip')}
                        />
                        Skip those rows
                      </label>
                      <label className={formStyles.choice}>
                        <input
                          type="radio"
                          name="duplicates"
                          checked={duplicateAction === 'merge'}
                          onChange={() => chooseDuplicateAction('merge')}
                        />
                        Merge them (fills empty details, adds coverage and cases not already there)
                      </label>
                    </div>
                  </fieldset>
                )}
              </>
            )}

            <FormError message={commit.error?.message} />
            {commit.isPending && (
              <div className={styles.progress}>
                <label htmlFor={progressId}>
                  Importing {count(importable, 'row', 'rows')}…{progress.data && ` ${progress.data.phase}`}
                </label>
                {progress.data && progress.data.total > 0 ? (
                  <progress id={progressId} value={progress.data.done} max={progress.data.total} />
                ) : (
                  <progress id={progressId} />
                )}
              </div>
            )}
            <div className={formStyles.actions}>
              <Button onClick={close}>Cancel</Button>
              <Button
                variant="primary"
                disabled={!result || importable === 0 || preview.isPending || commit.isPending}
                onClick={() => commit.mutate()}
              >
                {result ? importLabel(result.planned) : 'Import'}
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
