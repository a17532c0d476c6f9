import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { TeamConnection } from '@shared/schemas/team';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import styles from './Team.module.css';
import { showSwitchedStore } from './use-team-connection';

/** "Leave team database", asked once more before the credentials are forgotten. */
export function LeaveTeamButton({ database, onLeft }: { database: string; onLeft?: () => void }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const leave = useMutation({
    mutationFn: () => callApi('team.leave', {}),
    onSuccess: (connection: TeamConnection) => {
      showSwitchedStore(connection);
      onLeft?.();
    },
  });
  if (!isConfirming) {
    return (
      <div className={formStyles.actions}>
        <Button variant="quiet" onClick={() => setIsConfirming(true)}>
          Leave team database…
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label="Confirm leaving the team database">
      <p>
        Leave {database}? Advocase disconnects and forgets your login and password on this computer; the
        team’s records stay on the server. This computer’s own store opens again, unchanged.
      </p>
      <FormError message={leave.error?.message} />
      <div className={formStyles.actions}>
        <Button autoFocus onClick={() => setIsConfirming(false)}>
          Stay connected
        </Button>
        <Button variant="danger" disabled={leave.isPending} onClick={() => leave.mutate()}>
          {leave.isPending ? 'Leaving…' : 'Leave team database'}
        </Button>
      </div>
    </div>
  );
}
