import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { formatBytes } from './format-backup';
import styles from './Backup.module.css';
import { useBackupProgress } from './use-backup-progress';

/** Progress of the backup work in flight, with Cancel (which leaves nothing half-written). */
export function BackupProgressBar({ isRunning }: { isRunning: boolean }) {
  const progress = useBackupProgress(isRunning);
  const cancel = useMutation({ mutationFn: () => callApi('backup.cancel', {}) });
  if (!isRunning) return null;
  const current = progress.data;
  const fraction = current && current.totalBytes > 0 ? current.doneBytes / current.totalBytes : null;
  return (
    <div className={styles.progress}>
      <p className={styles.progressLabel}>
        {current?.phase ?? 'Starting'}
        {current &&
          current.totalBytes > 0 &&
          ` (${formatBytes(current.doneBytes)} of ${formatBytes(current.totalBytes)})`}
      </p>
      <progress
        className={styles.progressBar}
        aria-label={current?.phase ?? 'Backup progress'}
        max={1}
        {...(fraction === null ? {} : { value: fraction })}
      />
      <Button variant="quiet" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
        Cancel
      </Button>
    </div>
  );
}
