import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import {
  timelineEventTypeLabels,
  timelineEventTypes,
  type TimelineEventType,
} from '@shared/domain/timeline-event-types';
import { callApi } from '../../lib/api';
import { CaseTasks } from './CaseTasks';
import { TimelineEventItem } from './TimelineEventItem';
import styles from './Timeline.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

export function CaseTimeline({ caseId }: { caseId: number }) {
  const [order, setOrder] = useState<'newest_first' | 'oldest_first'>('newest_first');
  const [types, setTypes] = useState<TimelineEventType[]>([]);
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const canEdit = useCanEditRecords();
  const events = useQuery({
    queryKey: queryKeys.events.timeline(caseId, order, types, deferredText),
    queryFn: () => callApi('events.list', { caseId, order, types, text: deferredText || null }),
    placeholderData: keepPreviousData,
  });

  function toggleType(type: TimelineEventType) {
    setTypes((current) =>
      current.includes(type) ? current.filter((candidate) => candidate !== type) : [...current, type],
    );
  }

  return (
    <div className={styles.layout}>
      <section aria-label="Timeline entries">
        <div className={styles.toolbar}>
          <input
            type="search"
            className={styles.search}
            placeholder="Search this timeline (rep, reference, words)…"
            aria-label="Search this timeline"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <select
            aria-label="Order"
            className={styles.order}
            value={order}
            onChange={(event) => setOrder(event.target.value as typeof order)}
          >
            <option value="newest_first">Newest first</option>
            <option value="oldest_first">Oldest first</option>
          </select>
        </div>
        <div className={styles.typeFilters} role="group" aria-label="Show only">
          {timelineEventTypes.map((type) => (
            <button
              key={type}
              type="button"
              className={styles.chip}
              aria-pressed={types.includes(type)}
              onClick={() => toggleType(type)}
            >
              {timelineEventTypeLabels[type]}
            </button>
          ))}
        </div>
        {events.isError && (
          <p role="alert" className={styles.muted}>
            {events.error.message}
          </p>
        )}
        {events.data && events.data.total === 0 && (
          <p className={styles.empty}>
            {text || types.length > 0
              ? 'Nothing on this timeline matches.'
              : canEdit
                ? 'No entries yet. Press C to log a call, or E to add a letter, submission or decision.'
                : 'No entries yet.'}
          </p>
        )}
        {events.data && events.data.total > 0 && (
          <>
            <p className={styles.muted} aria-live="polite">
              {events.data.total === 1 ? '1 entry' : `${events.data.total} entries`}
              {events.data.total > events.data.events.length
                ? ` (showing the first ${events.data.events.length})`
                : ''}
            </p>
            <ol className={styles.list}>
              {events.data.events.map((event) => (
                <TimelineEventItem key={event.id} event={event} />
              ))}
            </ol>
          </>
        )}
      </section>
      <CaseTasks caseId={caseId} />
    </div>
  );
}
