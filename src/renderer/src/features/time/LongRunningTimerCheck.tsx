import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDuration } from '@shared/domain/billing';
import { callApiAfterScreen } from '../../lib/api';
import { StopTimerDialog } from './StopTimerDialog';
import { minutesSince } from './use-now';
import { queryKeys } from '../../lib/query-keys';

/**
 * A timer still running this long when Advocase is unlocked was most likely forgotten (the
 * laptop slept, the day ended): ask before that time is billed. Two hours is our assumption of
 * the longest stretch an advocate times in one go.
 */
const forgottenAfterMinutes = 120;

/** Mounted with the workspace, that is once per unlock: asks about a timer left running. */
export function LongRunningTimerCheck({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const running = useQuery({
    queryKey: queryKeys.time.running,
    queryFn: () => callApiAfterScreen('time.running', {}),
  });
  const [isDismissed, setIsDismissed] = useState(false);
  const [unlockedAt] = useState(() => Date.now());
  const timer = running.data ?? null;
  const minutes = timer?.startedAt ? minutesSince(timer.startedAt, unlockedAt) : 0;
  const isForgotten = !isDismissed && timer !== null && minutes >= forgottenAfterMinutes;
  return (
    <StopTimerDialog
      timer={isForgotten ? timer : null}
      onClose={() => setIsDismissed(true)}
      onDone={onAnnounce}
      reason={`The timer has been running for ${formatDuration(minutes)}. Keep that time, keep only the minutes you worked, or discard it.`}
    />
  );
}
