import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { autoLockMinutesRange, settingsSchema } from '@shared/schemas/settings';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { queryKeys } from '../../lib/query-keys';

export function AutoLockForm({ onSaved }: { onSaved: (announcement: string) => void }) {
  const settings = useQuery({
    queryKey: queryKeys.settings.current,
    queryFn: () => callApi('settings.get', {}),
  });
  const [minutes, setMinutes] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const shown = minutes ?? String(settings.data?.autoLockMinutes ?? '');
  const save = useMutation({
    mutationFn: (autoLockMinutes: number) => callApi('settings.update', { autoLockMinutes }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings.current, saved);
      setMinutes(null);
      onSaved(`Advocase now locks after ${saved.autoLockMinutes} minutes without use.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['autoLockMinutes'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = settingsSchema.shape.autoLockMinutes.safeParse(shown === '' ? undefined : Number(shown));
    if (!parsed.success)
      return setErrors({ fields: { autoLockMinutes: parsed.error.issues[0]?.message ?? '' } });
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Auto-lock</legend>
        <Field
          label="Lock after this many minutes without use"
          error={errors.fields.autoLockMinutes}
          hint={`Between ${autoLockMinutesRange.min} and ${autoLockMinutesRange.max}. Locking forgets the key until the passphrase is typed again.`}
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="number"
              inputMode="numeric"
              min={autoLockMinutesRange.min}
              max={autoLockMinutesRange.max}
              value={shown}
              onChange={(event) => setMinutes(event.target.value)}
            />
          )}
        </Field>
        <div className={formStyles.actions}>
          <Button type="submit" disabled={save.isPending || minutes === null}>
            Save auto-lock
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
