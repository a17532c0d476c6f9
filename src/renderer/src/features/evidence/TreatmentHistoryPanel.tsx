import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import {
  drugClassLabels,
  failedTrialOutcomes,
  trialKindLabels,
  trialOutcomeLabels,
} from '@shared/domain/treatment-history';
import type { TreatmentTrialDto } from '@shared/schemas/treatment-history';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { isTypingInField } from '../../lib/keyboard';
import { SourceLabel } from './SourceLabel';
import { SymptomScoresSection } from './SymptomScoresSection';
import { TrialFormDialog } from './TrialFormDialog';
import { describeAdequacy } from './trial-adequacy';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = {
  readonly caseId: number;
  readonly clientId: number;
  readonly clientName: string;
  readonly onAnnounce: (message: string) => void;
};

const yesNo = (value: boolean | null) => (value === null ? 'Not documented' : value ? 'Yes' : 'No');

/**
 * The client's treatment history (shared by all their cases): the ledger of prior trials, read
 * the way a reviewer reads it, and the symptom scores over time.
 */
export function TreatmentHistoryPanel({ caseId, clientId, clientName, onAnnounce }: Props) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TreatmentTrialDto | 'new' | null>(null);
  const canEdit = useCanEditRecords();
  const [toRemove, setToRemove] = useState<TreatmentTrialDto | null>(null);
  const trials = useQuery({
    queryKey: queryKeys.treatmentHistory.ofClient(clientId),
    queryFn: () => callApi('treatmentHistory.list', { clientId }),
  });
  const remove = useMutation({
    mutationFn: (trial: TreatmentTrialDto) => callApi('treatmentHistory.remove', { trialId: trial.id }),
    onSuccess: async (_output, trial) => {
      setToRemove(null);
      onAnnounce(`Removed ${trial.name}. Ctrl+Z puts it back.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.treatmentHistory.ofClient(clientId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.evidence.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
    },
    onError: (error) => onAnnounce(error.message),
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!canEdit || isTypingInField(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 't') {
        event.preventDefault();
        setEditing((current) => current ?? 'new');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canEdit]);

  const rows = trials.data ?? [];
  const failed = rows.filter((trial) => failedTrialOutcomes.has(trial.outcome)).length;
  return (
    <div className={styles.panel}>
      <section aria-labelledby="ledger-title" className={styles.section}>
        <div className={styles.toolbar}>
          <div>
            <h2 id="ledger-title" className={styles.sectionTitle}>
              Prior treatments
            </h2>
            <p className={styles.muted}>
              {clientName}’s history, shared by all their cases. {rows.length} recorded
              {rows.length > 0 ? `, ${failed} ended without a lasting response` : ''}.
            </p>
          </div>
          {canEdit && (
            <Button
              variant="primary"
              onClick={() => setEditing('new')}
              aria-keyshortcuts="T"
              title="Add a prior treatment (T)"
            >
              <Plus aria-hidden size={16} /> Add treatment
            </Button>
          )}
        </div>
        {trials.isError && <p role="alert">{trials.error.message}</p>}
        {trials.isSuccess && rows.length === 0 ? (
          <p className={styles.empty}>
            {canEdit
              ? 'No prior treatments yet. Add each antidepressant, augmentation, therapy, ECT or TMS course from the records (press T): payers judge esketamine and TMS requests on these trials.'
              : 'No prior treatments recorded.'}
          </p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="visually-hidden">Prior treatments of {clientName}</caption>
              <thead>
                <tr>
                  <th scope="col">Treatment</th>
                  <th scope="col">Class</th>
                  <th scope="col">Peak dose</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Adequacy</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Current episode</th>
                  <th scope="col">Source</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((trial) => {
                  const adequacy = describeAdequacy(trial);
                  return (
                    <tr key={trial.id}>
                      <th scope="row" className={styles.rowHeader}>
                        {trial.name}
                        <span className={styles.subtle}>{trialKindLabels[trial.kind]}</span>
                      </th>
                      <td>{trial.drugClass ? drugClassLabels[trial.drugClass] : '—'}</td>
                      <td>{trial.peakDose ?? <span className={styles.undocumented}>Not documented</span>}</td>
                      <td className={styles.nowrap}>
                        {trial.startedOn ? formatCalendarDate(trial.startedOn) : 'Start ?'} –{' '}
                        {trial.endedOn
                          ? formatCalendarDate(trial.endedOn)
                          : trial.outcome === 'ongoing'
                            ? 'now'
                            : 'end ?'}
                      </td>
                      <td className={styles.adequacyCell}>
                        <span
                          className={
                            trial.weeksAtTherapeuticDose === null ? styles.undocumented : styles.adequacy
                          }
                        >
                          {adequacy.text}
                        </span>
                        {adequacy.concern && (
                          <span className={styles.concern}>Check: {adequacy.concern}</span>
                        )}
                        <span className={styles.subtle}>Adequate dose: {yesNo(trial.isDoseAdequate)}</span>
                      </td>
                      <td>
                        <span
                          className={`${styles.badge} ${styles.badgeOutcome} ${failedTrialOutcomes.has(trial.outcome) ? styles.badgeFailed : styles.badgeNeutral}`}
                        >
                          {trialOutcomeLabels[trial.outcome]}
                        </span>
                      </td>
                      <td>{yesNo(trial.isInCurrentEpisode)}</td>
                      <td>
                        <SourceLabel source={trial.source} caseId={caseId} />
                      </td>
                      <td className={styles.rowActions}>
                        {canEdit && (
                          <>
                            <Button
                              variant="quiet"
                              onClick={() => setEditing(trial)}
                              aria-label={`Change ${trial.name}`}
                            >
                              <Pencil aria-hidden size={14} />
                            </Button>
                            <Button
                              variant="quiet"
                              onClick={() => setToRemove(trial)}
                              aria-label={`Remove ${trial.name}`}
                            >
                              <Trash2 aria-hidden size={14} />
                            </Button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className={styles.muted}>
          Weeks are as documented, never worked out from the dates. Payers commonly ask for at least two
          adequate trials from different classes that failed in the current episode, each about 6 weeks at a
          therapeutic dose (4–8 weeks across payers; Cigna, Evicore, CareFirst, BCBS). Check the payer’s own
          policy.
        </p>
      </section>

      <SymptomScoresSection caseId={caseId} clientId={clientId} onAnnounce={onAnnounce} />

      {editing !== null && (
        <TrialFormDialog
          key={editing === 'new' ? 'new' : editing.id}
          clientId={clientId}
          caseId={caseId}
          trial={editing}
          onClose={() => setEditing(null)}
          onSaved={onAnnounce}
        />
      )}
      <Dialog
        open={toRemove !== null}
        onOpenChange={(open) => !open && setToRemove(null)}
        title="Remove this treatment?"
        description={
          toRemove
            ? `${toRemove.name} leaves ${clientName}’s history and every case’s checklist. Undo (Ctrl+Z) puts it back.`
            : undefined
        }
      >
        <div className={formStyles.actions}>
          <Button onClick={() => setToRemove(null)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => toRemove && remove.mutate(toRemove)}
          >
            Remove
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
