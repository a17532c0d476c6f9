import { Eye } from 'lucide-react';
import styles from './ReadOnlyNotice.module.css';
import { canEditRecords, useTeamConnection } from './use-team-connection';

/**
 * Above every page of a team's viewer: why there is nothing to add, edit or delete (their role
 * reads the cases shared with them; docs/team-mode.md, "Who sees what"), so a missing button is not
 * taken for a fault.
 */
export function ReadOnlyNotice() {
  const connection = useTeamConnection().data;
  if (!connection || canEditRecords(connection)) return null;
  return (
    <p className={styles.notice} role="note">
      <Eye aria-hidden size={16} />
      Read-only: you can read the cases shared with you and export their summaries.
    </p>
  );
}
