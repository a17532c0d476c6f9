import { useQuery } from '@tanstack/react-query';
import { ListTodo } from 'lucide-react';
import { pickNextDeadline } from '@shared/domain/next-deadline';
import { isPayerLate, shownDeadlineStatusLabels, shownStatusOf } from '@shared/domain/payer-late';
import { hrefFor } from '../../app/routes';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import styles from './Deadlines.module.css';
import { formatDue } from './deadline-words';
import { countOpenItems, countOverdueFollowUps } from './open-item-words';

/**
 * The case header's line of open work: how many deadlines, promises from calls and to-dos are
 * still open, the next deadline as the caseload names it (shared/domain/next-deadline.ts), and
 * beside it, never in its place, the follow-ups overdue and the dates the payer missed; from the
 * Deadlines tab's own list (core/deadlines/open-work.ts), so the header and the tab always agree.
 */
export function CaseOpenItemsSummary({ caseId }: { readonly caseId: number }) {
  const deadlines = useQuery({
    queryKey: queryKeys.deadlines.ofCase(caseId),
    queryFn: () => callApi('deadlines.listForCase', { caseId }),
  });
  if (!deadlines.data) return null;
  const items = deadlines.data.openItems;
  const next = pickNextDeadline(items);
  const overdueFollowUps = countOverdueFollowUps(items);
  const payerLateCount = items.filter(isPayerLate).length;
  const deadlinesTab = hrefFor({ name: 'case', caseId, tab: 'deadlines' });
  // A denial recorded before its coverage, or without its notice date, starts a clock no date can
  // be given for yet: that is not "nothing open" (the Deadlines tab lists what to record).
  const isMissingFacts = deadlines.data.missingFacts.length > 0;
  return (
    // A named region, so a screen reader can jump to it; its one line is the header's count.
    <section className={styles.openSummary} aria-label="Open on this case">
      <ListTodo aria-hidden size={14} />
      {items.length === 0 ? (
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
          <strong>Open: {countOpenItems(items)}</strong> ·{' '}
          {next && (
            <>
              next {next.source === 'deadline' ? 'deadline' : 'follow-up'} {formatDue(next.dueOn, next.dueAt)}{' '}
              ({shownDeadlineStatusLabels[shownStatusOf(next)].toLowerCase()}) ·{' '}
            </>
          )}
          {overdueFollowUps && (
            <>
              <strong className={styles.overdueWork}>{overdueFollowUps}</strong> ·{' '}
            </>
          )}
          {payerLateCount > 0 && (
            <>
              payer late on {payerLateCount} {payerLateCount === 1 ? 'date' : 'dates'} ·{' '}
            </>
          )}
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
