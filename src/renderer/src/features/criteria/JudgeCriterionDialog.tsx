import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CaseCriteriaView } from '@shared/schemas/case-criteria';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { queryKeys } from '../../lib/query-keys';

type Result = NonNullable<CaseCriteriaView['evaluation']>['results'][number];
type Judgement = CaseCriteriaView['judgements'][number];
type Choice = 'met' | 'not_met' | 'clear';

type Props = {
  readonly caseId: number;
  readonly setId: string;
  readonly result: Result;
  readonly judgement: Judgement | null;
  readonly onClose: () => void;
  readonly onSaved: (updated: CaseCriteriaView, message: string) => void;
};

/** The advocate's call on a criterion the app cannot check: met needs the case document that shows it. */
export function JudgeCriterionDialog({ caseId, setId, result, judgement, onClose, onSaved }: Props) {
  const documents = useQuery({
    queryKey: queryKeys.vault.list(caseId),
    queryFn: () => callApi('vault.list', { caseId }),
  });
  const [choice, setChoice] = useState<Choice>(judgement?.status ?? 'met');
  const [documentId, setDocumentId] = useState<string>(
    judgement?.documentId ? String(judgement.documentId) : '',
  );
  const [note, setNote] = useState(judgement?.note ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: () =>
      callApi('criteria.judgeCriterion', {
        caseId,
        setId,
        criterionId: result.criterionId,
        status: choice === 'clear' ? null : choice,
        documentId: documentId ? Number(documentId) : null,
        note,
      }),
    onSuccess: (updated) =>
      onSaved(
        updated,
        choice === 'clear' ? 'Judgement cleared.' : `Recorded as ${choice === 'met' ? 'met' : 'not met'}.`,
      ),
    onError: (error) => setErrors(formErrorsFromFailure(error, ['documentId', 'note'])),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (choice === 'met' && !documentId) {
      setErrors({ fields: { documentId: 'Choose the document that shows this criterion is met.' } });
      return;
    }
    setErrors(noErrors);
    save.mutate();
  }

  return (
    <FormDialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title="Record your judgement"
      description={result.text}
      onSubmit={submit}
      submitLabel="Save"
      submitDisabled={save.isPending}
      error={errors.form}
      cancelVariant="quiet"
    >
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Is it met?</legend>
        <div className={formStyles.choices}>
          {(
            [
              ['met', 'Met'],
              ['not_met', 'Not met'],
              ['clear', 'Not judged yet'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className={formStyles.choice}>
              <input
                type="radio"
                name="judgement"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Document that shows it"
        optional={choice !== 'met'}
        error={errors.fields.documentId}
        hint={
          documents.data?.length === 0
            ? 'No documents are filed to this case yet: add the record in the Documents tab first.'
            : 'A document filed to this case.'
        }
      >
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={documentId}
            onChange={(event) => setDocumentId(event.target.value)}
            disabled={choice === 'clear'}
          >
            <option value="">No document</option>
            {(documents.data ?? []).map((document) => (
              <option key={document.id} value={document.id}>
                {document.fileName}
                {document.documentDate ? ` (${document.documentDate})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note" optional error={errors.fields.note}>
        {(ids) => (
          <textarea
            {...ids}
            className={inputClassName}
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            disabled={choice === 'clear'}
          />
        )}
      </Field>
    </FormDialog>
  );
}
