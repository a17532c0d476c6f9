import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { AuthLayout } from './AuthLayout';
import styles from './SessionScreens.module.css';

/**
 * After a reload (or a crash) on "Save your recovery key": the key was never confirmed and cannot
 * be shown again, because Advocase never stores it. A new one replaces it, and the one shown
 * before stops working, so no key that nobody vouched for stays able to open the data.
 */
export function ReplaceRecoveryKeyScreen({ onReplaced }: { onReplaced: (recoveryKey: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const replace = useMutation({
    mutationFn: (input: { passphrase: string }) => callApi('session.replaceRecoveryKey', input),
    onSuccess: ({ recoveryKey }) => onReplaced(recoveryKey),
    onError: (error) => {
      setErrors(formErrorsFromFailure(error, ['passphrase']));
      setPassphrase('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return setErrors({ fields: { passphrase: 'Enter your passphrase.' } });
    setErrors(noErrors);
    replace.mutate({ passphrase });
  }

  return (
    <AuthLayout
      title="Your recovery key was not confirmed"
      lead={
        <>
          <p>
            Advocase showed a recovery key, but the window closed or reloaded before you confirmed you had
            saved it. That key is never stored, so it cannot be shown again.
          </p>
          <p>Make a new one now. The key shown before stops working, so nobody who saw it can use it.</p>
        </>
      }
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
          <span />
          <Button variant="primary" type="submit" disabled={replace.isPending}>
            {replace.isPending ? 'Making a new key…' : 'Make a new recovery key'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
