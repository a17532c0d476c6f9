import { CloudOff, RefreshCw } from 'lucide-react';
import { Button } from '../components/Button';
import { useTeamDatabaseAway } from '../lib/team-database-reachability';
import { refreshEverything } from './use-live-changes';
import styles from './TeamDatabaseAwayBanner.module.css';

/**
 * Says, above every screen, that the team database cannot be reached (docs/team-mode.md, "When
 * the server is away"), what that means for what is on screen, and that Advocase keeps trying.
 * The region is always there, empty when all is well, so a screen reader announces it as it fills.
 */
export function TeamDatabaseAwayBanner() {
  const isAway = useTeamDatabaseAway();
  return (
    <div role="alert" className={styles.region}>
      {isAway && (
        <div className={styles.banner}>
          <CloudOff aria-hidden size={18} className={styles.icon} />
          <p className={styles.message}>
            <strong>The team database cannot be reached.</strong> Your changes are kept on this screen;
            Advocase retries by itself and shows the latest as soon as the database is back. Saves made
            meanwhile are refused whole, never half done: save again then.
          </p>
          <Button variant="secondary" onClick={() => void refreshEverything()}>
            <RefreshCw aria-hidden size={16} /> Retry now
          </Button>
        </div>
      )}
    </div>
  );
}
