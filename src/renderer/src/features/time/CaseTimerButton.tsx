import { useMutation, useQuery } from '@tanstack/react-query';
import { Square, Timer } from 'lucide-react';
import { useEffect, useState } from 'react';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { isTypingInField } from '../../lib/keyboard';
import { StopTimerDialog } from './StopTimerDialog';
import { refreshTime } from './time-queries';
import { formatElapsed, useNow } from './use-now';
import styles from './Time.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  readonly onAnnounce: (message: string) => void;
};

/**
 * Start/stop for the one app-wide timer, in the case header; T does the same. While a timer
 * runs on another case, this says where instead of starting a second one.
 */
export function CaseTimerButton({ caseId, onAnnounce }: Props) {
  const running = useQuery({ queryKey: queryKeys.time.running, queryFn: () => callApi('time.running', {}) });
  const timer = running.data ?? null;
  const isHere = timer?.caseId === caseId;
  const now = useNow(timer !== null);
  const [isStopping, setIsStopping] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => callApi('time.start', { caseId }),
    onSuccess: async (entry) => {
      setProblem(null);
      await refreshTime();
      onAnnounce(`Timer started on ${entry.caseNumber}.`);
    },
    onError: (error) => setProblem(error.message),
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isTypingInField(event) || event.ctrlKey || event.metaKey || event.altKey || event.key !== 't')
        return;
      // Another dialog is open: T belongs to it.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (isHere) setIsStopping(true);
      else start.mutate();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isHere, start]);

  const elapsed = timer?.startedAt ? formatElapsed(now - Date.parse(timer.startedAt)) : '';
  return (
    <div className={styles.timerControl}>
      {timer && !isHere ? (
        <a
          className={styles.timerElsewhere}
          href={hrefFor({ name: 'case', caseId: timer.caseId, tab: 'time' })}
          title="One timer runs at a time. Open that case to stop it."
        >
          <Timer aria-hidden size={14} /> Timer running on {timer.caseNumber} ·{' '}
          <span className={styles.clock}>{elapsed}</span>
        </a>
      ) : isHere ? (
        <Button
          variant="primary"
          className={styles.runningButton}
          onClick={() => setIsStopping(true)}
          aria-keyshortcuts="T"
          aria-label={`Stop the timer (running ${elapsed})`}
          title="Stop the timer (T)"
        >
          <Square aria-hidden size={14} /> Stop <span className={styles.clock}>{elapsed}</span>
        </Button>
      ) : (
        <Button
          onClick={() => start.mutate()}
          disabled={start.isPending}
          aria-keyshortcuts="T"
          title="Start timing your work on this case (T)"
        >
          <Timer aria-hidden size={16} /> Start timer
        </Button>
      )}
      {problem && (
        <p className={styles.inlineError} role="alert">
          {problem}
        </p>
      )}
      <StopTimerDialog
        timer={isStopping ? timer : null}
        onClose={() => setIsStopping(false)}
        onDone={onAnnounce}
      />
    </div>
  );
}
