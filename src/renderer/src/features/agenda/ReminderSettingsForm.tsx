import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { reminderSettingsSchema } from '@shared/schemas/deadlines';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import deadlineStyles from '../deadlines/Deadlines.module.css';
import styles from './Agenda.module.css';
import { queryKeys } from '../../lib/query-keys';

/** Lead times for reminders (days before; 0 is the same day) and for re-authorization. */
export function ReminderSettingsForm({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const settings = useQuery({
    queryKey: queryKeys.deadlines.reminderSettings,
    queryFn: () => callApi('deadlines.reminderSettings', {}),
  });
  const [leadDays, setLeadDays] = useState<string | null>(null);
  const [reauthorization, setReauthorization] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (input: { reminderLeadDays: number[]; reauthorizationLeadDays: number }) =>
      callApi('deadlines.updateReminderSettings', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.deadlines.reminderSettings, saved);
      setLeadDays(null);
      setReauthorization(null);
      setErrors(noErrors);
      await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines.reminders });
      onAnnounce(`Reminders at ${saved.reminderLeadDays.join(', ')} days before each deadline.`);
    },
    onError: (error) =>
      setErrors(formErrorsFromFailure(error, ['reminderLeadDays', 'reauthorizationLeadDays'])),
  });
  const shownLeadDays = leadDays ?? settings.data?.reminderLeadDays.join(', ') ?? '';
  const shownReauthorization = reauthorization ?? String(settings.data?.reauthorizationLeadDays ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = reminderSettingsSchema.safeParse({
      reminderLeadDays: shownLeadDays
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number),
      reauthorizationLeadDays: Number(shownReauthorization),
    });
    if (!parsed.success) {
      return setErrors({ fields: {}, form: parsed.error.issues[0]?.message ?? 'Check the lead times.' });
    }
    save.mutate(parsed.data);
  }

  return (
    <section className={styles.settings} aria-labelledby="reminder-settings-title">
      <h2 id="reminder-settings-title">Reminders</h2>
      <p className={styles.muted}>
        Desktop notifications say only how many deadlines and follow-ups are due (&ldquo;2 deadlines or
        follow-ups due today&rdquo;), never a name, and never while Advocase is locked.
      </p>
      <form className={deadlineStyles.inlineForm} onSubmit={submit} noValidate>
        <label>
          Remind me, days before (0 = same day)
          <input
            className={inputClassName}
            value={shownLeadDays}
            onChange={(event) => setLeadDays(event.target.value)}
            size={12}
          />
        </label>
        <label>
          Re-authorization, days before an approval ends
          <input
            className={inputClassName}
            type="number"
            min={1}
            max={180}
            value={shownReauthorization}
            onChange={(event) => setReauthorization(event.target.value)}
          />
        </label>
        <Button type="submit" disabled={save.isPending || settings.isPending}>
          Save reminders
        </Button>
      </form>
      {errors.form && (
        <p role="alert" className={deadlineStyles.formError}>
          {errors.form}
        </p>
      )}
    </section>
  );
}
