import { Laptop, Users } from 'lucide-react';
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
        <Laptop aria-hidden size={14} />
        <span className={hiddenStyles.visuallyHidden}>Store open: </span>This computer
      </p>
    );
  }
  return (
    <p className={styles.teamBadge} title={`${connection.database} on ${connection.server}`}>
      <Users aria-hidden size={14} />
      <span className={hiddenStyles.visuallyHidden}>Store open: </span>Team: {connection.database} (
      {connection.login})
    </p>
  );
}
