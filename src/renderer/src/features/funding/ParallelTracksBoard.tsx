import { useMutation, useQuery } from '@tanstack/react-query';
import { Pencil } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import {
  parallelTrackRouteLabels,
  trackStatusLabels,
  trackStatuses,
  type TrackStatus,
} from '@shared/domain/parallel-tracks';
import {
  setTrackNoteInputSchema,
  type ParallelTrack,
  type SetTrackNoteInput,
} from '@shared/schemas/parallel-tracks';
import { queryClient } from '../../app/query-client';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import fundingStyles from './Funding.module.css';
import styles from './ParallelTracks.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

/** How many of a track's records the card lists before "and N more". */
const itemsShown = 4;

type Props = { readonly clientId: number; readonly onAnnounce: (message: string) => void };

/** Every route pursued for one client at once, one card per route, on one screen. */
export function ParallelTracksBoard({ clientId, onAnnounce }: Props) {
  const board = useQuery({
    queryKey: queryKeys.tracks.ofClient(clientId),
    queryFn: () => callApi('tracks.getForClient', { clientId }),
  });
  const [editing, setEditing] = useState<ParallelTrack | null>(null);
  const canEdit = useCanEditRecords();

  if (board.isPending) return <p className={fundingStyles.muted}>Reading the tracks…</p>;
  if (board.isError) {
    return (
      <p role="alert">
        {board.error.message} <a href={hrefFor({ name: 'caseload' })}>Back to the caseload</a>
      </p>
    );
  }
  const { clientName, tracks } = board.data;

  return (
    <article className={styles.page} aria-labelledby="tracks-title">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <a href={hrefFor({ name: 'caseload' })}>Caseload</a> /{' '}
        <a href={hrefFor({ name: 'client', clientId })}>{clientName}</a> / <span>Parallel tracks</span>
      </nav>
      <header>
        <h1 id="tracks-title" className={styles.title}>
          Parallel tracks: {clientName}
        </h1>
        <p className={fundingStyles.muted}>
          Every route pursued at once, across this client’s cases. Status comes from the timeline, the
          deadlines and the funding options unless you set it; add funding options on a case’s Funding tab.
        </p>
      </header>
      <ul className={styles.grid}>
        {tracks.map((track) => (
          <TrackCard key={track.route} track={track} onEdit={canEdit ? () => setEditing(track) : undefined} />
        ))}
      </ul>
      {editing && (
        <TrackNoteDialog
          clientId={clientId}
          track={editing}
          onClose={() => setEditing(null)}
          onSaved={() => onAnnounce(`Saved the ${parallelTrackRouteLabels[editing.route]} track.`)}
        />
      )}
    </article>
  );
}

/** `onEdit` is absent for someone who reads only (a team's viewer): no Note and next step. */
function TrackCard({
  track,
  onEdit,
}: {
  readonly track: ParallelTrack;
  readonly onEdit: (() => void) | undefined;
}) {
  const label = parallelTrackRouteLabels[track.route];
  const titleId = `track-${track.route}`;
  return (
    <li className={styles.card} data-status={track.status} aria-labelledby={titleId}>
      <div className={styles.cardHeader}>
        <h2 id={titleId} className={styles.cardTitle}>
          {label}
        </h2>
        <span className={fundingStyles.status} data-status={track.status}>
          {trackStatusLabels[track.status]}
        </span>
      </div>
      <p className={styles.meta}>
        {track.isStatusFromUser ? 'Status set by you' : 'Status from the records'} · last activity{' '}
        {track.lastActivityOn ? formatCalendarDate(track.lastActivityOn) : 'none yet'}
      </p>
      <div className={styles.next}>
        <span className={styles.nextLabel}>Next step</span>
        {track.nextStep ? (
          <p className={styles.nextText}>
            {track.nextStep}
            {track.nextStepDueOn && (
              <span className={styles.due}> · due {formatCalendarDate(track.nextStepDueOn)}</span>
            )}
          </p>
        ) : (
          <p className={fundingStyles.muted}>
            {onEdit ? 'None recorded. Add one with “Note and next step”.' : 'None recorded.'}
          </p>
        )}
      </div>
      {track.note && <p className={styles.note}>{track.note}</p>}
      {track.items.length > 0 && (
        <ul className={styles.items} aria-label={`${label}: records`}>
          {track.items.slice(0, itemsShown).map((item) => (
            <li key={`${item.caseId}-${item.on ?? ''}-${item.text}`}>
              <a href={hrefFor({ name: 'case', caseId: item.caseId, tab: 'timeline' })}>{item.caseNumber}</a>{' '}
              {item.on ? `${formatCalendarDate(item.on)} · ` : ''}
              {item.text}
            </li>
          ))}
          {track.items.length > itemsShown && (
            <li className={fundingStyles.muted}>and {track.items.length - itemsShown} more</li>
          )}
        </ul>
      )}
      {onEdit && (
        <div className={styles.cardActions}>
          <Button variant="quiet" onClick={onEdit} aria-label={`Note and next step: ${label}`}>
            <Pencil aria-hidden size={14} /> Note and next step
          </Button>
        </div>
      )}
    </li>
  );
}

type NoteForm = { status: TrackStatus | ''; note: string; nextStep: string; nextStepOn: string };

function TrackNoteDialog({
  clientId,
  track,
  onClose,
  onSaved,
}: {
  readonly clientId: number;
  readonly track: ParallelTrack;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}) {
  const [form, setForm] = useState<NoteForm>({
    status: track.isStatusFromUser ? track.status : '',
    note: track.note ?? '',
    nextStep: track.isStatusFromUser || track.note ? (track.nextStep ?? '') : '',
    nextStepOn: track.isStatusFromUser || track.note ? (track.nextStepDueOn ?? '') : '',
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (input: SetTrackNoteInput) => callApi('tracks.setNote', input),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.tracks.ofClient(clientId), updated);
      onSaved();
      onClose();
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['status', 'note', 'nextStep', 'nextStepOn'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      clientId,
      route: track.route,
      status: form.status || null,
      note: form.note,
      nextStep: form.nextStep,
      nextStepOn: form.nextStepOn || null,
    };
    const parsed = setTrackNoteInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  const set = <K extends keyof NoteForm>(key: K, value: NoteForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const label = parallelTrackRouteLabels[track.route];

  return (
    <FormDialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={`${label}: note and next step`}
      description="Your status wins over the one read from the records; choose “From the records” to go back."
      onSubmit={submit}
      submitLabel="Save"
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <Field label="Status" error={errors.fields.status}>
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={form.status}
            onChange={(event) => set('status', event.target.value as TrackStatus | '')}
          >
            <option value="">From the records</option>
            {trackStatuses.map((status) => (
              <option key={status} value={status}>
                {trackStatusLabels[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className={formStyles.row}>
        <Field label="Next step" optional error={errors.fields.nextStep}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={form.nextStep}
              onChange={(event) => set('nextStep', event.target.value)}
            />
          )}
        </Field>
        <Field label="Next step due" optional error={errors.fields.nextStepOn}>
          {(ids) => (
            <input
              {...ids}
              type="date"
              className={inputClassName}
              value={form.nextStepOn}
              onChange={(event) => set('nextStepOn', event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Note" optional error={errors.fields.note}>
        {(ids) => (
          <textarea
            {...ids}
            rows={3}
            className={inputClassName}
            value={form.note}
            onChange={(event) => set('note', event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
