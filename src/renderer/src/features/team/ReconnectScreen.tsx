import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { TeamStoreConnection } from '@shared/schemas/team';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import { AuthLayout } from '../session/AuthLayout';
import sessionStyles from '../session/SessionScreens.module.css';
import { LeaveTeamButton } from './LeaveTeamButton';
import { describeTeamLogin } from './TeamConnectionForm';

/**
 * The lock screen of a team database: there is no passphrase, so "Reconnect" connects again with
 * the credentials the keychain keeps. Nothing of the team was kept while locked.
 */
export function ReconnectScreen({ connection }: { connection: TeamStoreConnection }) {
  const reconnect = useMutation({
    mutationFn: () => callApi('team.reconnect', {}),
    onSuccess: (connected) => {
      queryClient.setQueryData(queryKeys.team.connection, connected);
      queryClient.setQueryData(queryKeys.session.status, { state: 'unlocked' });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    reconnect.mutate();
  }
  return (
    <AuthLayout
      title="Advocase is locked"
      lead={
        <p>
          The team database was disconnected. Reconnect as {describeTeamLogin(connection)} with the login kept
          in this computer’s keychain.
        </p>
      }
    >
      <form className={sessionStyles.form} onSubmit={submit} noValidate>
        <FormError message={reconnect.error?.message} />
        <div className={sessionStyles.actions}>
          <span />
          <Button variant="primary" type="submit" autoFocus disabled={reconnect.isPending}>
            {reconnect.isPending ? 'Reconnecting…' : 'Reconnect'}
          </Button>
        </div>
      </form>
      <LeaveTeamButton database={connection.database} />
    </AuthLayout>
  );
}
