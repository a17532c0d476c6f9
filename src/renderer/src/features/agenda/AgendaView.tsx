import { useMutation, useQuery } from '@tanstack/react-query';
import { CalendarPlus, Check } from 'lucide-react';
import { useState } from 'react';
import { agendaBucketLabels, agendaBuckets, type AgendaItem } from '@shared/schemas/deadlines';
import { hrefFor } from '../../app/routes';
import { shownDeadlineStatusLabels, shownStatusOf } from '@shared/domain/payer-late';
import { Button } from '../../components/Button';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { callApi } from '../../lib/api';
import { CitationLink } from '../deadlines/CitationLink';
import { formatDue, whoActsLabel } from '../deadlines/deadline-words';
import deadlineStyles from '../deadlines/Deadlines.module.css';
import { downloadTextFile } from '../deadlines/download-calendar';
import { originOfOpenItem } from '../deadlines/open-item-words';
import { refOfOpenItem, useMarkOpenItemDone } from '../deadlines/use-mark-open-item-done';
import styles from './Agenda.module.css';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';
import type { Announce } from '../../app/announce';

/** Across all cases: overdue, today, this week and the next 30 days, with one-click "mark done". */
export function AgendaView({ onAnnounce }: { readonly onAnnounce: Announce }) {
  const agenda = useQuery({
    queryKey: queryKeys.deadlines.agenda,
    queryFn: () => callApi('deadlines.agenda', {}),
  });
  const [includeNames, setIncludeNames] = useState(false);
  const canEdit = useCanEditRecords();
  const markDone = useMarkOpenItemDone((item) =>
    onAnnounce(`Marked done for ${item.caseNumber}; a note was added to its timeline.`),
  );
  const exportAll = useMutation({
    mutationFn: (items: readonly AgendaItem[]) =>
      callApi('deadlines.exportCalendar', {
        items: items.map(refOfOpenItem),
        includeClientNames: includeNames,
      }),
    onSuccess: (file, items) => {
      downloadTextFile(file.fileName, file.content, 'text/calendar');
      onAnnounce(`${items.length} entries exported to ${file.fileName}.`, { isUndoable: false });
    },
  });

  if (agenda.isPending) return <p className={styles.muted}>Gathering deadlines across your cases…</p>;
  if (agenda.isError) return <p role="alert">{agenda.error.message}</p>;
  const { items, asOf } = agenda.data;

  return (
    <article className={styles.page} aria-labelledby="agenda-title">
      <header className={styles.header}>
        <div>
          <h1 id="agenda-title" className={styles.title}>
            Agenda
          </h1>
          <p className={styles.muted}>
            {formatDue(asOf, null)} · dates are estimates from cited rules or your own; verify each against
            the notice.
          </p>
        </div>
        <div className={deadlineStyles.toolbarActions}>
          <label className={deadlineStyles.checkbox}>
            <input
              type="checkbox"
              checked={includeNames}
              onChange={(event) => setIncludeNames(event.target.checked)}
            />
            Client names in calendar titles
          </label>
          <Button
            onClick={() => exportAll.mutate(items)}
            disabled={items.length === 0 || exportAll.isPending}
          >
            <CalendarPlus aria-hidden size={16} /> Export agenda (.ics)
          </Button>
        </div>
      </header>
      {items.length === 0 && (
        <p className={styles.empty}>
          {canEdit
            ? 'Nothing to act on for any open case. Deadlines appear here once a case has a coverage and a request, decision or appeal on its timeline; add your own from a case’s Deadlines tab.'
            : 'Nothing due on the cases shared with you.'}
        </p>
      )}
      {items.length > 0 && (
        <nav aria-label="Agenda sections" className={styles.bucketNav}>
          {agendaBuckets.map((bucket) => {
            const count = items.filter((item) => item.bucket === bucket).length;
            return (
              // The app routes by the URL's hash, so a section is reached by scrolling, not by an anchor.
              <Button
                key={bucket}
                variant="quiet"
                disabled={count === 0}
                onClick={() =>
                  document.getElementById(`agenda-${bucket}`)?.scrollIntoView({ block: 'start' })
                }
              >
                {agendaBucketLabels[bucket]} {count}
              </Button>
            );
          })}
        </nav>
      )}
      {agendaBuckets.map((bucket) => {
        const inBucket = items.filter((item) => item.bucket === bucket);
        if (inBucket.length === 0) return null;
        return (
          <section key={bucket} className={styles.bucket} aria-labelledby={`agenda-${bucket}`}>
            <h2 id={`agenda-${bucket}`} className={styles.bucketTitle} data-bucket={bucket}>
              {agendaBucketLabels[bucket]} <span className={styles.count}>{inBucket.length}</span>
            </h2>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Due</th>
                  <th scope="col">Case</th>
                  <th scope="col">What</th>
                  <th scope="col">Who acts</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className={hiddenStyles.visuallyHidden}>Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {inBucket.map((item) => (
                  <tr key={item.id}>
                    <td className={styles.due}>
                      {formatDue(item.dueOn, item.dueAt)}
                      {item.isOverridden && <span className={styles.muted}> (your date)</span>}
                    </td>
                    <td>
                      <a href={hrefFor({ name: 'case', caseId: item.caseId, tab: 'deadlines' })}>
                        {item.caseNumber}
                      </a>{' '}
                      <span className={styles.muted}>{item.clientName}</span>
                    </td>
                    <td>
                      {item.title}
                      {item.source === 'task' && (
                        <span className={styles.origin}>{originOfOpenItem(item)}</span>
                      )}
                      {item.citation && (
                        <span className={styles.origin}>
                          <CitationLink url={item.citation.url} text={item.citation.text} />
                        </span>
                      )}
                    </td>
                    <td>{whoActsLabel(item)}</td>
                    <td>
                      <span className={deadlineStyles.status} data-status={shownStatusOf(item)}>
                        {shownDeadlineStatusLabels[shownStatusOf(item)]}
                      </span>
                    </td>
                    <td>
                      {canEdit && (
                        <Button
                          variant="quiet"
                          onClick={() => markDone.mutate(item)}
                          disabled={markDone.isPending}
                          aria-label={`Mark done: ${item.caseNumber}, ${item.title}`}
                        >
                          <Check aria-hidden size={14} /> Mark done
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      {canEdit && <ReminderSettingsForm onAnnounce={onAnnounce} />}
    </article>
  );
}
