import { Pencil } from 'lucide-react';
import { deadlineConfidenceLabels, type CaseDeadline } from '@shared/schemas/deadlines';
import { shownDeadlineStatusLabels, shownStatusOf } from '@shared/domain/payer-late';
import { withDatesFormatted } from '@shared/domain/dates-in-text';
import { Button } from '../../components/Button';
import { formatCalendarDate } from '../../lib/format-date';
import { CitationLink } from './CitationLink';
import styles from './Deadlines.module.css';
import { formatDue, whoActsLabel } from './deadline-words';

export function DeadlineCard({
  deadline,
  timeZone,
  isChosen,
  onChoose,
  onEdit,
}: {
  readonly deadline: CaseDeadline;
  readonly timeZone: string;
  readonly isChosen: boolean;
  readonly onChoose: (isChosen: boolean) => void;
  /** Absent for someone who reads only (a team's viewer): no Change date. */
  readonly onEdit: (() => void) | undefined;
}) {
  const shownStatus = shownStatusOf(deadline);
  const titleId = `deadline-${deadline.key.replace(/[^\w-]/g, '-')}`;
  const dueText = deadline.override
    ? formatDue(deadline.override.dueOn, null)
    : formatDue(deadline.dueOn, deadline.dueAt, timeZone);
  return (
    <li className={styles.card} data-status={shownStatus} aria-labelledby={titleId}>
      {/* A visible word, so the box does not read as unlabelled; its full name is for a screen reader. */}
      <label className={styles.select}>
        <input
          type="checkbox"
          checked={isChosen}
          onChange={(event) => onChoose(event.target.checked)}
          aria-label={`Choose for calendar export: ${deadline.meaning}`}
        />
        <span aria-hidden>Export</span>
      </label>
      <div>
        <p id={titleId} className={styles.due}>
          Due {dueText}
        </p>
        {deadline.override && (
          <p className={styles.override}>
            Changed by you from the computed{' '}
            {formatDue(deadline.computedDue.slice(0, 10), deadline.dueAt, timeZone)}:{' '}
            {withDatesFormatted(deadline.override.reason, formatCalendarDate)}
          </p>
        )}
        <p className={styles.meaning}>{withDatesFormatted(deadline.meaning, formatCalendarDate)}</p>
        <p className={styles.meta}>
          <span>{whoActsLabel(deadline)}</span>
          <span aria-hidden>·</span>
          <CitationLink url={deadline.citationUrl} text={deadline.citationText} />
          {/* A funding date is the user's own: no source to rate. */}
          {deadline.kind !== 'funding' && (
            <>
              <span aria-hidden>·</span>
              <span>{deadlineConfidenceLabels[deadline.confidence]}</span>
            </>
          )}
        </p>
      </div>
      <div className={styles.side}>
        <span className={styles.status} data-status={shownStatus}>
          {shownDeadlineStatusLabels[shownStatus]}
        </span>
        {!deadline.override && deadline.kind !== 'funding' && (
          <span className={styles.estimate}>Estimated — verify against the notice</span>
        )}
        {/* The name says which deadline; in aria-label, not a hidden span, so it never shows as a stray line. */}
        {onEdit && (
          <Button variant="quiet" onClick={onEdit} aria-label={`Change date: ${deadline.meaning}`}>
            <Pencil aria-hidden size={14} /> Change date
          </Button>
        )}
      </div>
      {deadline.note && (
        <p className={styles.note}>{withDatesFormatted(deadline.note, formatCalendarDate)}</p>
      )}
    </li>
  );
}
