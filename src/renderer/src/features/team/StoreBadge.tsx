import hiddenStyles from '../../components/VisuallyHidden.module.css';
import styles from './Team.module.css';
import { useTeamConnection } from './use-team-connection';

/** In the header: which store is open, for every eye and every screen reader. */
export function StoreBadge() {
  const connection = useTeamConnection().data;
  if (!connection) return null;
  if (connection.store === 'local') {
    return (
      <p className={styles.badge}>
        <span className={hiddenStyles.visuallyHidden}>Store open: </span>This computer
      </p>
    );
  }
  return (
    <p
      className={styles.teamBadge}
      title={`${connection.database} on ${connection.server}, as ${connection.login}`}
    >
      <span className={hiddenStyles.visuallyHidden}>Store open: </span>Team: {connection.database} (
      {connection.login})
    </p>
  );
}
