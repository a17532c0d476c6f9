import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  closingDeadlineChoiceLabels,
  closingDeadlineChoices,
  type ClosingDeadlineChoice,
} from '@shared/domain/case-lifecycle';
import { caseOutcomeLabels, caseOutcomes, type CaseOutcome } from '@shared/domain/case-stages';
import { closeCaseInputSchema, type CaseDetail } from '@shared/schemas/cases';
import { localToday } from '@shared/schemas/fields';
import { Field, inputClassName } from '../../components/Field';
import fieldStyles from '../../components/Field.module.css';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import { refreshCaseViews } from './refresh-case-views';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly detail: CaseDetail;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onClosed: (updated: CaseDetail, message: string) => void;
};

const waitingStatuses = new Set(['open', 'due-soon', 'due-today', 'missed']);

/**
 * Closing a case (shared/domain/case-lifecycle.ts): how it ended, what it saved the client, and
 * what becomes of the deadlines still open; untracking them is the default, since a closed case
 * must not keep alarming.
 */
export function CloseCaseDialog({ detail, open, onOpenChange, onClosed }: Props) {
  const [outcome, setOutcome] = useState<CaseOutcome | ''>(detail.outcome ?? '');
  const [saved, setSaved] = useState(centsToDollarsInput(detail.savedCents));
  const [closedOn, setClosedOn] = useState(localToday());
  const [openDeadlines, setOpenDeadlines] = useState<ClosingDeadlineChoice>('untrack');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const deadlines = useQuery({
    queryKey: queryKeys.deadlines.ofCase(detail.id),
    queryFn: () => callApi('deadlines.listForCase', { caseId: detail.id }),
    enabled: open,
  });
  const waiting = (deadlines.data?.deadlines ?? []).filter((deadline) =>
    waitingStatuses.has(deadline.status),
  );
  const close = useMutation({
    mutationFn: (input: unknown) => callApi('cases.close', input as never),
    onSuccess: async () => {
      const updated = await refreshCaseViews(detail.id);
      const what = updated.outcome ? caseOutcomeLabels[updated.outcome].toLowerCase() : 'closed';
      const untracked =
        waiting.length === 0
          ? ''
          : openDeadlines === 'untrack'
            ? ` ${waiting.length} open deadline${waiting.length === 1 ? '' : 's'} no longer tracked.`
            : ` ${waiting.length} open deadline${waiting.length === 1 ? '' : 's'} kept on the Agenda.`;
      onClosed(updated, `${updated.caseNumber} closed as ${what}.${untracked}`);
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['outcome', 'savedCents', 'closedOn'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const savedCents = parseDollarsToCents(saved);
    if (savedCents === undefined) {
      return setErrors({
        fields: { savedCents: 'Write the amount saved as dollars, e.g. 12,450 or 12450.00.' },
      });
    }
    const parsed = closeCaseInputSchema.safeParse({
      caseId: detail.id,
      outcome: outcome || undefined,
      savedCents,
      closedOn,
      openDeadlines,
    });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    close.mutate(parsed.data);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Close ${detail.caseNumber}`}
      description="Closed cases count on Outcomes by their closing date and never show as overdue. You can reopen a case by choosing another stage."
      onSubmit={submit}
      submitLabel="Close case"
      submitDisabled={close.isPending}
      error={errors.form}
    >
      <div className={formStyles.row}>
        <Field label="How did it end?" error={errors.fields.outcome}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={outcome}
              onChange={(event) => {
                setOutcome(event.target.value as CaseOutcome | '');
                setErrors(noErrors);
              }}
            >
              <option value="">Choose the outcome</option>
              {caseOutcomes.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {caseOutcomeLabels[candidate]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Closed on" error={errors.fields.closedOn}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="date"
              value={closedOn}
              max={localToday()}
              onChange={(event) => setClosedOn(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label="Saved for the client"
        optional
        hint="In dollars: what the client no longer pays (the approved amount, a write-off, a grant)."
        error={errors.fields.savedCents}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            inputMode="decimal"
            value={saved}
            onChange={(event) => setSaved(event.target.value)}
          />
        )}
      </Field>
      {waiting.length === 0 ? (
        <p className={fieldStyles.hint}>
          {deadlines.isPending ? 'Reading the case’s deadlines…' : 'No deadlines are open on this case.'}
        </p>
      ) : (
        <fieldset className={formStyles.fieldset}>
          <legend className={formStyles.legend}>
            {waiting.length === 1
              ? 'One deadline is still open on this case'
              : `${waiting.length} deadlines are still open on this case`}
          </legend>
          <div className={formStyles.choices}>
            {closingDeadlineChoices.map((choice) => (
              <label key={choice} className={formStyles.choice}>
                <input
                  type="radio"
                  name="open-deadlines"
                  value={choice}
                  checked={openDeadlines === choice}
                  onChange={() => setOpenDeadlines(choice)}
                />
                {closingDeadlineChoiceLabels[choice]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </FormDialog>
  );
}
