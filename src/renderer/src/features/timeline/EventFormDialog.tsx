import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  timelineEventTypeLabels,
  timelineEventTypes,
  type TimelineEventType,
} from '@shared/domain/timeline-event-types';
import { decisionLevelAwaited } from '@shared/domain/case-lifecycle';
import type { CaseStage } from '@shared/domain/case-stages';
import { eventPayloadSchema } from '@shared/schemas/events';
import { refreshQueries } from '../../app/query-client';
import { FormDialog } from '../../components/FormDialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { fromDateTimeInputValue, toDateTimeInputValue } from '../../lib/format-date';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import {
  buildDetails,
  fieldsForType,
  joinDateSpan,
  splitDateSpan,
  type EventFormField,
  type FormValues,
} from './event-form-fields';
import styles from './Timeline.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (announcement: string) => void;
  /** The quick call log: a phone call with only the fields typed during a call. */
  readonly variant: 'quick-call' | 'any';
  /** Whom a call or letter is usually with: the case's payer, filled in until the user changes it. */
  readonly organization?: string | null;
  /** The case's stage: a payer decision starts on the review it is waiting on. */
  readonly stage: CaseStage;
};

/** What the form starts with besides its fields' own defaults, from the case it is on. */
type CaseDefaults = { readonly organization: string | null; readonly stage: CaseStage };

// The quick call log is Add event → Phone call with its fields reordered, never a second form:
// every field of a call is here (direction and minutes too, which invoices and reports read).
const quickCallKeys = [
  'repName',
  'referenceNumber',
  'withWhom',
  'direction',
  'durationMinutes',
  'followUp.title',
  'followUp.dueOn',
];

function initialValues(type: TimelineEventType, { organization, stage }: CaseDefaults): FormValues {
  const fields = fieldsForType(type);
  return {
    // Selects start on their first option, so the form never sends an empty choice.
    ...Object.fromEntries(
      fields
        .filter((field) => field.kind === 'select' && field.options?.[0])
        .map((field) => [field.key, field.options![0]!.value]),
    ),
    ...(organization && fields.some((field) => field.key === 'withWhom') ? { withWhom: organization } : {}),
    ...(type === 'payer_decision' ? { level: String(decisionLevelAwaited(stage)) } : {}),
  };
}

/** Contract paths (`details.followUp.dueOn`) as this form's field keys (`followUp.dueOn`). */
function toFormKey(path: string): string {
  return path.replace(/^event\./, '').replace(/^details\./, '');
}

export function EventFormDialog({
  caseId,
  open,
  onOpenChange,
  onSaved,
  variant,
  organization = null,
  stage,
}: Props) {
  const caseDefaults: CaseDefaults = { organization, stage };
  const [type, setType] = useState<TimelineEventType>('phone_call');
  // When it happened: the moment the form opens, until the user types a time. The form stays
  // mounted with its draft while the case page is open (hours, on a busy day), so "now" is taken
  // at each opening, not once, or every call would be stamped with the time the case was opened.
  const [typedOccurredAt, setTypedOccurredAt] = useState<string | null>(null);
  const [openedAt, setOpenedAt] = useState(() => new Date());
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpenedAt(new Date());
  }
  const occurredAt = typedOccurredAt ?? toDateTimeInputValue(openedAt);
  const [summary, setSummary] = useState('');
  const [values, setValues] = useState<FormValues>(() => initialValues('phone_call', caseDefaults));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const effectiveType = variant === 'quick-call' ? 'phone_call' : type;
  const fields =
    variant === 'quick-call'
      ? // In the order they are typed during a call: rep and reference first.
        quickCallKeys.flatMap((key) => fieldsForType('phone_call').filter((field) => field.key === key))
      : fieldsForType(effectiveType, values);

  function reset() {
    setType('phone_call');
    setTypedOccurredAt(null);
    setSummary('');
    setValues(initialValues('phone_call', caseDefaults));
    setErrors(noErrors);
  }

  const save = useMutation({
    mutationFn: (event: unknown) => callApi('events.add', { caseId, event: event as never }),
    onSuccess: async (saved) => {
      await refreshQueries(queryKeys.events.ofCase(caseId), queryKeys.tasks.ofCase(caseId));
      onSaved(`${timelineEventTypeLabels[saved.type]} added to the timeline.`);
      reset();
      onOpenChange(false);
    },
    onError: (error) => {
      const failure = formErrorsFromFailure(error, ['caseId']);
      setErrors(failure);
    },
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const payload = {
      type: effectiveType,
      occurredAt: fromDateTimeInputValue(occurredAt),
      summary,
      details: buildDetails(effectiveType, values),
    };
    const parsed = eventPayloadSchema.safeParse(payload);
    if (!parsed.success) {
      const zodErrors = formErrorsFromZod(parsed.error);
      return setErrors({
        fields: Object.fromEntries(
          Object.entries(zodErrors.fields).map(([path, message]) => [toFormKey(path), message]),
        ),
      });
    }
    setErrors(noErrors);
    save.mutate(payload);
  }

  // Ctrl/Cmd+Enter saves from anywhere in the form, including the summary box.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setErrors(noErrors);
        onOpenChange(next);
      }}
      title={variant === 'quick-call' ? 'Log a call' : 'Add to the timeline'}
      description={
        variant === 'quick-call'
          ? 'Rep name and reference number are what you will need if the payer disputes the call.'
          : undefined
      }
      onSubmit={submit}
      onKeyDown={onKeyDown}
      submitLabel={save.isPending ? 'Saving…' : 'Save'}
      submitDisabled={save.isPending}
      error={errors.form}
      shortcutHint={
        <>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves
        </>
      }
    >
      {variant === 'any' && (
        <Field label="What happened">
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={type}
              onChange={(event) => {
                const next = event.target.value as TimelineEventType;
                setType(next);
                setValues(initialValues(next, caseDefaults));
                setErrors(noErrors);
              }}
            >
              {timelineEventTypes.map((eventType) => (
                <option key={eventType} value={eventType}>
                  {timelineEventTypeLabels[eventType]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className={styles.formGrid}>
        {fields.map((field) => (
          <EventField
            key={`${effectiveType}-${field.key}`}
            field={field}
            value={values[field.key]}
            error={errors.fields[field.key]}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
      </div>
      <Field
        label={variant === 'quick-call' ? 'Summary: what was said' : 'Summary'}
        error={errors.fields.summary}
      >
        {(ids) => (
          <textarea
            {...ids}
            className={`${inputClassName} ${styles.summaryInput}`}
            rows={3}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
          />
        )}
      </Field>
      {/* A payer decision is dated by its notice (core/events/decision-occurred-at.ts): a second
          date here would only disagree with "Date on the notice". */}
      {effectiveType !== 'payer_decision' && (
        <Field label="When" error={errors.fields.occurredAt}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="datetime-local"
              value={occurredAt}
              onChange={(event) => setTypedOccurredAt(event.target.value)}
            />
          )}
        </Field>
      )}
    </FormDialog>
  );
}

type EventFieldProps = {
  readonly field: EventFormField;
  readonly value: string | boolean | undefined;
  readonly error: string | undefined;
  readonly onChange: (value: string | boolean) => void;
};

/**
 * A span of days (the dates of service a decision names) as two date controls, side by side in
 * the form's grid, like every other date of the app: the first day, and the last only for a span.
 * The contract's refusal names the control to fix, and is shown beside it.
 */
function DateSpanField({ value, error, onChange }: EventFieldProps) {
  const { first, last } = splitDateSpan(typeof value === 'string' ? value : '');
  const isAboutFirst = error?.includes('first day') ?? false;
  const day = (
    label: string,
    shown: string,
    dayError: string | undefined,
    hint: string,
    pick: (day: string) => string,
  ) => (
    <Field label={label} error={dayError} hint={hint} optional>
      {(ids) => (
        <input
          {...ids}
          className={inputClassName}
          type="date"
          value={shown}
          onChange={(event) => onChange(pick(event.target.value))}
        />
      )}
    </Field>
  );
  return (
    <>
      {day(
        'First day of service',
        first,
        isAboutFirst ? error : undefined,
        'As the notice names it',
        (picked) => joinDateSpan(picked, last),
      )}
      {day(
        'Last day of service',
        last,
        isAboutFirst ? undefined : error,
        'Only for a span of visits',
        (picked) => joinDateSpan(first, picked),
      )}
    </>
  );
}

function EventField({ field, value, error, onChange }: EventFieldProps) {
  if (field.kind === 'dateSpan')
    return <DateSpanField field={field} value={value} error={error} onChange={onChange} />;
  if (field.kind === 'checkbox') {
    return (
      <label className={`${formStyles.choice} ${styles.wide}`}>
        <input
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
        {field.label}
      </label>
    );
  }
  return (
    <div className={field.kind === 'textarea' ? styles.wide : undefined}>
      <Field
        label={field.label}
        error={error}
        hint={field.hint}
        optional={field.kind !== 'select' && !field.isRequired}
      >
        {(ids) => {
          const text = typeof value === 'string' ? value : '';
          if (field.kind === 'select') {
            return (
              <select
                {...ids}
                className={inputClassName}
                value={text}
                onChange={(event) => onChange(event.target.value)}
              >
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            );
          }
          if (field.kind === 'textarea') {
            return (
              <textarea
                {...ids}
                className={`${inputClassName} ${styles.summaryInput}`}
                rows={3}
                value={text}
                onChange={(event) => onChange(event.target.value)}
              />
            );
          }
          const inputType =
            { date: 'date', datetime: 'datetime-local', number: 'number', money: 'text' }[
              field.kind as string
            ] ?? 'text';
          return (
            <input
              {...ids}
              className={inputClassName}
              type={inputType}
              inputMode={field.kind === 'money' ? 'decimal' : undefined}
              value={text}
              onChange={(event) => onChange(event.target.value)}
            />
          );
        }}
      </Field>
    </div>
  );
}
