import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FilePlus2, ListPlus, SlidersHorizontal, X } from 'lucide-react';
import { useState } from 'react';
import {
  evidenceStatusLabels,
  readinessExplanation,
  type EvidenceStatus,
} from '@shared/domain/evidence-checklist';
import type { EvidenceChecklist, EvidenceItem } from '@shared/schemas/evidence';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { ClinicalFactsSection } from './ClinicalFactsSection';
import { ItemStatusDialog } from './ItemStatusDialog';
import { LinkEvidenceDialog } from './LinkEvidenceDialog';
import { ReadinessMeter } from './ReadinessMeter';
import { SourceLabel } from './SourceLabel';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

const statusClass: Readonly<Record<EvidenceStatus, string | undefined>> = {
  missing: styles.statusMissing,
  partial: styles.statusPartial,
  done: styles.statusDone,
  not_applicable: styles.statusNotApplicable,
};

type Props = { readonly caseId: number; readonly onAnnounce: (message: string) => void };

/** The Evidence tab: readiness, the checklist with its links, and the clinical facts. */
export function CaseEvidencePanel({ caseId, onAnnounce }: Props) {
  const queryClient = useQueryClient();
  const [linking, setLinking] = useState<{ item: EvidenceItem; kind: 'document' | 'event' } | null>(null);
  const [settingStatus, setSettingStatus] = useState<EvidenceItem | null>(null);
  const checklist = useQuery({
    queryKey: queryKeys.evidence.ofCase(caseId),
    queryFn: () => callApi('evidence.checklist', { caseId }),
  });
  const canEdit = useCanEditRecords();
  const unlink = useMutation({
    mutationFn: (linkId: number) => callApi('evidence.unlink', { linkId }),
    onSuccess: async (updated: EvidenceChecklist) => {
      queryClient.setQueryData(queryKeys.evidence.ofCase(caseId), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      onAnnounce(`Unlinked. Readiness ${updated.readiness.percent}%. Ctrl+Z links it again.`);
    },
    onError: (error) => onAnnounce(error.message),
  });

  if (checklist.isPending) return <p className={styles.muted}>Reading the checklist…</p>;
  if (checklist.isError) return <p role="alert">{checklist.error.message}</p>;
  const { readiness, items, diagnosisCodes } = checklist.data;
  const needed = items.filter((item) => item.status === 'missing' || item.status === 'partial');

  return (
    <div className={styles.panel}>
      <section aria-labelledby="readiness-title" className={styles.readiness}>
        <div>
          <h2 id="readiness-title" className={styles.sectionTitle}>
            Evidence readiness
          </h2>
          <ReadinessMeter percent={readiness.percent} isLarge />
          <p className={styles.muted}>
            {readiness.done} done, {readiness.partial} partial, {readiness.missing} missing of{' '}
            {readiness.applicable} applicable items. {readinessExplanation}
          </p>
        </div>
        {needed.length > 0 && (
          <div>
            <h3 className={styles.subTitle}>Still needed</h3>
            <ul className={styles.neededList}>
              {needed.map((item) => (
                <li key={item.key}>
                  <a
                    href={`#evidence-item-${item.key}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(`evidence-item-${item.key}`)?.focus();
                    }}
                  >
                    {item.label}
                  </a>{' '}
                  <span className={`${styles.badge} ${statusClass[item.status]}`}>
                    {evidenceStatusLabels[item.status]}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="checklist-title" className={styles.section}>
        <h2 id="checklist-title" className={styles.sectionTitle}>
          Checklist
        </h2>
        <p className={styles.muted}>
          What insurers look for when they judge medical necessity, with the evidence packet of a Spravato, IV
          ketamine or TMS appeal. Link the case’s documents and timeline entries to the items they satisfy.
        </p>
        <ol className={styles.checklist}>
          {items.map((item) => (
            <li
              key={item.key}
              id={`evidence-item-${item.key}`}
              tabIndex={-1}
              className={styles.item}
              data-status={item.status}
              aria-labelledby={`evidence-item-${item.key}-label`}
            >
              <span className={`${styles.badge} ${styles.itemStatus} ${statusClass[item.status]}`}>
                {evidenceStatusLabels[item.status]}
                {item.isManual ? ' (set by hand)' : ''}
              </span>
              <div className={styles.itemBody}>
                <h3 id={`evidence-item-${item.key}-label`} className={styles.itemLabel}>
                  {item.label}
                </h3>
                <p className={styles.itemHint}>
                  {item.hint}
                  {item.key === 'diagnosis' &&
                    (diagnosisCodes.length > 0
                      ? ` ICD-10-CM on this case: ${diagnosisCodes.join(', ')}.`
                      : ' No ICD-10-CM code on this case yet (Edit details).')}
                  {item.key === 'treatment_history' || item.key === 'symptom_scores' ? (
                    <>
                      {' '}
                      <a href={hrefFor({ name: 'case', caseId, tab: 'treatment-history' })}>
                        Open the treatment history
                      </a>
                    </>
                  ) : null}
                </p>
                {item.explanation && <p className={styles.explanation}>{item.explanation}</p>}
                {item.reason && <p className={styles.explanation}>Reason: {item.reason}</p>}
                {item.links.length > 0 && (
                  <ul className={styles.links} aria-label={`Linked to ${item.label}`}>
                    {item.links.map((link) => (
                      <li key={link.id} className={styles.link}>
                        <SourceLabel source={link.target} caseId={caseId} />
                        {link.note && <span className={styles.subtleInline}>— {link.note}</span>}
                        {canEdit && (
                          <button
                            type="button"
                            className={styles.iconButton}
                            aria-label={`Unlink ${link.target.label} from ${item.label}`}
                            title="Unlink (the record itself stays)"
                            onClick={() => unlink.mutate(link.id)}
                          >
                            <X aria-hidden size={14} />
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {canEdit && (
                <div className={styles.itemActions}>
                  <Button variant="quiet" onClick={() => setLinking({ item, kind: 'document' })}>
                    <FilePlus2 aria-hidden size={14} /> Link document…
                    <span className="visually-hidden"> for {item.label}</span>
                  </Button>
                  <Button variant="quiet" onClick={() => setLinking({ item, kind: 'event' })}>
                    <ListPlus aria-hidden size={14} /> Link event…
                    <span className="visually-hidden"> for {item.label}</span>
                  </Button>
                  <Button variant="quiet" onClick={() => setSettingStatus(item)}>
                    <SlidersHorizontal aria-hidden size={14} /> Status…
                    <span className="visually-hidden"> of {item.label}</span>
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      <ClinicalFactsSection caseId={caseId} onAnnounce={onAnnounce} />

      {linking && (
        <LinkEvidenceDialog
          key={`${linking.item.key}-${linking.kind}`}
          caseId={caseId}
          target={linking}
          onClose={() => setLinking(null)}
          onSaved={onAnnounce}
        />
      )}
      {settingStatus && (
        <ItemStatusDialog
          key={settingStatus.key}
          caseId={caseId}
          item={settingStatus}
          onClose={() => setSettingStatus(null)}
          onSaved={onAnnounce}
        />
      )}
    </div>
  );
}
