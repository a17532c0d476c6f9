import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  closingDeadlineChoiceLabels,
  closingDeadlineChoices,
  type ClosingDeadlineChoice,
} from '@shared/domain/case-lifecycle';
import { caseOutcomeLabels, caseOutcomes, type CaseOutcome } from '@shared/domain/case-stages';
import { closeCaseInputSchema, type CaseDetail } from '@shared/schemas/cases';
import { localToday } from '@shared/schemas/fields';
import { Field, inputClassName } from '../../components/Field';
import fieldStyles from '../../components/Field.module.css';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import {
  appealStillOpenNote,
  closingOutcomeNote,
  splitByClosingChoice,
  type LatestDecision,
} from './closing-outcome-check';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import { formatDue } from '../deadlines/deadline-words';
import { countOpenItems, originOfOpenItem } from '../deadlines/open-item-words';
import { refreshOpenWork } from '../deadlines/refresh-open-work';
import styles from './CloseCaseDialog.module.css';
import { refreshCaseViews } from './refresh-case-views';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly detail: CaseDetail;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onClosed: (updated: CaseDetail, message: string) => void;
};

/**
 * Closing a case (shared/domain/case-lifecycle.ts): how it ended, what it saved the client, and
 * what becomes of the work still open (the Deadlines tab's list, core/deadlines/open-work.ts):
 * untracking it is the default, since a closed case must not keep alarming; promises from calls
 * and to-dos can be closed out (marked done, with a note on the timeline) when the user ticks it,
 * and the button then says so.
 */
export function CloseCaseDialog({ detail, open, onOpenChange, onClosed }: Props) {
  const [outcome, setOutcome] = useState<CaseOutcome | ''>(detail.outcome ?? '');
  const [saved, setSaved] = useState(centsToDollarsInput(detail.savedCents));
  const [closedOn, setClosedOn] = useState(localToday());
  const [openDeadlines, setOpenDeadlines] = useState<ClosingDeadlineChoice>('untrack');
  const [closeOutFollowUps, setCloseOutFollowUps] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const deadlines = useQuery({
    queryKey: queryKeys.deadlines.ofCase(detail.id),
    queryFn: () => callApi('deadlines.listForCase', { caseId: detail.id }),
    enabled: open,
  });
  const latestDecision = useQuery({
    queryKey: queryKeys.events.latestDecision(detail.id),
    queryFn: async (): Promise<LatestDecision | null> => {
      const { events } = await callApi('events.list', {
        caseId: detail.id,
        types: ['payer_decision'],
        order: 'newest_first',
        limit: 1,
      });
      const { decision, noticeDate } = (events[0]?.details ?? {}) as {
        decision?: unknown;
        noticeDate?: unknown;
      };
      if (decision !== 'approved' && decision !== 'partially_approved' && decision !== 'denied') return null;
      return {
        decision,
        noticeDate: typeof noticeDate === 'string' ? noticeDate : null,
        occurredAt: events[0]!.occurredAt,
      };
    },
    enabled: open,
  });
  const stillOpen = deadlines.data?.openItems ?? [];
  const outcomeNote =
    (latestDecision.isSuccess ? closingOutcomeNote(outcome, latestDecision.data) : null) ??
    appealStillOpenNote(outcome, stillOpen);
  const followUps = stillOpen.filter((item) => item.source === 'task');
  // What the deadlines choice applies to: everything not closed out.
  const left = closeOutFollowUps ? stillOpen.filter((item) => item.source !== 'task') : stillOpen;
  const { passed, ahead } = splitByClosingChoice(left);
  const untrackedOnClosing = openDeadlines === 'untrack' ? left : passed;
  const close = useMutation({
    mutationFn: (input: unknown) => callApi('cases.close', input as never),
    onSuccess: async () => {
      const updated = await refreshCaseViews(detail.id);
      // Closed-out tasks are ticked, with their notes on the timeline.
      await refreshOpenWork(detail.id);
      const what = updated.outcome ? caseOutcomeLabels[updated.outcome].toLowerCase() : 'closed';
      const closedOut =
        closeOutFollowUps && followUps.length > 0 ? ` Marked done: ${countOpenItems(followUps)}.` : '';
      const untracked =
        untrackedOnClosing.length === 0 ? '' : ` No longer tracked: ${countOpenItems(untrackedOnClosing)}.`;
      const kept =
        openDeadlines === 'keep' && ahead.length > 0 ? ` Kept on the Agenda: ${countOpenItems(ahead)}.` : '';
      onClosed(updated, `${updated.caseNumber} closed as ${what}.${closedOut}${untracked}${kept}`);
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['outcome', 'savedCents', 'closedOn'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const savedCents = parseDollarsToCents(saved);
    if (savedCents === undefined) {
      return setErrors({
        fields: { savedCents: 'Write the amount saved as dollars, e.g. 12,450 or 12450.00.' },
      });
    }
    const parsed = closeCaseInputSchema.safeParse({
      caseId: detail.id,
      outcome: outcome || undefined,
      savedCents,
      closedOn,
      openDeadlines,
      closeOutFollowUps: closeOutFollowUps && followUps.length > 0,
    });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    close.mutate(parsed.data);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Close ${detail.caseNumber}`}
      description="Closed cases count on Outcomes by their closing date and never show as overdue. You can reopen a case by choosing another stage."
      onSubmit={submit}
      submitLabel={
        closeOutFollowUps && followUps.length > 0
          ? `Close case and mark ${followUps.length === 1 ? 'it' : `${followUps.length}`} done`
          : 'Close case'
      }
      submitDisabled={close.isPending}
      error={errors.form}
    >
      <div className={formStyles.row}>
        <Field label="How did it end?" error={errors.fields.outcome}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={outcome}
              onChange={(event) => {
                setOutcome(event.target.value as CaseOutcome | '');
                setErrors(noErrors);
              }}
            >
              <option value="">Choose the outcome</option>
              {caseOutcomes.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {caseOutcomeLabels[candidate]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Closed on" error={errors.fields.closedOn}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="date"
              value={closedOn}
              max={localToday()}
              onChange={(event) => setClosedOn(event.target.value)}
            />
          )}
        </Field>
      </div>
      {outcomeNote && (
        <p className={fieldStyles.hint} role="note">
          {outcomeNote}
        </p>
      )}
      <Field
        label="Saved for the client"
        optional
        hint="In dollars: what the client no longer pays (the approved amount, a write-off, a grant)."
        error={errors.fields.savedCents}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            inputMode="decimal"
            value={saved}
            onChange={(event) => setSaved(event.target.value)}
          />
        )}
      </Field>
      {stillOpen.length === 0 ? (
        <p className={fieldStyles.hint}>
          {deadlines.isPending ? 'Reading what is open on the case…' : 'Nothing is open on this case.'}
        </p>
      ) : (
        <fieldset className={formStyles.fieldset}>
          <legend className={formStyles.legend}>Still open on this case: {countOpenItems(stillOpen)}</legend>
          <ul className={styles.openList} aria-label="Still open on this case">
            {stillOpen.map((item) => (
              <li key={item.id}>
                <span className={styles.openDue}>{formatDue(item.dueOn, item.dueAt)}</span>
                {item.bucket === 'overdue' && (
                  <strong className={styles.openOverdue}> (past its date)</strong>
                )}{' '}
                {item.title}
                {originOfOpenItem(item) && (
                  <span className={styles.openOrigin}>{originOfOpenItem(item)}</span>
                )}
              </li>
            ))}
          </ul>
          {followUps.length > 0 && (
            <label className={formStyles.choice}>
              <input
                type="checkbox"
                checked={closeOutFollowUps}
                onChange={(event) => setCloseOutFollowUps(event.target.checked)}
              />
              {followUps.length === 1
                ? `Close out the ${countOpenItems(followUps)}: mark it done, with a note on the timeline`
                : `Close out the ${countOpenItems(followUps)}: mark them done, with a note on the timeline`}
            </label>
          )}
          {passed.length > 0 && (
            <p className={fieldStyles.hint} role="note">
              {passed.length === 1 ? 'The' : 'These'} {countOpenItems(passed)} past{' '}
              {passed.length === 1 ? 'its date' : 'their dates'} will no longer be tracked once the case is
              closed: a closed case has nothing overdue.
              {passed.some((item) => item.source === 'task') &&
                ' Tick “Close out” above to mark the follow-ups done instead.'}
            </p>
          )}
          {ahead.length > 0 && (
            <>
              <p id="close-case-rest" className={fieldStyles.hint}>
                What becomes of the {countOpenItems(ahead)} still ahead:
              </p>
              <div className={formStyles.choices} role="radiogroup" aria-labelledby="close-case-rest">
                {closingDeadlineChoices.map((choice) => (
                  <label key={choice} className={formStyles.choice}>
                    <input
                      type="radio"
                      name="open-deadlines"
                      value={choice}
                      checked={openDeadlines === choice}
                      onChange={() => setOpenDeadlines(choice)}
                    />
                    {closingDeadlineChoiceLabels[choice]}
                  </label>
                ))}
              </div>
            </>
          )}
        </fieldset>
      )}
    </FormDialog>
  );
}
