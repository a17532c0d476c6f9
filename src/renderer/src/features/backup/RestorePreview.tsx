import { useMutation } from '@tanstack/react-query';
import type { BackupContentsSummary } from '@shared/schemas/backup';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import styles from './Backup.module.css';
import { formatBytes } from './format-backup';

export function RestorePreview({
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
