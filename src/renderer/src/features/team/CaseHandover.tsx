import { useMutation, useQuery } from '@tanstack/react-query';
import { Share2, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { queryKeys } from '../../lib/query-keys';
import styles from './Team.module.css';
import { NavigatorPicker } from './NavigatorPicker';
import { ShareCaseDialog } from './ShareCaseDialog';
import { refreshAfterHandover } from './refresh-after-handover';
import { canHandOverCases, useTeamConnection } from './use-team-connection';

/**
 * A case's "Assigned to" and "Shared with" in team mode (docs/team-mode.md, "Handing cases over
 * from the app"). A supervisor changes them here; everyone else reads them. Nothing shows on the
 * local store, where every case is the one advocate's.
 */
export function CaseHandover({ caseId }: { readonly caseId: number }) {
  const connection = useTeamConnection().data;
  const isTeam = connection?.store === 'team';
  const canChange = canHandOverCases(connection);
  const [isSharing, setIsSharing] = useState(false);
  // Said here rather than in the toast, whose Undo takes back edits: a hand-over is undone by
  // handing the case back.
  const [status, setStatus] = useState('');
  const onAnnounce = setStatus;
  const holders = useQuery({
    queryKey: queryKeys.assignments.ofCase(caseId),
    queryFn: () => callApi('assignments.ofCase', { caseId }),
    enabled: isTeam,
  });
  const assign = useMutation({
    mutationFn: (login: string) => callApi('assignments.assign', { caseId, login }),
    onSuccess: async (now) => {
      await refreshAfterHandover();
      onAnnounce(`Assigned to ${now.assignedTo?.fullName ?? 'no one'}.`);
    },
  });
  const endShare = useMutation({
    mutationFn: (login: string) => callApi('assignments.endShare', { caseId, login }),
    onSuccess: async (_, login) => {
      const ended = holders.data?.shares.find((share) => share.login === login);
      await refreshAfterHandover();
      onAnnounce(`${ended?.fullName ?? 'They'} no longer sees this case.`);
    },
  });
  if (!isTeam || !holders.data) return null;
  const { assignedTo, shares } = holders.data;
  const failure = assign.error ?? endShare.error;

  return (
    <section className={styles.handover} aria-label="Who holds this case">
      <div className={styles.holder}>
        {canChange ? (
          <NavigatorPicker
            label="Assigned to"
            value={assignedTo?.login ?? ''}
            placeholder="No one: choose a navigator"
            disabled={assign.isPending}
            onChoose={(login) => assign.mutate(login)}
          />
        ) : (
          <p>
            <span className={styles.holderLabel}>Assigned to</span> {assignedTo?.fullName ?? 'no one'}
          </p>
        )}
      </div>
      <div className={styles.holder}>
        <span className={styles.holderLabel}>Shared with</span>
        {shares.length === 0 ? (
          <span className={styles.muted}>no one</span>
        ) : (
          <ul className={styles.shares}>
            {shares.map((share) => (
              <li key={share.login} className={styles.share}>
                {share.fullName}, through {formatCalendarDate(share.lastDay)}
                {canChange && (
                  <Button
                    variant="quiet"
                    onClick={() => endShare.mutate(share.login)}
                    disabled={endShare.isPending}
                    aria-label={`End the share with ${share.fullName}`}
                    title="End the share today"
                  >
                    <X aria-hidden size={14} /> End share
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canChange && (
          <Button variant="quiet" onClick={() => setIsSharing(true)}>
            <Share2 aria-hidden size={14} /> Share…
          </Button>
        )}
      </div>
      <p role="status" className={styles.muted}>
        {status}
      </p>
      {failure && (
        <p role="alert" className={styles.error}>
          {failure.message}
        </p>
      )}
      {canChange && (
        <ShareCaseDialog
          open={isSharing}
          onOpenChange={setIsSharing}
          caseId={caseId}
          exclude={[assignedTo?.login, ...shares.map((share) => share.login)]}
          onShared={(message) => {
            setIsSharing(false);
            onAnnounce(message);
          }}
        />
      )}
    </section>
  );
}
