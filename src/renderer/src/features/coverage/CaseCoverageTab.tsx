import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { claimTypeLabels, claimTypes, type ClaimType } from '@shared/domain/plan-types';
import type { CaseDetail } from '@shared/schemas/cases';
import type { Coverage } from '@shared/schemas/coverages';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import { coverageFieldGroups, coverageFieldLabel, formatCoverageValue } from './coverage-fields';
import { CoverageFormDialog } from './CoverageFormDialog';
import styles from './Coverage.module.css';
import { queryKeys } from '../../lib/query-keys';
import { keptTheirsMessage } from '../edit-conflicts/EditConflictDialog';
import { useCanEditRecords } from '../team/use-team-connection';
import type { Announce } from '../../app/announce';

type Props = { readonly detail: CaseDetail; readonly onAnnounce: Announce };

export function CaseCoverageTab({ detail, onAnnounce }: Props) {
  const client = useQuery({
    queryKey: queryKeys.clients.detail(detail.clientId),
    queryFn: () => callApi('clients.get', { clientId: detail.clientId }),
  });
  const [editing, setEditing] = useState<Coverage | 'new' | null>(null);
  const canEdit = useCanEditRecords();
  const update = useMutation({
    mutationFn: (changes: { coverageId?: number | null; claimType?: ClaimType | null; isUrgent?: boolean }) =>
      callApi('cases.update', { caseId: detail.id, changes }),
    onSuccess: async (updated, changes) => {
      queryClient.setQueryData(queryKeys.cases.detail(detail.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      onAnnounce(
        'coverageId' in changes
          ? updated.coverageId
            ? `Coverage with ${updated.payer ?? 'the payer'} linked to this case.`
            : 'No coverage linked to this case now.'
          : 'Kind of request saved.',
      );
    },
  });
  const coverages = client.data?.coverages ?? [];
  const linked = coverages.find((coverage) => coverage.id === detail.coverageId) ?? null;

  async function refreshCoverage(coverageId: number) {
    await queryClient.invalidateQueries({ queryKey: queryKeys.clients.detail(detail.clientId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.coverages.history(coverageId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(detail.id) });
  }

  async function onCoverageKeptTheirs() {
    if (editing && editing !== 'new') await refreshCoverage(editing.id);
    onAnnounce(keptTheirsMessage('coverage'), { isUndoable: false });
  }

  async function onCoverageSaved(saved: Coverage, isUsedForCase: boolean) {
    await refreshCoverage(saved.id);
    if (!isUsedForCase) {
      onAnnounce(
        linked && linked.id !== saved.id
          ? `Coverage with ${saved.payer} saved; this case still uses ${linked.payer}.`
          : `Coverage with ${saved.payer} saved.`,
      );
      return;
    }
    // Linking is its own edit, so the toast's Undo takes the case back to its coverage before.
    const updated = await update.mutateAsync({ coverageId: saved.id });
    onAnnounce(
      linked
        ? `Coverage with ${saved.payer} saved; this case now uses it instead of ${linked.payer}.`
        : `Coverage with ${updated.payer ?? saved.payer} saved and linked to this case.`,
    );
  }

  return (
    <div className={styles.layout}>
      <div className={styles.card}>
        {canEdit ? (
          <div className={styles.controls}>
            <Field label="Coverage for this case">
              {(ids) => (
                <select
                  {...ids}
                  className={inputClassName}
                  value={detail.coverageId ?? ''}
                  onChange={(event) =>
                    update.mutate({ coverageId: event.target.value ? Number(event.target.value) : null })
                  }
                >
                  <option value="">None linked</option>
                  {coverages.map((coverage) => (
                    <option key={coverage.id} value={coverage.id}>
                      {coverage.payer}
                      {coverage.planName ? ` · ${coverage.planName}` : ''}
                      {coverage.memberId ? ` · ${coverage.memberId}` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Kind of request" hint="Urgent requests get 72-hour clocks.">
              {(ids) => (
                <select
                  {...ids}
                  className={inputClassName}
                  value={detail.claimType ?? ''}
                  onChange={(event) =>
                    update.mutate({ claimType: (event.target.value || null) as ClaimType | null })
                  }
                >
                  <option value="">Not known yet</option>
                  {claimTypes.map((claimType) => (
                    <option key={claimType} value={claimType}>
                      {claimTypeLabels[claimType]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button onClick={() => setEditing('new')}>Add coverage</Button>
          </div>
        ) : (
          <div className={styles.controls}>
            <ReadOnlyField
              label="Kind of request"
              value={detail.claimType ? claimTypeLabels[detail.claimType] : 'Not known yet'}
            />
          </div>
        )}
        {linked ? (
          <>
            <div className={styles.cardHeader}>
              <h2 className={styles.cardTitle}>{linked.payer}</h2>
              {canEdit && <Button onClick={() => setEditing(linked)}>Edit</Button>}
            </div>
            <dl className={styles.facts}>
              {(['planType', 'networkType'] as const).map((key) => (
                <FactRow key={key} name={key} value={linked[key]} />
              ))}
              {coverageFieldGroups
                .flatMap((group) => group.fields)
                .filter((field) => field.key !== 'payer')
                .map((field) => (
                  <FactRow key={field.key} name={field.key} value={linked[field.key]} />
                ))}
            </dl>
          </>
        ) : (
          <p className={styles.muted}>
            {canEdit
              ? "No coverage linked. Add the client's plan from the member card: the kind of plan decides which appeal rules apply."
              : 'No coverage linked to this case.'}
          </p>
        )}
      </div>
      {linked && <CoverageHistory coverageId={linked.id} />}
      {editing && (
        <CoverageFormDialog
          key={editing === 'new' ? 'new' : editing.id}
          clientId={detail.clientId}
          coverage={editing === 'new' ? null : editing}
          suggestedPayer={detail.payer}
          forCase={{ currentPayer: linked?.payer ?? null }}
          open
          onOpenChange={(isOpen) => !isOpen && setEditing(null)}
          onSaved={(saved, isUsedForCase) => void onCoverageSaved(saved, isUsedForCase)}
          onKeptTheirs={() => void onCoverageKeptTheirs()}
        />
      )}
    </div>
  );
}

function FactRow({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{coverageFieldLabel(name)}</dt>
      <dd>{formatCoverageValue(name, value)}</dd>
    </>
  );
}

function CoverageHistory({ coverageId }: { coverageId: number }) {
  const history = useQuery({
    queryKey: queryKeys.coverages.history(coverageId),
    queryFn: () => callApi('coverages.history', { coverageId }),
  });
  return (
    <section className={styles.card} aria-labelledby="coverage-history-title">
      <h2 id="coverage-history-title" className={styles.cardTitle}>
        History
      </h2>
      <ol className={styles.history}>
        {history.data?.map((entry) => (
          <li key={entry.at + entry.action}>
            <span className={styles.historyWhen}>
              {formatInstant(entry.at)} · {entry.actor}
            </span>
            {entry.action === 'insert' ? (
              <p className={styles.change}>Recorded</p>
            ) : (
              <ul className={styles.change}>
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    {coverageFieldLabel(change.field)}: {formatCoverageValue(change.field, change.before)} →{' '}
                    {formatCoverageValue(change.field, change.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
