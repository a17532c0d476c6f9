import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  importFieldLabels,
  importFields,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from '@shared/schemas/import';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import styles from './Import.module.css';
import { FormError } from '../../components/FormError';

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onImported: (message: string) => void;
};

/** Import clients, coverage and cases from a CSV: choose the file, check the columns and rows, then import all or nothing. */
export function ImportDialog({ open, onOpenChange, onImported }: Props) {
  const queryClient = useQueryClient();
  const duplicateGroupId = useId();
  const [csvText, setCsvText] = useState<string | null>(null);
  const [sourceName, setSourceName] = useState('');
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const [duplicateAction, setDuplicateAction] = useState<'skip' | 'merge'>('skip');

  const preview = useMutation({
    mutationFn: (next: { csvText: string; mapping: ImportMapping | undefined }) =>
      callApi('import.preview', {
        csvText: next.csvText,
        sourceName: sourceName || null,
        mapping: next.mapping,
      }),
    onSuccess: (result) => setMapping(result.mapping),
  });
  const commit = useMutation({
    mutationFn: () =>
      callApi('import.commit', {
        csvText: csvText ?? '',
        sourceName: sourceName || null,
        mapping,
        duplicateAction,
      }),
    onSuccess: async (result) => {
      onImported(result.message);
      close();
      await queryClient.invalidateQueries();
    },
  });

  function reset() {
    setCsvText(null);
    setMapping(undefined);
    setDuplicateAction('skip');
    preview.reset();
    commit.reset();
  }

  function close() {
    reset();
    onOpenChange(false);
  }

  async function onFileChosen(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setCsvText(text);
    commit.reset();
    preview.mutate({ csvText: text, mapping: undefined });
  }

  function changeMapping(field: ImportField, column: string) {
    if (!csvText) return;
    const next = { ...mapping, [field]: column || null };
    setMapping(next);
    commit.reset();
    preview.mutate({ csvText, mapping: next });
  }

  const result: ImportPreview | undefined = preview.data;
  const hasErrors = (result?.errors.length ?? 0) > 0;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Import from CSV"
      size="wide"
      description="Clients, their coverage and cases from a spreadsheet or another system's export. Nothing is saved until you press Import, and then all rows are saved or none."
    >
      <div className={formStyles.form}>
        <div className={formStyles.row}>
          <Field label="CSV file" hint="A header row naming the columns, then one row per client or case.">
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
            hint="Where the file comes from; its column choices are remembered under this name."
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

        {result && (
          <>
            {hasErrors && (
              <section className={styles.errors} aria-label="Problems in the file">
                <p className={styles.errorsTitle} role="alert">
                  {result.errors.length} problem{result.errors.length === 1 ? '' : 's'} in the file. Fix{' '}
                  {result.errors.length === 1 ? 'it' : 'them'} in the file and choose it again; nothing has
                  been imported.
                </p>
                <ul className={styles.errorList}>
                  {result.errors.map((error, index) => (
                    <li key={index}>
                      <strong>
                        Row {error.rowNumber}
                        {error.column ? `, ${error.column}` : ''}:
                      </strong>{' '}
                      {error.message}
                    </li>
                  ))}
                </ul>
              </section>
            )}

            <fieldset className={formStyles.fieldset}>
              <legend className={formStyles.legend}>
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
              </legend>
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
            </fieldset>

            <div className={styles.tableWrap}>
              <table className={styles.table} aria-label="Rows to import">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Name</th>
                    <th scope="col">Born</th>
                    <th scope="col">Phone</th>
                    <th scope="col">Payer</th>
                    <th scope="col">Member ID</th>
                    <th scope="col">Treatment</th>
                    <th scope="col">Already here?</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.rowNumber}>
                      <td>{row.rowNumber}</td>
                      <td>{row.fullName}</td>
                      <td>{formatCalendarDate(row.dateOfBirth)}</td>
                      <td>{row.phone ?? '—'}</td>
                      <td>{row.payer ?? '—'}</td>
                      <td>{row.memberId ?? '—'}</td>
                      <td>{row.treatment ?? '—'}</td>
                      <td>{row.duplicateOf ? `Duplicate of ${row.duplicateOf.fullName}` : 'New'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className={styles.muted}>
              {result.rowCount} row{result.rowCount === 1 ? '' : 's'} in the file
              {result.rows.length < result.rowCount - result.errors.length
                ? `; the first ${result.rows.length} are shown`
                : ''}
              .
            </p>

            {result.duplicateCount > 0 && (
              <fieldset className={formStyles.fieldset} aria-labelledby={duplicateGroupId}>
                <legend id={duplicateGroupId} className={formStyles.legend}>
                  {result.duplicateCount} row{result.duplicateCount === 1 ? ' matches' : 's match'} a client
                  already here (same name, date of birth and member ID)
                </legend>
                <div className={formStyles.choices}>
                  <label className={formStyles.choice}>
                    <input
                      type="radio"
                      name="duplicates"
                      checked={duplicateAction === 'skip'}
                      onChange={() => setDuplicateAction('skip')}
                    />
                    Skip those rows
                  </label>
                  <label className={formStyles.choice}>
                    <input
                      type="radio"
                      name="duplicates"
                      checked={duplicateAction === 'merge'}
                      onChange={() => setDuplicateAction('merge')}
                    />
                    Merge into the existing client (fills empty details, adds coverage and cases)
                  </label>
                </div>
              </fieldset>
            )}
          </>
        )}

        <FormError message={commit.error?.message} />
        <div className={formStyles.actions}>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!result || hasErrors || preview.isPending || commit.isPending}
            onClick={() => commit.mutate()}
          >
            Import {result ? `${result.rowCount} row${result.rowCount === 1 ? '' : 's'}` : ''}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
