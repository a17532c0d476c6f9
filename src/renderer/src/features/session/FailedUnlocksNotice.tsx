import { useQuery } from '@tanstack/react-query';
import { ShieldAlert } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button';
import styles from './FailedUnlocksNotice.module.css';
import { queryKeys } from '../../lib/query-keys';

/**
 * After an unlock, says how many wrong passphrases were typed since the last one (docs/security.md §4):
 * the user is the only one who knows whether they were theirs. Stays until dismissed.
 */
export function FailedUnlocksNotice() {
  // Set by the unlock that opened this session; never fetched.
  const { data: failures = 0 } = useQuery({
    queryKey: queryKeys.session.failedUnlocks,
    queryFn: () => 0,
    enabled: false,
  });
  const [isDismissed, setIsDismissed] = useState(false);
  if (failures === 0 || isDismissed) return null;
  return (
    <aside className={styles.notice} aria-label="Failed unlock attempts">
      <ShieldAlert aria-hidden size={18} />
      <p role="alert">
        {failures === 1 ? '1 failed unlock attempt' : `${failures} failed unlock attempts`} since your last
        unlock. If that was not you, change your passphrase in Settings.
      </p>
      <Button variant="quiet" onClick={() => setIsDismissed(true)}>
        Dismiss
      </Button>
    </aside>
  );
}
