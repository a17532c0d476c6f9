import { useQuery } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { hrefFor, type Route } from '../../app/routes';
import { callApiAfterScreen } from '../../lib/api';
import styles from './Agenda.module.css';
import { queryKeys } from '../../lib/query-keys';

/**
 * The in-app reminder (the web harness has no desktop notifications): counts only, refreshed when
 * the user moves between screens, never on a timer, so it does not keep an idle session awake.
 */
export function ReminderBanner({ route }: { readonly route: Route }) {
  const summary = useQuery({
    queryKey: queryKeys.deadlines.reminderSummary(route.name),
    queryFn: () => callApiAfterScreen('deadlines.reminderSummary', {}),
  });
  if (!summary.data?.message || route.name === 'agenda') return null;
  return (
    <aside className={styles.banner} aria-label="Reminders">
      <span>
        <BellRing aria-hidden size={16} /> {summary.data.message}
      </span>
      <a href={hrefFor({ name: 'agenda' })}>Open the agenda</a>
    </aside>
  );
}
