import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { overrideDeadlineInputSchema, type CaseDeadline } from '@shared/schemas/deadlines';
import { queryClient } from '../../app/query-client';
import { Field, inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { formatDue } from './deadline-words';
import { FormDialog } from '../../components/FormDialog';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  readonly deadline: CaseDeadline | null;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (message: string) => void;
};

/** Replaces a computed date with the plan's or notice's own; the reason goes to the audit log. */
export function OverrideDeadlineDialog({ caseId, deadline, onOpenChange, onSaved }: Props) {
  const [dueOn, setDueOn] = useState(deadline?.override?.dueOn ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (input: { dueOn: string; reason: string }) =>
      callApi('deadlines.override', { caseId, deadlineKey: deadline?.key ?? '', ...input }),
    onSuccess: async (updated, input) => {
      queryClient.setQueryData(queryKeys.deadlines.ofCase(caseId), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines.agenda });
      await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines.reminders });
      onSaved(`Deadline changed to ${formatDue(input.dueOn, null)}. The computed date stays beside it.`);
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['dueOn', 'reason'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = overrideDeadlineInputSchema.safeParse({
      caseId,
      deadlineKey: deadline?.key ?? '',
      dueOn,
      reason,
    });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate({ dueOn: parsed.data.dueOn, reason: parsed.data.reason });
  }

  return (
    <FormDialog
      open={deadline !== null}
      onOpenChange={onOpenChange}
      title="Change this deadline"
      description={
        deadline
          ? `Computed: ${formatDue(deadline.computedDue.slice(0, 10), deadline.dueAt)} (${deadline.citationText}). Use the date on the notice or in the plan document when it differs; the computed date stays visible.`
          : undefined
      }
      onSubmit={submit}
      submitLabel="Save date"
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <Field label="New date" error={errors.fields.dueOn}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Reason"
        hint="Where the date comes from, e.g. “SPD section 7.2 allows 210 days”. Kept in the case history."
        error={errors.fields.reason}
      >
        {(ids) => (
          <textarea
            {...ids}
            className={inputClassName}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
