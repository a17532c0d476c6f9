import type { UnlockOutput } from '@shared/schemas/session';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { recoverInputSchema } from '@shared/schemas/session';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { AuthLayout } from './AuthLayout';
import { describeConfirmationMismatch, NewPassphraseFields } from './NewPassphraseFields';
import styles from './SessionScreens.module.css';
import { FormError } from '../../components/FormError';

export function RecoverForm({
  onCancel,
  onUnlocked,
}: {
  onCancel: () => void;
  onUnlocked: (unlocked: UnlockOutput) => void;
}) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const recover = useMutation({
    mutationFn: (input: { recoveryKey: string; newPassphrase: string }) => callApi('session.recover', input),
    onSuccess: onUnlocked,
    onError: (error) => setErrors(formErrorsFromFailure(error, ['recoveryKey', 'newPassphrase'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = recoverInputSchema.safeParse({ recoveryKey, newPassphrase });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    const mismatch = describeConfirmationMismatch(newPassphrase, confirmation);
    if (mismatch) return setErrors({ fields: { confirmation: mismatch } });
    setErrors(noErrors);
    recover.mutate(parsed.data);
  }

  return (
    <AuthLayout
      title="Use your recovery key"
      lead={<p>Type the recovery key you saved when you set up Advocase, then choose a new passphrase.</p>}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label="Recovery key"
          error={errors.fields.recoveryKey}
          hint="Eight groups of four characters; dashes and case do not matter."
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={recoveryKey}
              onChange={(event) => setRecoveryKey(event.target.value)}
            />
          )}
        </Field>
        <NewPassphraseFields
          label="New passphrase"
          passphrase={newPassphrase}
          onPassphraseChange={setNewPassphrase}
          confirmation={confirmation}
          onConfirmationChange={setConfirmation}
          passphraseError={errors.fields.newPassphrase}
          confirmationError={errors.fields.confirmation}
        />
        <FormError message={errors.form} />
        <div className={styles.actions}>
          <button type="button" className={styles.linkButton} onClick={onCancel}>
            Back to passphrase
          </button>
          <Button variant="primary" type="submit" disabled={recover.isPending}>
            {recover.isPending ? 'Checking…' : 'Unlock and set passphrase'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
