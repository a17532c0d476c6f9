import { queryClient } from '../../app/query-client';
import formStyles from '../../components/Form.module.css';
import { queryKeys } from '../../lib/query-keys';
import { describeTeamLogin, TeamConnectionForm } from './TeamConnectionForm';
import { LeaveTeamButton } from './LeaveTeamButton';
import { TeamProtectionNote } from './TeamProtectionNote';
import styles from './Team.module.css';
import { showSwitchedStore, useTeamConnection } from './use-team-connection';

/** Settings → Team: which store is open; join a team's database, or leave it. */
export function TeamSettings({ onSaved }: { onSaved: (announcement: string) => void }) {
  const connection = useTeamConnection();
  if (!connection.data) return null;
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>Team</legend>
      {connection.data.store === 'team' ? (
        <>
          <div className={styles.status}>
            <p>Connected to the team database as {describeTeamLogin(connection.data)}.</p>
            <p>Everyone on the team works in this database; what you see is what your role allows.</p>
          </div>
          <LeaveTeamButton
            database={connection.data.database}
            onLeft={() => onSaved('Left the team database. This computer’s own store is open again.')}
          />
        </>
      ) : (
        <>
          <p>
            This copy of Advocase keeps its records on this computer. If your organisation runs a team
            database, join it with the login your administrator gave you.
          </p>
          <TeamProtectionNote />
          <TeamConnectionForm
            onJoined={(joined) => {
              showSwitchedStore(joined);
              void queryClient.invalidateQueries({ queryKey: queryKeys.settings.all });
              if (joined.store === 'team')
                onSaved(`Joined the team database as ${describeTeamLogin(joined)}.`);
            }}
          />
        </>
      )}
    </fieldset>
  );
}
