import { useMutation, useQuery } from '@tanstack/react-query';
import { CalendarPlus } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { type AgendaItemRef, type CaseDeadline } from '@shared/schemas/deadlines';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { withDatesFormatted } from '@shared/domain/dates-in-text';
import { formatCalendarDate, zoneNoteFor } from '../../lib/format-date';
import styles from './Deadlines.module.css';
import { formatDue } from './deadline-words';
import { downloadTextFile } from './download-calendar';
import { OverrideDeadlineDialog } from './OverrideDeadlineDialog';
import { queryKeys } from '../../lib/query-keys';
import { DeadlineCard } from './DeadlineCard';
import { PayerRequestsSection } from './PayerRequestsSection';
import { ManualDeadlineForm } from './ManualDeadlineForm';
import { CaseFollowUpsSection } from './CaseFollowUpsSection';
import { countOpenItems } from './open-item-words';
import { refOfOpenItem } from './use-mark-open-item-done';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = { readonly caseId: number; readonly onAnnounce?: (message: string) => void };

/**
 * The case's Deadlines tab: how much is open (the header's count), the promises from calls and
 * dated to-dos still open, every computed date with who must act, the rule in plain words, its
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
  const canEdit = useCanEditRecords();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [includeNames, setIncludeNames] = useState(false);
  const exportCalendar = useMutation({
    mutationFn: (items: AgendaItemRef[]) =>
      callApi('deadlines.exportCalendar', { items, includeClientNames: includeNames }),
    onSuccess: (file, items) => {
      downloadTextFile(file.fileName, file.content, 'text/calendar');
      onAnnounce(`${items.length} date${items.length === 1 ? '' : 's'} exported to ${file.fileName}.`);
    },
  });

  if (deadlines.isPending) return <p className={styles.muted}>Working out this case's deadlines…</p>;
  if (deadlines.isError) return <p role="alert">{deadlines.error.message}</p>;
  const data = deadlines.data;
  // Nothing chosen: everything open on the case, its promises and dated to-dos too (the Agenda's
  // export takes them alike), so a case whose only open work is a promise still exports it.
  const selected: AgendaItemRef[] =
    chosen.size > 0
      ? [...chosen].map((deadlineKey) => ({ source: 'deadline', caseId, deadlineKey }))
      : data.openItems.map(refOfOpenItem);
  const hasFollowUps = data.openItems.some((item) => item.source === 'task');
  const zoneNote = zoneNoteFor(data.timeZone);

  return (
    <div className={styles.panel}>
      <p className={styles.guidance} role="note">
        Every computed deadline here is an estimate from the federal rule cited beside it: verify it against
        the notice, the plan&apos;s own documents (SPD, evidence of coverage) and state law, which may give a
        different date. File early; never wait for the last day.
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
            onClick={() => exportCalendar.mutate(selected)}
            disabled={selected.length === 0 || exportCalendar.isPending}
          >
            <CalendarPlus aria-hidden size={16} />
            {chosen.size > 0
              ? `Export ${chosen.size} to calendar (.ics)`
              : hasFollowUps
                ? 'Export open deadlines and follow-ups (.ics)'
                : 'Export open deadlines (.ics)'}
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
          {withDatesFormatted(assumption, formatCalendarDate)}
        </p>
      ))}
      <p className={styles.openCount}>
        {data.openItems.length > 0
          ? `Open on this case: ${countOpenItems(data.openItems)}.`
          : data.missingFacts.length > 0
            ? 'Some dates cannot be worked out yet: what to record is listed below.'
            : 'Nothing open on this case.'}
      </p>
      <CaseFollowUpsSection items={data.openItems} onAnnounce={onAnnounce} />
      {data.deadlines.length === 0 ? (
        <p className={styles.muted}>
          No computed deadlines yet. They appear when the timeline has a request the payer received, a
          decision or an appeal, and the case has a coverage with its plan type.
        </p>
      ) : (
        <section className={styles.section} aria-labelledby="computed-deadlines-title">
          <h2 id="computed-deadlines-title">Computed deadlines</h2>
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
                onEdit={canEdit ? () => setEditing(deadline) : undefined}
              />
            ))}
          </ul>
        </section>
      )}
      {data.missingFacts.length > 0 && (
        <section className={styles.missing} aria-labelledby="missing-facts-title">
          <h2 id="missing-facts-title">What to record to get the remaining dates</h2>
          <ul>
            {data.missingFacts.map((fact) => (
              <li key={fact}>{withDatesFormatted(fact, formatCalendarDate)}</li>
            ))}
          </ul>
        </section>
      )}
      <PayerRequestsSection
        caseId={caseId}
        requests={data.payerRequests}
        canEdit={canEdit}
        onAnnounce={onAnnounce}
      />
      {canEdit && <ManualDeadlineForm caseId={caseId} onAnnounce={onAnnounce} />}
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
