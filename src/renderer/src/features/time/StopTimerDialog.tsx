import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatDuration } from '@shared/domain/billing';
import type { TimeEntry } from '@shared/schemas/time';
import { stopTimerInputSchema } from '@shared/schemas/time';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { refreshTime } from './time-queries';
import { minutesSince } from './use-now';
import styles from './Time.module.css';

type Props = {
  /** The running entry; the dialog is open while this is set. */
  readonly timer: TimeEntry | null;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
  /** Said above the form, e.g. why the app is asking (a timer left running for hours). */
  readonly reason?: string;
};

/** Stops the timer: what was done, and the minutes to keep (the clock's, unless corrected). */
export function StopTimerDialog({ timer, onClose, onDone, reason }: Props) {
  return (
    <Dialog
      open={timer !== null}
      onOpenChange={(open) => !open && onClose()}
      title="Stop the timer"
      description={reason}
    >
      {timer && <StopTimerForm key={timer.id} timer={timer} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function StopTimerForm({
  timer,
  onClose,
  onDone,
}: Omit<Props, 'timer' | 'reason'> & { readonly timer: TimeEntry }) {
  // The clock's reading when the dialog opened: what "keep the clock's minutes" means.
  const [clockMinutes] = useState(() => minutesSince(timer.startedAt!, Date.now()));
  const [description, setDescription] = useState(timer.description);
  const [minutes, setMinutes] = useState(String(clockMinutes));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const stop = useMutation({
    mutationFn: (input: { description: string; minutes: number }) =>
      callApi('time.stop', { entryId: timer.id, ...input }),
    onSuccess: async (entry) => {
      await refreshTime();
      onDone(`Timer stopped: ${formatDuration(entry.minutes ?? 0)} on ${entry.caseNumber}.`);
      onClose();
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['description', 'minutes'])),
  });
  const discard = useMutation({
    mutationFn: () => callApi('time.delete', { entryId: timer.id }),
    onSuccess: async () => {
      await refreshTime();
      onDone(`Timer on ${timer.caseNumber} discarded.`);
      onClose();
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, [])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      entryId: timer.id,
      description,
      minutes: minutes.trim() === '' ? Number.NaN : Number(minutes),
    };
    const parsed = stopTimerInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    stop.mutate({ description: parsed.data.description, minutes: parsed.data.minutes ?? clockMinutes });
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <p className={styles.muted}>
        Running on {timer.caseNumber} ({timer.clientName}) since {formatInstant(timer.startedAt)}:{' '}
        {formatDuration(clockMinutes)} on the clock.
      </p>
      <Field label="What you did" error={errors.fields.description}>
        {(ids) => (
          <textarea
            {...ids}
            className={textareaClassName}
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Minutes to keep"
        error={errors.fields.minutes}
        hint="The clock's minutes. Lower them if the timer ran while you were not working."
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            inputMode="numeric"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        )}
      </Field>
      <FormError message={errors.form} />
      <div className={formStyles.actions}>
        <Button variant="danger" onClick={() => discard.mutate()} disabled={discard.isPending}>
          Discard this time
        </Button>
        <Button onClick={onClose}>Keep it running</Button>
        <Button type="submit" variant="primary" disabled={stop.isPending}>
          Stop and save
        </Button>
      </div>
    </form>
  );
}
