import type { UnlockOutput } from '@shared/schemas/session';
import { useState } from 'react';
import { queryClient } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';
import { PassphraseForm } from './PassphraseForm';
import { RecoverForm } from './RecoverForm';

export function UnlockScreen({ onRecoveryKeyReplaced }: { onRecoveryKeyReplaced: (key: string) => void }) {
  const [isRecovering, setIsRecovering] = useState(false);
  // An unlock that finished an interrupted key rotation brings the new recovery key, shown first.
  const markUnlocked = ({ failedAttemptsSinceLastUnlock, recoveryKeyAfterRotation }: UnlockOutput) => {
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
