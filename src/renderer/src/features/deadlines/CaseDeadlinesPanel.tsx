import { useMutation, useQuery } from '@tanstack/react-query';
import { CalendarPlus, Pencil } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  deadlineConfidenceLabels,
  deadlineStatusLabels,
  payerRequestKindLabels,
  payerRequestKinds,
  type CaseDeadline,
  type PayerRequestKind,
} from '@shared/schemas/deadlines';
import { withDatesFormatted } from '@shared/domain/dates-in-text';
import { localToday } from '@shared/schemas/fields';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formatCalendarDate, zoneNoteFor } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { CitationLink } from './CitationLink';
import styles from './Deadlines.module.css';
import { formatDue, whoActsLabel } from './deadline-words';
import { downloadTextFile } from './download-calendar';
import { OverrideDeadlineDialog } from './OverrideDeadlineDialog';
import { queryKeys } from '../../lib/query-keys';

type Props = { readonly caseId: number; readonly onAnnounce?: (message: string) => void };

/**
 * The case's Deadlines tab: every computed date with who must act, the rule in plain words, its
 * citation and its status (word and colour), labelled as an estimate, with an override control;
 * then what to record to get the dates that could not be computed, and requests to the payer.
 */
export function CaseDeadlinesPanel({ caseId, onAnnounce = () => undefined }: Props) {
  const deadlines = useQuery({
    queryKey: queryKeys.deadlines.ofCase(caseId),
    queryFn: () => callApi('deadlines.listForCase', { caseId }),
  });
  useRefetchWhenCaseChanges(caseId);
  const [editing, setEditing] = useState<CaseDeadline | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [includeNames, setIncludeNames] = useState(false);
  const exportCalendar = useMutation({
    mutationFn: (keys: readonly string[]) =>
      callApi('deadlines.exportCalendar', {
        items: keys.map((deadlineKey) => ({ source: 'deadline' as const, caseId, deadlineKey })),
        includeClientNames: includeNames,
      }),
    onSuccess: (file, keys) => {
      downloadTextFile(file.fileName, file.content, 'text/calendar');
      onAnnounce(`${keys.length} deadline${keys.length === 1 ? '' : 's'} exported to ${file.fileName}.`);
    },
  });

  if (deadlines.isPending) return <p className={styles.muted}>Working out this case's deadlines…</p>;
  if (deadlines.isError) return <p role="alert">{deadlines.error.message}</p>;
  const data = deadlines.data;
  const exportable = data.deadlines.filter(
    (deadline) =>
      deadline.status !== 'met' && deadline.status !== 'done' && deadline.status !== 'not-tracked',
  );
  const selectedKeys = chosen.size > 0 ? [...chosen] : exportable.map((deadline) => deadline.key);
  const zoneNote = zoneNoteFor(data.timeZone);

  return (
    <div className={styles.panel}>
      <p className={styles.guidance} role="note">
        Every date here is an estimate from the federal rule cited beside it: verify it against the notice,
        the plan&apos;s own documents (SPD, evidence of coverage) and state law, which may give a different
        date. File early; never wait for the last day.
      </p>
      <div className={styles.toolbar}>
        <p className={styles.muted}>
          Judged on {formatDue(data.asOf, null)}
          {zoneNote ? ` (dates in ${zoneNote})` : ''}.
        </p>
        <div className={styles.toolbarActions}>
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={includeNames}
              onChange={(event) => setIncludeNames(event.target.checked)}
            />
            Client name in calendar titles
          </label>
          <Button
            onClick={() => exportCalendar.mutate(selectedKeys)}
            disabled={selectedKeys.length === 0 || exportCalendar.isPending}
          >
            <CalendarPlus aria-hidden size={16} />
            {chosen.size > 0 ? `Export ${chosen.size} to calendar (.ics)` : 'Export open deadlines (.ics)'}
          </Button>
        </div>
      </div>
      {exportCalendar.isError && (
        <p role="alert" className={styles.formError}>
          {exportCalendar.error.message}
        </p>
      )}
      {data.assumptions.map((assumption) => (
        <p key={assumption} className={styles.muted}>
          {assumption}
        </p>
      ))}
      {data.deadlines.length === 0 ? (
        <p className={styles.muted}>
          No deadlines yet. They appear when the timeline has a request the payer received, a decision or an
          appeal, and the case has a coverage with its plan type.
        </p>
      ) : (
        <ul className={styles.list} aria-label="Deadlines">
          {data.deadlines.map((deadline) => (
            <DeadlineCard
              key={deadline.key}
              deadline={deadline}
              timeZone={data.timeZone}
              isChosen={chosen.has(deadline.key)}
              onChoose={(isChosen) =>
                setChosen((current) => {
                  const next = new Set(current);
                  if (isChosen) next.add(deadline.key);
                  else next.delete(deadline.key);
                  return next;
                })
              }
              onEdit={() => setEditing(deadline)}
            />
          ))}
        </ul>
      )}
      {data.missingFacts.length > 0 && (
        <section className={styles.missing} aria-labelledby="missing-facts-title">
          <h2 id="missing-facts-title">What to record to get the remaining dates</h2>
          <ul>
            {data.missingFacts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </section>
      )}
      <PayerRequestsSection caseId={caseId} requests={data.payerRequests} onAnnounce={onAnnounce} />
      <ManualDeadlineForm caseId={caseId} onAnnounce={onAnnounce} />
      <OverrideDeadlineDialog
        key={editing?.key ?? 'none'}
        caseId={caseId}
        deadline={editing}
        onOpenChange={(isOpen) => !isOpen && setEditing(null)}
        onSaved={onAnnounce}
      />
    </div>
  );
}

/**
 * Deadlines follow the timeline and the case's plan, edited elsewhere (the event form, the
 * coverage tab). Watching the newest timeline entry and the case record, both shared queries that
 * those forms refresh, tells this panel when to ask again.
 */
function useRefetchWhenCaseChanges(caseId: number): void {
  const newest = useQuery({
    queryKey: queryKeys.events.newestForDeadlines(caseId),
    queryFn: () => callApi('events.list', { caseId, limit: 1 }),
  });
  const detail = useQuery({
    queryKey: queryKeys.cases.detail(caseId),
    queryFn: () => callApi('cases.get', { caseId }),
  });
  const version = [
    newest.data?.total,
    newest.data?.events[0]?.id,
    newest.data?.events[0]?.updatedAt,
    detail.data?.updatedAt,
    detail.data?.planType,
    detail.data?.claimType,
  ].join('|');
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines.ofCase(caseId) });
  }, [caseId, version]);
}

function DeadlineCard({
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
  readonly onEdit: () => void;
}) {
  const titleId = `deadline-${deadline.key.replace(/[^\w-]/g, '-')}`;
  const dueText = deadline.override
    ? formatDue(deadline.override.dueOn, null)
    : formatDue(deadline.dueOn, deadline.dueAt, timeZone);
  return (
    <li className={styles.card} data-status={deadline.status} aria-labelledby={titleId}>
      <input
        className={styles.select}
        type="checkbox"
        checked={isChosen}
        onChange={(event) => onChoose(event.target.checked)}
        aria-label={`Choose for calendar export: ${deadline.meaning}`}
      />
      <div>
        <p id={titleId} className={styles.due}>
          Due {dueText}
        </p>
        {deadline.override && (
          <p className={styles.override}>
            Changed by you from the computed{' '}
            {formatDue(deadline.computedDue.slice(0, 10), deadline.dueAt, timeZone)}:{' '}
            {deadline.override.reason}
          </p>
        )}
        <p className={styles.meaning}>{deadline.meaning}</p>
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
        <span className={styles.status} data-status={deadline.status}>
          {deadlineStatusLabels[deadline.status]}
        </span>
        {!deadline.override && deadline.kind !== 'funding' && (
          <span className={styles.estimate}>Estimated — verify against the notice</span>
        )}
        <Button variant="quiet" onClick={onEdit}>
          <Pencil aria-hidden size={14} /> Change date
          <span className="visually-hidden">: {deadline.meaning}</span>
        </Button>
      </div>
      {deadline.note && (
        <p className={styles.note}>{withDatesFormatted(deadline.note, formatCalendarDate)}</p>
      )}
    </li>
  );
}

function PayerRequestsSection({
  caseId,
  requests,
  onAnnounce,
}: {
  readonly caseId: number;
  readonly requests: Awaited<ReturnType<typeof callApi<'deadlines.listForCase'>>>['payerRequests'];
  readonly onAnnounce: (message: string) => void;
}) {
  const [kind, setKind] = useState<PayerRequestKind>('claim_file');
  const [sentOn, setSentOn] = useState(localToday());
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const add = useMutation({
    mutationFn: () => callApi('deadlines.addPayerRequest', { caseId, kind, sentOn, note: null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.deadlines.ofCase(caseId), updated);
      setErrors(noErrors);
      onAnnounce(`${payerRequestKindLabels[kind]} request recorded.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['sentOn'])),
  });
  const answer = useMutation({
    mutationFn: (requestId: number) =>
      callApi('deadlines.answerPayerRequest', { requestId, answeredOn: localToday() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.deadlines.ofCase(caseId), updated);
      onAnnounce('Marked as answered today.');
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <section className={styles.section} aria-labelledby="payer-requests-title">
      <h2 id="payer-requests-title">Requests the payer must answer</h2>
      {requests.length === 0 && (
        <p className={styles.muted}>
          None recorded. After a denial, ask for the claim file and the criteria used (free of charge).
        </p>
      )}
      <ul className={styles.list}>
        {requests.map((request) => (
          <li key={request.id} className={styles.card} data-status={request.answeredOn ? 'met' : 'open'}>
            <span />
            <div>
              <p className={styles.meaning}>
                <strong>{payerRequestKindLabels[request.kind]}</strong>, sent{' '}
                {formatDue(request.sentOn, null)}
                {request.answeredOn
                  ? ` — answered ${formatDue(request.answeredOn, null)}`
                  : ` — ${request.daysOutstanding} days outstanding; follow up by ${formatDue(request.followUpOn ?? request.sentOn, null)}`}
              </p>
              <p className={styles.computed}>{request.guidance}</p>
            </div>
            <div className={styles.side}>
              {!request.answeredOn && (
                <Button variant="quiet" onClick={() => answer.mutate(request.id)}>
                  Answered today
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <form className={styles.inlineForm} onSubmit={submit} noValidate>
        <label>
          Requested
          <select
            className={inputClassName}
            value={kind}
            onChange={(event) => setKind(event.target.value as PayerRequestKind)}
          >
            {payerRequestKinds.map((candidate) => (
              <option key={candidate} value={candidate}>
                {payerRequestKindLabels[candidate]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sent on
          <input
            className={inputClassName}
            type="date"
            value={sentOn}
            aria-invalid={Boolean(errors.fields.sentOn)}
            onChange={(event) => setSentOn(event.target.value)}
          />
        </label>
        <Button type="submit" disabled={add.isPending}>
          Record request
        </Button>
      </form>
      {(errors.fields.sentOn ?? errors.form) && (
        <p role="alert" className={styles.formError}>
          {errors.fields.sentOn ?? errors.form}
        </p>
      )}
    </section>
  );
}

function ManualDeadlineForm({
  caseId,
  onAnnounce,
}: {
  readonly caseId: number;
  readonly onAnnounce: (message: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const add = useMutation({
    mutationFn: () => callApi('deadlines.addManual', { caseId, title, dueOn }),
    onSuccess: async (task) => {
      setTitle('');
      setDueOn('');
      setErrors(noErrors);
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks.ofCase(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines.agenda });
      onAnnounce(`Added to the agenda for ${formatDue(task.dueOn ?? '', null)}.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['title', 'dueOn'])),
  });
  return (
    <section className={styles.section} aria-labelledby="manual-deadline-title">
      <h2 id="manual-deadline-title">Add your own deadline</h2>
      <form
        className={styles.inlineForm}
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <label>
          What is due
          <input
            className={inputClassName}
            value={title}
            aria-invalid={Boolean(errors.fields.title)}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Call the rep back for the reference number"
            size={40}
          />
        </label>
        <label>
          Due date
          <input
            className={inputClassName}
            type="date"
            value={dueOn}
            aria-invalid={Boolean(errors.fields.dueOn)}
            onChange={(event) => setDueOn(event.target.value)}
          />
        </label>
        <Button type="submit" disabled={add.isPending}>
          Add
        </Button>
      </form>
      {(errors.fields.title ?? errors.fields.dueOn ?? errors.form) && (
        <p role="alert" className={styles.formError}>
          {errors.fields.title ?? errors.fields.dueOn ?? errors.form}
        </p>
      )}
    </section>
  );
}
