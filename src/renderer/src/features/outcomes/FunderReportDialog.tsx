import { useMutation } from '@tanstack/react-query';
import { FileDown } from 'lucide-react';
import { useState } from 'react';
import { outcomesPrivacyNote } from '@shared/domain/outcome-definitions';
import type { OutcomesFilters } from '@shared/schemas/outcomes';
import { Field, inputClassName } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { saveFile } from '../../lib/save-file';
import styles from './Outcomes.module.css';

/** Names the organisation for the one-page funder report, then saves it (the save dialog on the desktop). */
export function FunderReportDialog({
  open,
  onOpenChange,
  filters,
  periodText,
  onAnnounce,
}: {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly filters: OutcomesFilters;
  readonly periodText: string;
  readonly onAnnounce: (message: string) => void;
}) {
  const [organisationName, setOrganisationName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const create = useMutation({
    mutationFn: () => saveFile('outcomes.exportFunderPdf', { filters, organisationName }),
    onSuccess: (file) => {
      // Cancelled in the save dialog: the dialog stays open to try again.
      if (!file.savedAs) return;
      onAnnounce(`Funder report saved as ${file.savedAs} (not encrypted; no client names in it).`);
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['organisationName'])),
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Funder report"
      description={`A one-page PDF for ${periodText}: headline numbers, cases by month, approval rates and how each figure is counted.`}
      onSubmit={(event) => {
        event.preventDefault();
        setErrors(noErrors);
        create.mutate();
      }}
      submitLabel={
        <>
          <FileDown aria-hidden size={16} /> {create.isPending ? 'Preparing…' : 'Download PDF'}
        </>
      }
      submitDisabled={create.isPending}
      error={errors.form}
    >
      <Field
        label="Organisation name"
        hint="Printed at the top of the report."
        error={errors.fields['organisationName']}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={organisationName}
            onChange={(event) => setOrganisationName(event.target.value)}
            autoComplete="organization"
          />
        )}
      </Field>
      <p className={styles.note}>{outcomesPrivacyNote} The saved PDF is not encrypted.</p>
    </FormDialog>
  );
}
