import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { MethodInput } from '@shared/contract';
import { verificationTargetLabels } from '@shared/domain/benefits-verification';
import { recordVerificationInputSchema } from '@shared/schemas/verification';
import { refreshQueries } from '../../app/query-client';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { fromDateTimeInputValue, toDateTimeInputValue } from '../../lib/format-date';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Verification.module.css';
import { FormDialog } from '../../components/FormDialog';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  readonly hasCoverage: boolean;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (announcement: string) => void;
};

/** The call an advocate makes before anything is filed, asked from a script and recorded in one go. */
export function VerificationCallDialog({ caseId, hasCoverage, open, onOpenChange, onSaved }: Props) {
  const script = useQuery({
    queryKey: queryKeys.verification.script,
    queryFn: () => callApi('verification.getScript', {}),
    enabled: open,
  });
  const [repName, setRepName] = useState('');
  const [referenceNumber, setReferenceNumber] = useState('');
  const [occurredAt, setOccurredAt] = useState(() => toDateTimeInputValue(new Date()));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const save = useMutation({
    mutationFn: (input: MethodInput<'verification.record'>) => callApi('verification.record', input),
    onSuccess: async (result) => {
      await refreshQueries(
        queryKeys.events.ofCase(caseId),
        queryKeys.clients.details,
        queryKeys.coverages.histories,
      );
      onSaved(
        result.updatedCoverageFields.length > 0
          ? 'Verification call logged; the answers were written into the coverage.'
          : 'Verification call logged.',
      );
      setRepName('');
      setReferenceNumber('');
      setAnswers({});
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['repName', 'referenceNumber', 'occurredAt'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      caseId,
      repName,
      referenceNumber,
      occurredAt: fromDateTimeInputValue(occurredAt),
      answers: (script.data ?? []).map((question) => ({
        questionId: question.id,
        question: question.text,
        answer: answers[question.id]?.trim() || null,
      })),
    };
    const parsed = recordVerificationInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(input);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Benefits verification call"
      description={
        hasCoverage
          ? 'Ask each question; answers marked for the coverage are written there, and the whole call goes on the timeline.'
          : 'No coverage is linked to this case yet: the answers will be kept in the call log only.'
      }
      onSubmit={submit}
      submitLabel="Save call"
      submitDisabled={save.isPending || !script.data}
      error={errors.form}
    >
      <div className={formStyles.row}>
        <Field label="Rep name" error={errors.fields.repName}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={repName}
              onChange={(event) => setRepName(event.target.value)}
            />
          )}
        </Field>
        <Field label="Reference number" error={errors.fields.referenceNumber}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={referenceNumber}
              onChange={(event) => setReferenceNumber(event.target.value)}
            />
          )}
        </Field>
      </div>
      <ol className={styles.questions}>
        {script.data?.map((question) => (
          <li key={question.id}>
            <Field
              label={question.text}
              optional
              hint={
                question.target === 'none'
                  ? undefined
                  : `Saved to ${verificationTargetLabels[question.target].replace('Coverage: ', "the coverage's ")}`
              }
            >
              {(ids) => (
                <textarea
                  {...ids}
                  className={`${inputClassName} ${styles.answer}`}
                  rows={2}
                  value={answers[question.id] ?? ''}
                  onChange={(event) =>
                    setAnswers((current) => ({ ...current, [question.id]: event.target.value }))
                  }
                />
              )}
            </Field>
          </li>
        ))}
      </ol>
      <Field label="When" error={errors.fields.occurredAt}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            type="datetime-local"
            value={occurredAt}
            onChange={(event) => setOccurredAt(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
