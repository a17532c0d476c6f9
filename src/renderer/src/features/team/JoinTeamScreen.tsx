import { AuthLayout } from '../session/AuthLayout';
import sessionStyles from '../session/SessionScreens.module.css';
import { TeamConnectionForm } from './TeamConnectionForm';
import { TeamProtectionNote } from './TeamProtectionNote';
import { showSwitchedStore } from './use-team-connection';

/** First run, the other choice: work in the organisation's team database instead of a local store. */
export function JoinTeamScreen({ onBack }: { onBack: () => void }) {
  return (
    <AuthLayout
      title="Join a team database"
      lead={
        <>
          <p>
            Your organisation keeps its caseload in one PostgreSQL database. Connect with the login your
            administrator gave you.
          </p>
          <TeamProtectionNote />
        </>
      }
    >
      <TeamConnectionForm onJoined={showSwitchedStore} />
      <button type="button" className={sessionStyles.linkButton} onClick={onBack}>
        Set up a passphrase on this computer instead
      </button>
    </AuthLayout>
  );
}
