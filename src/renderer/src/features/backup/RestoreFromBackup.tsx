import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupContentsSummary, BackupListItem } from '@shared/schemas/backup';
import { callApi } from '../../lib/api';
import { ChooseBackup } from './ChooseBackup';
import { UnlockBackupForm } from './UnlockBackupForm';
import { RestorePreview } from './RestorePreview';

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
