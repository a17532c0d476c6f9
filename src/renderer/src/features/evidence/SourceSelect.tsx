import { timelineEventTypeLabels } from '@shared/domain/timeline-event-types';
import { formatCalendarDate, formatInstant } from '../../lib/format-date';
import { inputClassName } from '../../components/Field';
import { useCaseRecords } from './use-case-records';

type Props = {
  readonly caseId: number;
  /** "d:12", "e:5" or "" (see sourceValue). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly ids: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': boolean };
  readonly emptyLabel?: string;
};

/** Picks the document or timeline entry a fact was read from, out of the case's own records. */
export function SourceSelect({ caseId, value, onChange, ids, emptyLabel = 'No source yet' }: Props) {
  const { documents, events } = useCaseRecords(caseId);
  return (
    <select
      {...ids}
      className={inputClassName}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{emptyLabel}</option>
      {documents.length > 0 && (
        <optgroup label="Documents">
          {documents.map((document) => (
            <option key={document.id} value={`d:${document.id}`}>
              {document.fileName}
              {document.documentDate ? ` (${formatCalendarDate(document.documentDate)})` : ''}
            </option>
          ))}
        </optgroup>
      )}
      {events.length > 0 && (
        <optgroup label="Timeline entries">
          {events.map((event) => (
            <option key={event.id} value={`e:${event.id}`}>
              {timelineEventTypeLabels[event.type]}, {formatInstant(event.occurredAt)}: {event.summary}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
