import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupContentsSummary, BackupListItem } from '@shared/schemas/backup';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Backup.module.css';
import { BackupProgressBar } from './BackupProgressBar';
import { formatBytes } from './format-backup';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  /** Whether data on this computer will be replaced (and so moved aside first). */
  readonly replacesCurrentData: boolean;
  readonly onRestored: (setAsideFolder: string | null) => void;
  readonly onCancel?: () => void;
};

/**
 * Restore in three steps, nothing replaced before the last: choose a backup, open it with the
 * passphrase or recovery key it was made under, see what it holds, then confirm.
 */
export function RestoreFromBackup({ replacesCurrentData, onRestored, onCancel }: Props) {
  const [chosen, setChosen] = useState<BackupListItem | null>(null);
  const [preview, setPreview] = useState<BackupContentsSummary | null>(null);
  const discard = useMutation({ mutationFn: () => callApi('backup.discardRestore', {}) });

  if (preview) {
    return (
      <RestorePreview
        preview={preview}
        replacesCurrentData={replacesCurrentData}
        onRestored={onRestored}
        onBack={() => {
          discard.mutate();
          setPreview(null);
        }}
      />
    );
  }
  if (chosen) {
    return <UnlockBackupForm backup={chosen} onOpened={setPreview} onBack={() => setChosen(null)} />;
  }
  return <ChooseBackup onChosen={setChosen} onCancel={onCancel} />;
}

function ChooseBackup({
  onChosen,
  onCancel,
}: {
  onChosen: (backup: BackupListItem) => void;
  onCancel?: () => void;
}) {
  const listing = useQuery({
    queryKey: queryKeys.backup.restoreList,
    queryFn: () => callApi('backup.list', {}),
  });
  const chooseFile = useMutation({
    mutationFn: () => callApi('backup.chooseFile', {}),
    onSuccess: (backup) => backup && onChosen(backup),
  });
  const backups = listing.data?.backups ?? [];
  return (
    <div className={formStyles.form}>
      {listing.data?.folder && (
        <p>
          Backups in <span className={styles.folderPath}>{listing.data.folder}</span>:
        </p>
      )}
      {listing.isSuccess && backups.length === 0 && (
        <p>
          {listing.data.canChooseFile
            ? 'Choose the backup file, for example on your backup drive.'
            : 'No backups were found. This version looks in the folder set by ADVOCASE_BACKUP_DIR when Advocase starts.'}
        </p>
      )}
      {backups.length > 0 && (
        <ul className={styles.list} aria-label="Backups, newest first">
          {backups.map((backup) => (
            <li key={backup.id} className={styles.listItem}>
              <span>
                {backup.createdAt ? formatInstant(backup.createdAt) : backup.name}{' '}
                <span className={styles.itemMeta}>
                  {backup.problem ? `— ${backup.problem}` : `— ${formatBytes(backup.sizeBytes)}`}
                </span>
              </span>
              <Button
                onClick={() => onChosen(backup)}
                disabled={backup.problem !== null}
                aria-label={`Restore the backup of ${backup.createdAt ? formatInstant(backup.createdAt) : backup.name}`}
              >
                Choose
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormError message={listing.error?.message ?? chooseFile.error?.message} />
      <div className={formStyles.actions}>
        {onCancel && (
          <Button variant="quiet" onClick={onCancel}>
            Back
          </Button>
        )}
        {listing.data?.canChooseFile && (
          <Button onClick={() => chooseFile.mutate()} disabled={chooseFile.isPending}>
            Choose a backup file…
          </Button>
        )}
      </div>
    </div>
  );
}

function UnlockBackupForm({
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

function RestorePreview({
  preview,
  replacesCurrentData,
  onRestored,
  onBack,
}: {
  preview: BackupContentsSummary;
  replacesCurrentData: boolean;
  onRestored: (setAsideFolder: string | null) => void;
  onBack: () => void;
}) {
  const restore = useMutation({
    mutationFn: () => callApi('backup.restore', {}),
    onSuccess: ({ setAsideFolder }) => onRestored(setAsideFolder),
  });
  return (
    <div className={formStyles.form}>
      <p>The backup passed every check. It holds:</p>
      <dl className={styles.preview} aria-label="What the backup holds">
        <dt>Made</dt>
        <dd>{formatInstant(preview.createdAt)}</dd>
        <dt>Clients</dt>
        <dd>{preview.clients}</dd>
        <dt>Cases</dt>
        <dd>{preview.cases}</dd>
        <dt>Documents</dt>
        <dd>{preview.documents}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(preview.sizeBytes)}</dd>
      </dl>
      {replacesCurrentData && (
        <p className={styles.warning}>
          Restoring replaces the data on this computer with this backup. Your current data is moved to a
          folder beside it, not deleted, and Advocase locks: unlock with the backup&apos;s passphrase.
        </p>
      )}
      <FormError message={restore.error?.message} />
      <div className={formStyles.actions}>
        <Button variant="quiet" onClick={onBack} disabled={restore.isPending}>
          Back
        </Button>
        <Button variant="primary" onClick={() => restore.mutate()} disabled={restore.isPending}>
          {restore.isPending ? 'Restoring…' : 'Restore this backup'}
        </Button>
      </div>
    </div>
  );
}
