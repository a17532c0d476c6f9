import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { initializeInputSchema } from '@shared/schemas/session';
import { Button } from '../../components/Button';
import { queryClient } from '../../app/query-client';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { AuthLayout } from './AuthLayout';
import { describeConfirmationMismatch, NewPassphraseFields } from './NewPassphraseFields';
import styles from './SessionScreens.module.css';
import { FormError } from '../../components/FormError';
import { RestoreFromBackup } from '../backup/RestoreFromBackup';
import { queryKeys } from '../../lib/query-keys';
import { JoinTeamScreen } from '../team/JoinTeamScreen';

/**
 * First run: create a new encrypted store, bring one back from a backup (docs/security.md §3), or
 * join the organisation's team database (docs/team-mode.md).
 */
export function SetupScreen({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const [isRestoring, setIsRestoring] = useState(false);
  const [isJoiningTeam, setIsJoiningTeam] = useState(false);
  if (isJoiningTeam) return <JoinTeamScreen onBack={() => setIsJoiningTeam(false)} />;
  if (isRestoring) {
    return (
      <AuthLayout
        title="Restore from a backup"
        lead={<p>Bring back your caseload from an Advocase backup, for example on a new laptop.</p>}
      >
        <RestoreFromBackup
          replacesCurrentData={false}
          onCancel={() => setIsRestoring(false)}
          onRestored={() => queryClient.setQueryData(queryKeys.session.status, { state: 'locked' })}
        />
      </AuthLayout>
    );
  }
  return (
    <CreateStoreScreen
      onCreated={onCreated}
      onRestoreInstead={() => setIsRestoring(true)}
      onJoinTeamInstead={() => setIsJoiningTeam(true)}
    />
  );
}

/** Choose the passphrase that encrypts everything Advocase stores. */
function CreateStoreScreen({
  onCreated,
  onRestoreInstead,
  onJoinTeamInstead,
}: {
  onCreated: (recoveryKey: string) => void;
  onRestoreInstead: () => void;
  onJoinTeamInstead: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const initialize = useMutation({
    mutationFn: (input: { passphrase: string }) => callApi('session.initialize', input),
    onSuccess: ({ recoveryKey }) => {
      onCreated(recoveryKey);
      queryClient.setQueryData(queryKeys.session.status, { state: 'unlocked' });
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['passphrase'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = initializeInputSchema.safeParse({ passphrase });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    const mismatch = describeConfirmationMismatch(passphrase, confirmation);
    if (mismatch) return setErrors({ fields: { confirmation: mismatch } });
    setErrors(noErrors);
    initialize.mutate(parsed.data);
  }

  return (
    <AuthLayout
      title="Set up Advocase"
      lead={
        <>
          <p>
            Everything you keep in Advocase is encrypted on this computer with a key that only your passphrase
            opens.
          </p>
          <p>Choose it carefully: no one, including the Advocase team, can reset it for you.</p>
          <p>
            Does your organisation keep its caseload in a team database?{' '}
            <button
              type="button"
              className={styles.linkButton}
              onClick={onJoinTeamInstead}
              disabled={initialize.isPending}
            >
              Join a team database
            </button>{' '}
            instead.
          </p>
        </>
      }
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <NewPassphraseFields
          label="Passphrase"
          passphrase={passphrase}
          onPassphraseChange={setPassphrase}
          confirmation={confirmation}
          onConfirmationChange={setConfirmation}
          passphraseError={errors.fields.passphrase}
          confirmationError={errors.fields.confirmation}
        />
        <FormError message={errors.form} />
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.linkButton}
            onClick={onRestoreInstead}
            disabled={initialize.isPending}
          >
            Restore from a backup
          </button>
          <Button variant="primary" type="submit" disabled={initialize.isPending}>
            {initialize.isPending ? 'Encrypting…' : 'Create encrypted store'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
