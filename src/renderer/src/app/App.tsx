import { QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { RecoveryKeyScreen } from '../features/session/RecoveryKeyScreen';
import { ReplaceRecoveryKeyScreen } from '../features/session/ReplaceRecoveryKeyScreen';
import { SetupScreen } from '../features/session/SetupScreen';
import { UnlockScreen } from '../features/session/UnlockScreen';
import { callApi } from '../lib/api';
import { queryKeys } from '../lib/query-keys';
import { queryClient } from './query-client';
import { useSessionStatus } from './use-session';
import { useStoreInWindowTitle } from '../features/team/use-team-connection';
import { Workspace } from './Workspace';
import styles from './App.module.css';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate />
    </QueryClientProvider>
  );
}

/** Decides what the user may see: nothing of the caseload until the store is unlocked. */
function SessionGate() {
  const status = useSessionStatus();
  useStoreInWindowTitle();
  // Held only in memory, only until the user confirms it is saved. That a key waits for its
  // confirmation is kept in the store too, so a reload cannot skip it (the key itself is not).
  const [unsavedRecoveryKey, setUnsavedRecoveryKey] = useState<string | null>(null);
  const confirmSaved = useMutation({
    mutationFn: () => callApi('session.confirmRecoveryKey', {}),
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.session.recoveryKeyConfirmation, { isAwaitingConfirmation: false });
      setUnsavedRecoveryKey(null);
    },
  });

  if (status.isPending) return <p className={styles.splash}>Opening Advocase…</p>;
  if (status.isError) {
    return (
      <p className={styles.splash} role="alert">
        {status.error.message}
      </p>
    );
  }
  if (unsavedRecoveryKey) {
    return (
      <RecoveryKeyScreen
        recoveryKey={unsavedRecoveryKey}
        onConfirmed={() => confirmSaved.mutate()}
        isConfirming={confirmSaved.isPending}
        confirmError={confirmSaved.error?.message ?? null}
      />
    );
  }
  switch (status.data.state) {
    case 'uninitialized':
      return <SetupScreen onCreated={setUnsavedRecoveryKey} />;
    case 'locked':
      return <UnlockScreen onRecoveryKeyReplaced={setUnsavedRecoveryKey} />;
    case 'unlocked':
      return <UnlockedApp onRecoveryKeyReplaced={setUnsavedRecoveryKey} />;
  }
}

/**
 * Mounted while the data is open: asks at each unlock (and after each reload) whether a recovery
 * key still waits for "I have saved it", and if so offers a new one before the caseload.
 */
function UnlockedApp({ onRecoveryKeyReplaced }: { onRecoveryKeyReplaced: (recoveryKey: string) => void }) {
  const confirmation = useQuery({
    queryKey: queryKeys.session.recoveryKeyConfirmation,
    queryFn: () => callApi('session.recoveryKeyConfirmation', {}),
    // Dropped when the data locks (this unmounts), so the next unlock asks the store again.
    gcTime: 0,
  });
  if (confirmation.isPending) return <p className={styles.splash}>Opening Advocase…</p>;
  if (confirmation.data?.isAwaitingConfirmation)
    return <ReplaceRecoveryKeyScreen onReplaced={onRecoveryKeyReplaced} />;
  return <Workspace />;
}
