import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RecoveryKeyScreen } from '../features/session/RecoveryKeyScreen';
import { SetupScreen } from '../features/session/SetupScreen';
import { UnlockScreen } from '../features/session/UnlockScreen';
import { queryClient } from './query-client';
import { useSessionStatus } from './use-session';
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
  // Held only in memory, only until the user confirms it is saved.
  const [unsavedRecoveryKey, setUnsavedRecoveryKey] = useState<string | null>(null);

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
      <RecoveryKeyScreen recoveryKey={unsavedRecoveryKey} onConfirmed={() => setUnsavedRecoveryKey(null)} />
    );
  }
  switch (status.data.state) {
    case 'uninitialized':
      return <SetupScreen onCreated={setUnsavedRecoveryKey} />;
    case 'locked':
      return <UnlockScreen onRecoveryKeyReplaced={setUnsavedRecoveryKey} />;
    case 'unlocked':
      return <Workspace />;
  }
}
