import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupContentsSummary, BackupListItem } from '@shared/schemas/backup';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { BackupProgressBar } from './BackupProgressBar';

export function UnlockBackupForm({
  backup,
  onOpened,
  onBack,
}: {
  backup: BackupListItem;
  onOpened: (preview: BackupContentsSummary) => void;
  onBack: () => void;
}) {
  const [usesRecoveryKey, setUsesRecoveryKey] = useState(false);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const open = useMutation({
    mutationFn: () =>
      callApi(
        'backup.prepareRestore',
        usesRecoveryKey ? { id: backup.id, recoveryKey: secret } : { id: backup.id, passphrase: secret },
      ),
    onSuccess: onOpened,
    onError: (error) => setErrors(formErrorsFromFailure(error, ['passphrase', 'recoveryKey'])),
  });
  const field = usesRecoveryKey ? 'recoveryKey' : 'passphrase';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret) {
      return setErrors({
        fields: { [field]: usesRecoveryKey ? 'Enter the recovery key.' : 'Enter the passphrase.' },
      });
    }
    setErrors(noErrors);
    open.mutate();
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <p>
        Backup of <strong>{backup.createdAt ? formatInstant(backup.createdAt) : backup.name}</strong>. Open it
        with the passphrase you had when it was made, or with its recovery key.
      </p>
      <div className={formStyles.choices} role="radiogroup" aria-label="Open the backup with">
        <label className={formStyles.choice}>
          <input type="radio" checked={!usesRecoveryKey} onChange={() => setUsesRecoveryKey(false)} />{' '}
          Passphrase
        </label>
        <label className={formStyles.choice}>
          <input type="radio" checked={usesRecoveryKey} onChange={() => setUsesRecoveryKey(true)} /> Recovery
          key
        </label>
      </div>
      <Field
        label={usesRecoveryKey ? 'Recovery key of the backup' : 'Passphrase of the backup'}
        error={errors.fields[field]}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            type={usesRecoveryKey ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        )}
      </Field>
      <BackupProgressBar isRunning={open.isPending} />
      <FormError message={errors.form} />
      <div className={formStyles.actions}>
        <Button variant="quiet" onClick={onBack} disabled={open.isPending}>
          Back
        </Button>
        <Button variant="primary" type="submit" disabled={open.isPending}>
          {open.isPending ? 'Checking…' : 'Check backup'}
        </Button>
      </div>
    </form>
  );
}
