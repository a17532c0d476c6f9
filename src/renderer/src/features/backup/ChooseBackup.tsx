import { useMutation, useQuery } from '@tanstack/react-query';
import type { BackupListItem } from '@shared/schemas/backup';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import styles from './Backup.module.css';
import { formatBytes } from './format-backup';
import { queryKeys } from '../../lib/query-keys';

export function ChooseBackup({
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
