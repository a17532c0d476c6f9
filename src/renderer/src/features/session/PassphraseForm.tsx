import type { UnlockOutput } from '@shared/schemas/session';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { AuthLayout } from './AuthLayout';
import styles from './SessionScreens.module.css';
import { FormError } from '../../components/FormError';

export function PassphraseForm({
  onForgot,
  onUnlocked,
}: {
  onForgot: () => void;
  onUnlocked: (unlocked: UnlockOutput) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const unlock = useMutation({
    mutationFn: (input: { passphrase: string }) => callApi('session.unlock', input),
    onSuccess: onUnlocked,
    onError: (error) => {
      setErrors(formErrorsFromFailure(error, ['passphrase']));
      setPassphrase('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return setErrors({ fields: { passphrase: 'Enter your passphrase.' } });
    setErrors(noErrors);
    unlock.mutate({ passphrase });
  }

  return (
    <AuthLayout
      title="Unlock Advocase"
      lead={<p>Your caseload is encrypted. Enter your passphrase to open it.</p>}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field label="Passphrase" error={errors.fields.passphrase}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          )}
        </Field>
        <FormError message={errors.form} />
        <div className={styles.actions}>
          <button type="button" className={styles.linkButton} onClick={onForgot}>
            Forgot it? Use your recovery key
          </button>
          <Button variant="primary" type="submit" disabled={unlock.isPending}>
            {unlock.isPending ? 'Unlocking…' : 'Unlock'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
