import { useMutation, useQuery } from '@tanstack/react-query';
import { Columns3, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import {
  fundingOptionTypeLabels,
  fundingStatusLabels,
  type FundingOptionType,
} from '@shared/domain/funding-options';
import type { FundingFit, FundingOption, FundingSuggestion } from '@shared/schemas/funding';
import { refreshQueries } from '../../app/query-client';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formatCents } from '../../lib/money';
import { CitationLink } from '../deadlines/CitationLink';
import { FundingOptionDialog } from './FundingOptionDialog';
import { useCanEditRecords } from '../team/use-team-connection';
import styles from './Funding.module.css';
import { queryKeys } from '../../lib/query-keys';

const fitLabels: Readonly<Record<FundingFit, string>> = {
  likely: 'Likely',
  possible: 'Possible',
  unlikely: 'Unlikely',
};

/** An option's dates change the agenda, the case's deadlines and the caseload's next deadline. */
async function refreshAfterFundingChange(caseId: number): Promise<void> {
  await refreshQueries(
    queryKeys.funding.ofCase(caseId),
    queryKeys.deadlines.ofCase(caseId),
    queryKeys.deadlines.agenda,
    queryKeys.deadlines.reminders,
    queryKeys.caseload.ofCases,
    queryKeys.tracks.all,
  );
}

type Editing = { readonly option: FundingOption | null; readonly presetType: FundingOptionType | null };

type Props = { readonly caseId: number; readonly onAnnounce: (message: string) => void };

export function CaseFundingTab({ caseId, onAnnounce }: Props) {
  const funding = useQuery({
    queryKey: queryKeys.funding.ofCase(caseId),
    queryFn: () => callApi('funding.getForCase', { caseId }),
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const canEdit = useCanEditRecords();
  const [removing, setRemoving] = useState<FundingOption | null>(null);
  const remove = useMutation({
    mutationFn: (option: FundingOption) => callApi('funding.remove', { fundingOptionId: option.id }),
    onSuccess: async (_nothing, option) => {
      setRemoving(null);
      await refreshAfterFundingChange(caseId);
      onAnnounce(`Removed ${option.programName}.`);
    },
  });
  const dismiss = useMutation({
    mutationFn: (optionType: FundingOptionType) => callApi('funding.dismiss', { caseId, optionType }),
    onSuccess: async (_nothing, optionType) => {
      await refreshAfterFundingChange(caseId);
      onAnnounce(`${fundingOptionTypeLabels[optionType]} marked not relevant for this case.`);
    },
  });
  const restore = useMutation({
    mutationFn: (optionType: FundingOptionType) => callApi('funding.restore', { caseId, optionType }),
    onSuccess: async (_nothing, optionType) => {
      await refreshAfterFundingChange(caseId);
      onAnnounce(`${fundingOptionTypeLabels[optionType]} is back on the list.`);
    },
  });

  if (funding.isPending) return <p className={styles.muted}>Reading the funding options…</p>;
  if (funding.isError) return <p role="alert">{funding.error.message}</p>;
  const { options, totalGrantedCents, notYetConsidered, dismissed, clientId } = funding.data;

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <p className={styles.total}>
          Granted so far:{' '}
          <strong data-testid="funding-total-granted">{formatCents(totalGrantedCents)}</strong>
          <span className={styles.muted}>
            {' '}
            · {options.length} {options.length === 1 ? 'option' : 'options'} tracked
          </span>
        </p>
        <div className={styles.toolbarActions}>
          <a className={styles.boardLink} href={hrefFor({ name: 'tracks', clientId })}>
            <Columns3 aria-hidden size={16} /> Parallel tracks board
          </a>
          {canEdit && (
            <Button variant="primary" onClick={() => setEditing({ option: null, presetType: null })}>
              <Plus aria-hidden size={16} /> Add funding option
            </Button>
          )}
        </div>
      </div>

      {options.length === 0 ? (
        <p className={styles.empty}>
          {canEdit
            ? 'No funding options tracked yet. Add one, or start from a line under “Not yet considered”.'
            : 'No funding options tracked yet.'}
        </p>
      ) : (
        <table className={styles.table} aria-label="Funding options">
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Status</th>
              <th scope="col">Applied</th>
              <th scope="col">Answer</th>
              <th scope="col">Renewal</th>
              <th scope="col" className={styles.amount}>
                Requested
              </th>
              <th scope="col" className={styles.amount}>
                Granted
              </th>
              <th scope="col">Next step</th>
              <th scope="col">
                <span className={styles.visuallyHidden}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {options.map((option) => (
              <tr key={option.id}>
                <td>
                  <span className={styles.programName}>{option.programName}</span>
                  <span className={styles.muted}>{fundingOptionTypeLabels[option.optionType]}</span>
                  {option.documents.length > 0 && (
                    <span className={styles.muted}>
                      Sent: {option.documents.map((document) => document.fileName).join(', ')}
                    </span>
                  )}
                </td>
                <td>
                  <span className={styles.status} data-status={option.status}>
                    {fundingStatusLabels[option.status]}
                  </span>
                </td>
                <td className={styles.date}>
                  {option.appliedOn
                    ? formatCalendarDate(option.appliedOn)
                    : option.applyBy
                      ? `Apply by ${formatCalendarDate(option.applyBy)}`
                      : '—'}
                </td>
                <td className={styles.date}>
                  {option.decidedOn
                    ? `Decided ${formatCalendarDate(option.decidedOn)}`
                    : option.responseExpectedOn
                      ? `Expected ${formatCalendarDate(option.responseExpectedOn)}`
                      : '—'}
                </td>
                <td className={styles.date}>{formatCalendarDate(option.renewalOn)}</td>
                <td className={styles.amount}>{formatCents(option.amountRequestedCents)}</td>
                <td className={styles.amount}>{formatCents(option.amountGrantedCents)}</td>
                <td>
                  {option.nextStep ?? '—'}
                  {option.nextStepOn && (
                    <span className={styles.muted}>by {formatCalendarDate(option.nextStepOn)}</span>
                  )}
                </td>
                <td className={styles.rowActions}>
                  {canEdit && (
                    <>
                      <Button
                        variant="quiet"
                        onClick={() => setEditing({ option, presetType: null })}
                        aria-label={`Edit ${option.programName}`}
                      >
                        <Pencil aria-hidden size={14} /> Edit
                      </Button>
                      <Button
                        variant="quiet"
                        onClick={() => setRemoving(option)}
                        aria-label={`Remove ${option.programName}`}
                      >
                        <Trash2 aria-hidden size={14} />
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className={styles.checklist} aria-labelledby="not-yet-considered-title">
        <h2 id="not-yet-considered-title" className={styles.sectionTitle}>
          Not yet considered
        </h2>
        <p className={styles.muted}>
          Ranked from what is on file (age, state, coverage and deductible, treatment, provider and network,
          the plan&apos;s answer so far), likeliest first. Each line says what to check and what fact would
          change it: Advocase does not decide eligibility.
        </p>
        {notYetConsidered.length === 0 ? (
          <p className={styles.empty}>Every route is tracked above or marked not relevant.</p>
        ) : (
          <ul className={styles.suggestions}>
            {notYetConsidered.map((suggestion) => (
              <SuggestionRow
                key={suggestion.optionType}
                suggestion={suggestion}
                actions={
                  canEdit
                    ? {
                        onAdd: () => setEditing({ option: null, presetType: suggestion.optionType }),
                        onDismiss: () => dismiss.mutate(suggestion.optionType),
                      }
                    : undefined
                }
              />
            ))}
          </ul>
        )}
        {dismissed.length > 0 && (
          <details className={styles.dismissed}>
            <summary>Marked not relevant ({dismissed.length})</summary>
            <ul className={styles.dismissedList}>
              {dismissed.map((suggestion) => (
                <li key={suggestion.optionType}>
                  {fundingOptionTypeLabels[suggestion.optionType]}
                  {canEdit && (
                    <Button variant="quiet" onClick={() => restore.mutate(suggestion.optionType)}>
                      Put back
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {editing && (
        <FundingOptionDialog
          caseId={caseId}
          option={editing.option}
          presetType={editing.presetType}
          open
          onOpenChange={(isOpen) => !isOpen && setEditing(null)}
          onSaved={(saved) => {
            void refreshAfterFundingChange(caseId);
            onAnnounce(editing.option ? `Saved ${saved.programName}.` : `Added ${saved.programName}.`);
          }}
        />
      )}
      <Dialog
        open={removing !== null}
        onOpenChange={(isOpen) => !isOpen && setRemoving(null)}
        title="Remove this funding option?"
        description={
          removing
            ? `${removing.programName} leaves the tracker and its dates leave the agenda. Undo brings it back.`
            : undefined
        }
      >
        <FormError message={remove.error?.message} />
        <div className={formStyles.actions}>
          <Button onClick={() => setRemoving(null)}>Keep it</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => removing && remove.mutate(removing)}
          >
            Remove
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

function SuggestionRow({
  suggestion,
  actions,
}: {
  readonly suggestion: FundingSuggestion;
  /** Absent for someone who reads only (a team's viewer). */
  readonly actions: { readonly onAdd: () => void; readonly onDismiss: () => void } | undefined;
}) {
  const label = fundingOptionTypeLabels[suggestion.optionType];
  return (
    <li className={styles.suggestion} data-fit={suggestion.fit}>
      <span className={styles.fit} data-fit={suggestion.fit}>
        {fitLabels[suggestion.fit]}
      </span>
      <div>
        <p className={styles.suggestionTitle}>{label}</p>
        <p className={styles.reason}>{suggestion.reason}</p>
        <p className={styles.wouldChange}>Would change it: {suggestion.wouldChange}</p>
        {suggestion.sourceUrl && suggestion.sourceText && (
          <p className={styles.source}>
            Source: <CitationLink url={suggestion.sourceUrl} text={suggestion.sourceText} />
          </p>
        )}
      </div>
      {actions && (
        <div className={styles.suggestionActions}>
          <Button onClick={actions.onAdd} aria-label={`Add ${label}`}>
            <Plus aria-hidden size={14} /> Add
          </Button>
          <Button variant="quiet" onClick={actions.onDismiss} aria-label={`${label}: not relevant`}>
            Not relevant
          </Button>
        </div>
      )}
    </li>
  );
}
