import { useQuery } from '@tanstack/react-query';
import { ListTodo } from 'lucide-react';
import { deadlineStatusLabels } from '@shared/schemas/deadlines';
import { hrefFor } from '../../app/routes';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import styles from './Deadlines.module.css';
import { formatDue } from './deadline-words';
import { countOpenItems } from './open-item-words';

/**
 * The case header's line of open work: how many deadlines, promises from calls and to-dos are
 * still open and the next date, from the Deadlines tab's own list (core/deadlines/open-work.ts),
 * so the header and the tab always give the same count.
 */
export function CaseOpenItemsSummary({ caseId }: { readonly caseId: number }) {
  const deadlines = useQuery({
    queryKey: queryKeys.deadlines.ofCase(caseId),
    queryFn: () => callApi('deadlines.listForCase', { caseId }),
  });
  if (!deadlines.data) return null;
  const items = deadlines.data.openItems;
  const next = items[0];
  const deadlinesTab = hrefFor({ name: 'case', caseId, tab: 'deadlines' });
  // A denial recorded before its coverage, or without its notice date, starts a clock no date can
  // be given for yet: that is not "nothing open" (the Deadlines tab lists what to record).
  const isMissingFacts = deadlines.data.missingFacts.length > 0;
  return (
    // A named region, so a screen reader can jump to it; its one line is the header's count.
    <section className={styles.openSummary} aria-label="Open on this case">
      <ListTodo aria-hidden size={14} />
      {next === undefined ? (
        isMissingFacts ? (
          <span>
            <strong>Some dates cannot be worked out yet.</strong>{' '}
            <a href={deadlinesTab}>See what to record</a>
          </span>
        ) : (
          <span>Nothing open on this case.</span>
        )
      ) : (
        <span>
          <strong>Open: {countOpenItems(items)}</strong> · next {formatDue(next.dueOn, next.dueAt)} (
          {deadlineStatusLabels[next.status].toLowerCase()}) ·{' '}
          {isMissingFacts ? (
            <>
              some dates cannot be worked out yet: <a href={deadlinesTab}>See what to record</a>
            </>
          ) : (
            <a href={deadlinesTab}>See the Deadlines tab</a>
          )}
        </span>
      )}
    </section>
  );
}
