import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { recoverInputSchema } from '@shared/schemas/session';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { queryClient } from '../../app/query-client';
import { AuthLayout } from './AuthLayout';
import { describeConfirmationMismatch, NewPassphraseFields } from './NewPassphraseFields';
import styles from './SessionScreens.module.css';
import { FormError } from '../../components/FormError';
import { queryKeys } from '../../lib/query-keys';

type Unlocked = { failedAttemptsSinceLastUnlock: number; recoveryKeyAfterRotation?: string | undefined };

export function UnlockScreen({ onRecoveryKeyReplaced }: { onRecoveryKeyReplaced: (key: string) => void }) {
  const [isRecovering, setIsRecovering] = useState(false);
  // An unlock that finished an interrupted key rotation brings the new recovery key, shown first.
  const markUnlocked = ({ failedAttemptsSinceLastUnlock, recoveryKeyAfterRotation }: Unlocked) => {
    if (recoveryKeyAfterRotation) onRecoveryKeyReplaced(recoveryKeyAfterRotation);
    queryClient.setQueryData(queryKeys.session.failedUnlocks, failedAttemptsSinceLastUnlock);
    queryClient.setQueryData(queryKeys.session.status, { state: 'unlocked' });
  };
  return isRecovering ? (
    <RecoverForm onCancel={() => setIsRecovering(false)} onUnlocked={markUnlocked} />
  ) : (
    <PassphraseForm onForgot={() => setIsRecovering(true)} onUnlocked={markUnlocked} />
  );
}

function PassphraseForm({
  onForgot,
  onUnlocked,
}: {
  onForgot: () => void;
  onUnlocked: (unlocked: Unlocked) => void;
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

function RecoverForm({
  onCancel,
  onUnlocked,
}: {
  onCancel: () => void;
  onUnlocked: (unlocked: Unlocked) => void;
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
