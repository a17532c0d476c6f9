import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatDuration } from '@shared/domain/billing';
import { localToday } from '@shared/schemas/fields';
import {
  manualTimeEntryFieldsSchema,
  updateTimeEntryInputSchema,
  type TimeEntry,
} from '@shared/schemas/time';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import { MoneyField } from '../../components/MoneyField';
import formStyles from '../../components/Form.module.css';
import { DialogForm } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import {
  formErrorsFromAddOrEditFailure,
  formErrorsFromZod,
  noErrors,
  type FormErrors,
} from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import { refreshTime } from './time-queries';
import styles from './Time.module.css';

type Props = {
  readonly caseId: number;
  /** Null to add time; an entry to change it. */
  readonly entry: TimeEntry | null;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (message: string) => void;
};

const fieldNames = ['workedOn', 'minutes', 'from', 'to', 'description', 'isBillable', 'rateCents'];

/** Text typed in a number field goes on as text when it is not a number, so the schema names the field. */
function numberOrText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function centsOrText(text: string): number | string | null {
  const cents = parseDollarsToCents(text);
  return cents === undefined ? text : cents;
}

export function TimeEntryDialog({ caseId, entry, open, onOpenChange, onSaved }: Props) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={entry ? 'Change time entry' : 'Add time'}
      description={
        entry ? undefined : 'Time you did not run the timer for. Give the minutes, or the start and end time.'
      }
    >
      {open && (
        <TimeEntryForm
          key={entry?.id ?? 'new'}
          caseId={caseId}
          entry={entry}
          onOpenChange={onOpenChange}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function TimeEntryForm({ caseId, entry, onOpenChange, onSaved }: Omit<Props, 'open'>) {
  const [values, setValues] = useState({
    workedOn: entry?.workedOn ?? localToday(),
    minutes: entry?.minutes === null || entry === null ? '' : String(entry.minutes),
    from: '',
    to: '',
    description: entry?.description ?? '',
    isBillable: entry?.isBillable ?? true,
    rate: centsToDollarsInput(entry?.rateCents ?? null),
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const set = (key: keyof typeof values, value: string | boolean) =>
    setValues((current) => ({ ...current, [key]: value }));

  const save = useMutation({
    // The form parses first; the call it then makes is handed over ready.
    mutationFn: (request: () => Promise<TimeEntry>) => request(),
    onSuccess: async (saved) => {
      await refreshTime();
      onSaved(
        entry
          ? `Time entry of ${saved.workedOn} changed.`
          : `Added ${formatDuration(saved.minutes ?? 0)} to ${saved.caseNumber}.`,
      );
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromAddOrEditFailure(error, fieldNames)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      workedOn: values.workedOn,
      minutes: numberOrText(values.minutes),
      description: values.description,
      isBillable: values.isBillable,
      rateCents: centsOrText(values.rate),
    };
    if (entry) {
      const changes = { ...common, minutes: common.minutes ?? undefined };
      const parsed = updateTimeEntryInputSchema.safeParse({ entryId: entry.id, changes });
      if (!parsed.success) {
        const found = formErrorsFromZod(parsed.error);
        return setErrors({
          fields: Object.fromEntries(
            Object.entries(found.fields).map(([key, message]) => [key.replace(/^changes\./, ''), message]),
          ),
        });
      }
      setErrors(noErrors);
      return save.mutate(() => callApi('time.update', parsed.data));
    }
    const input = { ...common, from: values.from, to: values.to };
    const parsed = manualTimeEntryFieldsSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(() => callApi('time.add', { caseId, ...parsed.data }));
  }

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
      submitLabel={entry ? 'Save changes' : 'Add time'}
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <div className={formStyles.row}>
        <Field label="Date" error={errors.fields.workedOn}>
          {(ids) => (
            <input
              {...ids}
              type="date"
              className={inputClassName}
              value={values.workedOn}
              onChange={(event) => set('workedOn', event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Minutes"
          optional={!entry}
          error={errors.fields.minutes}
          hint={entry ? undefined : 'Or a start and end time.'}
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              inputMode="numeric"
              value={values.minutes}
              onChange={(event) => set('minutes', event.target.value)}
            />
          )}
        </Field>
      </div>
      {!entry && (
        <div className={formStyles.row}>
          <Field label="Start time" optional error={errors.fields.from}>
            {(ids) => (
              <input
                {...ids}
                type="time"
                className={inputClassName}
                value={values.from}
                onChange={(event) => set('from', event.target.value)}
              />
            )}
          </Field>
          <Field label="End time" optional error={errors.fields.to}>
            {(ids) => (
              <input
                {...ids}
                type="time"
                className={inputClassName}
                value={values.to}
                onChange={(event) => set('to', event.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <Field label="What you did" error={errors.fields.description}>
        {(ids) => (
          <textarea
            {...ids}
            className={textareaClassName}
            rows={3}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </Field>
      <div className={formStyles.row}>
        <MoneyField
          label="Hourly rate"
          optional
          error={errors.fields.rateCents}
          hint="Leave empty for the client's rate (or your default rate)."
          value={values.rate}
          onChange={(value) => set('rate', value)}
        />
        <label className={`${formStyles.choice} ${styles.checkboxField}`}>
          <input
            type="checkbox"
            checked={values.isBillable}
            onChange={(event) => set('isBillable', event.target.checked)}
          />
          Billable
        </label>
      </div>
    </DialogForm>
  );
}
