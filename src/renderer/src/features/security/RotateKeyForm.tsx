import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { queryClient } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';
import sessionStyles from '../session/SessionScreens.module.css';

/**
 * Settings → Security: replaces the data key (docs/security.md §4). Asks for the passphrase, which seals
 * the new key, and shows the new recovery key once, until the user says it is saved.
 */
export function RotateKeyForm() {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const rotate = useMutation({
    mutationFn: (input: { passphrase: string }) => callApi('session.rotateKey', input),
    onSuccess: (rotated) => {
      setPassphrase('');
      setRecoveryKey(rotated.recoveryKey);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['passphrase'])),
  });
  // The store remembers the new key waits for this answer: a reload before it asks again.
  const confirmSaved = useMutation({
    mutationFn: () => callApi('session.confirmRecoveryKey', {}),
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.session.recoveryKeyConfirmation, { isAwaitingConfirmation: false });
      setRecoveryKey(null);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, [])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return setErrors({ fields: { passphrase: 'Enter your passphrase to rotate the key.' } });
    setErrors(noErrors);
    rotate.mutate({ passphrase });
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Security: encryption key</legend>
        <p>
          Rotating gives your data a new encryption key: every document and the database are encrypted again,
          and you get a new recovery key. Do it when a copy of the data folder or your old recovery key may be
          in someone else’s hands. To replace only a passphrase someone may have seen, change the passphrase
          below instead.
        </p>
        {recoveryKey ? (
          <div role="status">
            <p>The key was replaced. Your new recovery key (the old one no longer opens anything):</p>
            <p className={sessionStyles.recoveryKey} aria-label="New recovery key">
              <span>{recoveryKey.slice(0, 19)}</span>
              <span>{recoveryKey.slice(20)}</span>
            </p>
            <p>Write it down and keep it away from this computer. It will not be shown again.</p>
            <FormError message={errors.form} />
            <div className={formStyles.actions}>
              <Button onClick={() => confirmSaved.mutate()} disabled={confirmSaved.isPending}>
                I have saved it
              </Button>
            </div>
          </div>
        ) : (
          <>
            <Field
              label="Passphrase"
              error={errors.fields.passphrase}
              hint="Takes a moment per document; Advocase finishes it at the next unlock if interrupted."
            >
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  type="password"
                  autoComplete="current-password"
                  value={passphrase}
                  onChange={(event) => setPassphrase(event.target.value)}
                />
              )}
            </Field>
            <FormError message={errors.form} />
            <div className={formStyles.actions}>
              <Button type="submit" disabled={rotate.isPending}>
                {rotate.isPending ? 'Re-encrypting everything…' : 'Rotate the encryption key'}
              </Button>
            </div>
          </>
        )}
      </fieldset>
    </form>
  );
}
