import { useMutation, useQuery } from '@tanstack/react-query';
import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import { useState } from 'react';
import { forgetCachedRecords, queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import styles from './Backup.module.css';
import { BackupProgressBar } from './BackupProgressBar';
import { backupWarning, describeLastBackup, formatBytes } from './format-backup';
import { RestoreFromBackup } from './RestoreFromBackup';
import { queryKeys } from '../../lib/query-keys';

function refreshBackups(): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.backup.status });
  void queryClient.invalidateQueries({ queryKey: queryKeys.backup.restoreList });
}

/** Settings → Backups: status, folder, back up now, check a backup, restore one. */
export function BackupSettings({ onSaved }: { onSaved: (announcement: string) => void }) {
  const status = useQuery({ queryKey: queryKeys.backup.status, queryFn: () => callApi('backup.status', {}) });
  const listing = useQuery({
    queryKey: queryKeys.backup.restoreList,
    queryFn: () => callApi('backup.list', {}),
  });
  const [isRestoring, setIsRestoring] = useState(false);
  const chooseFolder = useMutation({
    mutationFn: () => callApi('backup.chooseFolder', {}),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.backup.status, next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.backup.restoreList });
    },
  });
  const create = useMutation({
    mutationFn: () => callApi('backup.create', {}),
    onSuccess: (created) => onSaved(`Backup written and verified: ${formatBytes(created.sizeBytes)}.`),
    onSettled: refreshBackups,
  });
  const verify = useMutation({ mutationFn: (id: string) => callApi('backup.verify', { id }) });

  const current = status.data;
  const warning = current ? backupWarning(current) : null;
  const isBusy = create.isPending || verify.isPending;

  if (isRestoring) {
    return (
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Restore from a backup</legend>
        <RestoreFromBackup
          replacesCurrentData
          onCancel={() => setIsRestoring(false)}
          onRestored={() => {
            forgetCachedRecords();
            queryClient.setQueryData(queryKeys.session.status, { state: 'locked' });
          }}
        />
      </fieldset>
    );
  }

  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>Backups</legend>
      {current && (
        <p className={`${styles.status} ${warning ? '' : styles.statusOk}`} aria-live="polite">
          {!warning && <CheckCircle2 aria-hidden size={18} />}
          {describeLastBackup(current)}
        </p>
      )}
      {warning && (
        <p className={styles.warning}>
          <AlertTriangle aria-hidden size={18} /> {warning}
        </p>
      )}
      <div className={styles.folder}>
        <p>
          Folder:{' '}
          {current?.folder ? <span className={styles.folderPath}>{current.folder}</span> : 'none chosen yet'}
        </p>
        <Button onClick={() => chooseFolder.mutate()} disabled={chooseFolder.isPending}>
          {current?.folder ? 'Change folder…' : 'Choose folder…'}
        </Button>
      </div>
      <p className={styles.itemMeta}>
        Advocase backs up once a day and when it locks or quits, keeps the last {current?.keep ?? 14} (daily,
        then weekly) and checks each one after writing it. A backup is encrypted: it opens only with the
        passphrase or recovery key you had when it was made.
      </p>
      <BackupProgressBar isRunning={isBusy} />
      <FormError message={chooseFolder.error?.message ?? create.error?.message} />
      <div className={formStyles.actions}>
        <Button onClick={() => setIsRestoring(true)} disabled={isBusy}>
          Restore…
        </Button>
        <Button variant="primary" onClick={() => create.mutate()} disabled={isBusy || !current?.folder}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </Button>
      </div>
      {(listing.data?.backups.length ?? 0) > 0 && (
        <ul className={styles.list} aria-label="Backups in the folder, newest first">
          {listing.data!.backups.map((backup) => (
            <li key={backup.id} className={styles.listItem}>
              <span>
                {backup.createdAt ? formatInstant(backup.createdAt) : backup.name}{' '}
                <span className={styles.itemMeta}>— {backup.problem ?? formatBytes(backup.sizeBytes)}</span>
              </span>
              <Button
                variant="quiet"
                onClick={() => verify.mutate(backup.id)}
                disabled={isBusy || backup.problem !== null}
                aria-label={`Check the backup of ${backup.createdAt ? formatInstant(backup.createdAt) : backup.name}`}
              >
                Check
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {verify.data && <p>{verify.data.message}</p>}
        <FormError message={verify.error?.message} />
      </div>
    </fieldset>
  );
}
