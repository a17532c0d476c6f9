import type { UnlockOutput } from '@shared/schemas/session';
import { useState } from 'react';
import { queryClient } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';
import { PassphraseForm } from './PassphraseForm';
import { RecoverForm } from './RecoverForm';
import { ReconnectScreen } from '../team/ReconnectScreen';
import { useTeamConnection } from '../team/use-team-connection';

export function UnlockScreen({ onRecoveryKeyReplaced }: { onRecoveryKeyReplaced: (key: string) => void }) {
  const [isRecovering, setIsRecovering] = useState(false);
  const connection = useTeamConnection();
  // An unlock that finished an interrupted key rotation brings the new recovery key, shown first.
  const markUnlocked = ({ failedAttemptsSinceLastUnlock, recoveryKeyAfterRotation }: UnlockOutput) => {
    if (recoveryKeyAfterRotation) onRecoveryKeyReplaced(recoveryKeyAfterRotation);
    queryClient.setQueryData(queryKeys.session.failedUnlocks, failedAttemptsSinceLastUnlock);
    queryClient.setQueryData(queryKeys.session.status, { state: 'unlocked' });
  };
  // A team database has no passphrase: its lock screen reconnects with the kept credentials.
  if (connection.isPending) return null;
  if (connection.data?.store === 'team') return <ReconnectScreen connection={connection.data} />;
  return isRecovering ? (
    <RecoverForm onCancel={() => setIsRecovering(false)} onUnlocked={markUnlocked} />
  ) : (
    <PassphraseForm onForgot={() => setIsRecovering(true)} onUnlocked={markUnlocked} />
  );
}
