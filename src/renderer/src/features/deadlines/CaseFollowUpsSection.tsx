import { Check } from 'lucide-react';
import { deadlineStatusLabels, type AgendaItem } from '@shared/schemas/deadlines';
import { Button } from '../../components/Button';
import styles from './Deadlines.module.css';
import { formatDue } from './deadline-words';
import { originOfOpenItem } from './open-item-words';
import { useMarkOpenItemDone } from './use-mark-open-item-done';
import { useCanEditRecords } from '../team/use-team-connection';

/**
 * A case's open promises and dated to-dos on its Deadlines tab: each is a date the advocate must
 * act by (core/deadlines/open-work.ts), so it sits with the deadlines, labelled as a promise from a
 * call or the advocate's own date, with no rule or citation, since none sets it.
 */
export function CaseFollowUpsSection({
  items,
  onAnnounce,
}: {
  readonly items: readonly AgendaItem[];
  readonly onAnnounce: (message: string) => void;
}) {
  // A team's viewer reads the promises; marking one done is a change.
  const canEdit = useCanEditRecords();
  const markDone = useMarkOpenItemDone((item) =>
    onAnnounce(`Marked done: ${item.title}. A note was added to the timeline.`),
  );
  const followUps = items.filter((item) => item.source === 'task');
  if (followUps.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">Promises and your own dates</h2>
      <ul className={styles.list} aria-label="Promises and your own dates">
        {followUps.map((item) => (
          <li
            key={item.id}
            className={`${styles.card} ${styles.cardWithoutChoice}`}
            data-status={item.status}
          >
            <div>
              <p className={styles.due}>Due {formatDue(item.dueOn, null)}</p>
              <p className={styles.meaning}>{item.title}</p>
              <p className={styles.meta}>{originOfOpenItem(item)}</p>
            </div>
            <div className={styles.side}>
              <span className={styles.status} data-status={item.status}>
                {deadlineStatusLabels[item.status]}
              </span>
              {canEdit && (
                <Button
                  variant="quiet"
                  onClick={() => markDone.mutate(item)}
                  disabled={markDone.isPending}
                  aria-label={`Mark done: ${item.title}`}
                >
                  <Check aria-hidden size={14} /> Mark done
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
