import { useMutation, useQuery } from '@tanstack/react-query';
import { Copy, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { clinicalFactLabels } from '@shared/domain/treatment-history';
import { treatmentKinds, treatmentLabels } from '@shared/domain/treatments';
import type { CriteriaSet, Criterion } from '@shared/schemas/criteria-sets';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { CriteriaSetEditor } from './CriteriaSetEditor';
import { PolicyHeader } from './PolicyHeader';
import styles from './CriteriaLibrary.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Editing = { readonly setId: string | null; readonly basedOn: string | null; readonly set: CriteriaSet };

/** What the evaluator checks, in numbers, beside the policy's own wording. */
export function describeRule(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'age':
      return criterion.maximumAge === null
        ? `Age ≥ ${criterion.minimumAge}`
        : `Age ${criterion.minimumAge}–${criterion.maximumAge}`;
    case 'diagnosis':
      return `Diagnosis code starts with ${criterion.codePrefixes.join(', ')}`;
    case 'failed_trials':
      return [
        `${criterion.minimumTrials} failed antidepressants`,
        criterion.minimumClasses > 1 ? `from ${criterion.minimumClasses} classes` : null,
        criterion.minimumWeeks !== null
          ? `each ≥ ${criterion.minimumWeeks} weeks at a therapeutic dose`
          : null,
        criterion.partialResponseMinimumWeeks !== null
          ? `partial response ≥ ${criterion.partialResponseMinimumWeeks} weeks`
          : null,
        criterion.doesIntoleranceCountWithoutDuration ? 'intolerance counts at any length' : null,
        criterion.currentEpisode === 'each'
          ? 'each in the current episode'
          : criterion.currentEpisode === 'at_least_one'
            ? 'one in the current episode'
            : null,
        criterion.withinYears !== null ? `within ${criterion.withinYears} years` : null,
      ]
        .filter(Boolean)
        .join(', ');
    case 'augmentation':
      return `${criterion.minimumTrials} augmentation trial${criterion.minimumTrials === 1 ? '' : 's'}${
        criterion.minimumWeeks !== null ? ` ≥ ${criterion.minimumWeeks} weeks` : ''
      }${criterion.doesPsychotherapyCount ? ', or psychotherapy' : ''}`;
    case 'baseline_score':
      return `${criterion.thresholds
        .map(({ instrument, minimumScore }) =>
          minimumScore === null ? instrument : `${instrument} ≥ ${minimumScore}`,
        )
        .join(' or ')}${criterion.withinDays !== null ? ` within ${criterion.withinDays} days` : ''}`;
    case 'clinical_fact':
      return `${clinicalFactLabels[criterion.factKey]}: ${criterion.requiredAnswer}`;
    case 'manual':
      return criterion.guidance ?? 'read the records';
  }
}

export function CriteriaSetsLibrary({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const sets = useQuery({
    queryKey: queryKeys.criteria.sets,
    queryFn: () => callApi('criteria.listSets', {}),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  // The sets are the team's shared reference: a viewer reads them.
  const canEdit = useCanEditRecords();
  const [toDelete, setToDelete] = useState<CriteriaSet | null>(null);
  const remove = useMutation({
    mutationFn: (setId: string) => callApi('criteria.deleteSet', { setId }),
    onSuccess: async (_, setId) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.criteria.all });
      setToDelete(null);
      if (selectedId === setId) setSelectedId(null);
      onAnnounce('Criteria set deleted.');
    },
  });

  if (sets.isPending) return <p className={styles.muted}>Loading the criteria sets…</p>;
  if (sets.isError) return <p role="alert">{sets.error.message}</p>;
  const selected = sets.data.find((set) => set.id === selectedId) ?? sets.data[0] ?? null;

  return (
    <div className={styles.library}>
      <nav aria-label="Criteria sets" className={styles.setList}>
        {treatmentKinds.map((treatment) => {
          const ofTreatment = sets.data.filter((set) => set.definition.treatment === treatment);
          if (ofTreatment.length === 0) return null;
          return (
            <section key={treatment}>
              <h2 className={styles.groupTitle}>{treatmentLabels[treatment]}</h2>
              <ul>
                {ofTreatment.map((set) => (
                  <li key={set.id}>
                    <button
                      type="button"
                      className={styles.setButton}
                      aria-current={selected?.id === set.id ? 'true' : undefined}
                      onClick={() => {
                        setSelectedId(set.id);
                        setEditing(null);
                      }}
                    >
                      <span>{set.definition.name}</span>
                      <span className={styles.setMeta}>
                        {set.origin === 'user' ? 'Your set' : 'Shipped'}
                        {set.isSeenViaAggregator ? ' · aggregator' : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </nav>
      <div className={styles.detail}>
        {editing ? (
          <>
            <h2>{editing.setId ? 'Edit criteria set' : 'New criteria set'}</h2>
            {editing.basedOn && (
              <p className={styles.muted}>
                A copy of &ldquo;{editing.set.definition.name}&rdquo;. Change it to match your payer&apos;s
                current policy, with its date and address.
              </p>
            )}
            <CriteriaSetEditor
              key={`${editing.setId ?? 'new'}-${editing.basedOn ?? ''}`}
              setId={editing.setId}
              basedOn={editing.basedOn}
              initial={editing.set.definition}
              onCancel={() => setEditing(null)}
              onSaved={(saved) => {
                setEditing(null);
                setSelectedId(saved.id);
                onAnnounce(`Saved "${saved.definition.name}".`);
              }}
            />
          </>
        ) : selected ? (
          <>
            <div className={styles.detailHead}>
              <h2>{selected.definition.name}</h2>
              {canEdit && (
                <div className={styles.inlineActions}>
                  <Button
                    onClick={() =>
                      setEditing({
                        setId: null,
                        basedOn: selected.id,
                        set: {
                          ...selected,
                          definition: {
                            ...selected.definition,
                            name: `${selected.definition.name} (my copy)`,
                            // A copy is the user's own: it becomes a payer's default only when they say so.
                            payerMatch: [],
                          },
                        },
                      })
                    }
                  >
                    <Copy aria-hidden size={16} /> Duplicate and edit
                  </Button>
                  {selected.origin === 'user' && (
                    <>
                      <Button
                        onClick={() => setEditing({ setId: selected.id, basedOn: null, set: selected })}
                      >
                        <Pencil aria-hidden size={16} /> Edit
                      </Button>
                      <Button variant="danger" onClick={() => setToDelete(selected)}>
                        <Trash2 aria-hidden size={16} /> Delete
                      </Button>
                    </>
                  )}
                </div>
              )}
            </div>
            {selected.origin === 'shipped' && (
              <p className={styles.muted}>
                Shipped with Advocase as read in the sources below.{canEdit && ' To change it, duplicate it.'}
              </p>
            )}
            <PolicyHeader set={selected} />
            {selected.definition.positionNote && <p>{selected.definition.positionNote}</p>}
            {selected.definition.criteria.length === 0 ? (
              <p className={styles.empty}>
                {selected.definition.position === 'criteria'
                  ? "No criteria in this set. Duplicate it and enter your payer's policy."
                  : 'The payer does not judge this treatment by criteria: see its position above and the evidence pack.'}
              </p>
            ) : (
              <ol className={styles.criteriaList}>
                {selected.definition.criteria.map((criterion) => (
                  <li key={criterion.id}>
                    <p className={styles.criterionWording}>{criterion.text}</p>
                    <p className={styles.muted}>
                      {criterion.kind === 'manual'
                        ? 'You judge it from a document'
                        : 'Checked from the facts'}
                      : {describeRule(criterion)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {selected.definition.notes && <p className={styles.muted}>{selected.definition.notes}</p>}
          </>
        ) : (
          <p className={styles.empty}>No criteria sets.</p>
        )}
      </div>
      <Dialog
        open={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        title="Delete this criteria set?"
        description={`"${toDelete?.definition.name ?? ''}" will be deleted. Cases that use it keep the policy details they recorded and fall back to their default set.`}
      >
        <div className={formStyles.actions}>
          <Button variant="quiet" onClick={() => setToDelete(null)}>
            Keep it
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => toDelete && remove.mutate(toDelete.id)}
          >
            Delete set
          </Button>
        </div>
        {remove.isError && <p role="alert">{remove.error.message}</p>}
      </Dialog>
    </div>
  );
}
