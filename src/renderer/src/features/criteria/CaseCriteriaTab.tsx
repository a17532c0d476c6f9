import { useMutation, useQuery } from '@tanstack/react-query';
import { FileText, History, Library } from 'lucide-react';
import { useState } from 'react';
import type { CaseCriteriaView } from '@shared/schemas/case-criteria';
import { coveragePositionLabels, type CriteriaSet } from '@shared/schemas/criteria-sets';
import { queryClient } from '../../app/query-client';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import { callApi } from '../../lib/api';
import { formatCalendarDate, formatInstant } from '../../lib/format-date';
import { DocumentPreviewDialog } from '../vault/DocumentPreviewDialog';
import { CriterionStatusBadge } from './CriterionStatusBadge';
import { JudgeCriterionDialog } from './JudgeCriterionDialog';
import { PolicyHeader } from './PolicyHeader';
import styles from './Criteria.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = { readonly caseId: number };

type Result = NonNullable<CaseCriteriaView['evaluation']>['results'][number];

/**
 * The case's Criteria tab: the payer's criteria set chosen for the case (or its default), each
 * criterion judged against the recorded facts as met (with the records that show it), not met
 * (and why) or unknown (with the facts to record), and a one-line summary.
 */
export function CaseCriteriaTab({ caseId }: Props) {
  const view = useQuery({
    queryKey: queryKeys.criteria.ofCase(caseId),
    queryFn: () => callApi('criteria.evaluateCase', { caseId }),
    // The facts are edited on other tabs: judge them afresh each time this tab opens.
    refetchOnMount: 'always',
  });
  const sets = useQuery({
    queryKey: queryKeys.criteria.sets,
    queryFn: () => callApi('criteria.listSets', {}),
  });
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [judging, setJudging] = useState<Result | null>(null);
  // Said here, not in the workspace's toast: that toast offers Undo, which does not cover these choices.
  const [status, setStatus] = useState('');
  const canEdit = useCanEditRecords();
  const choose = useMutation({
    mutationFn: (setId: string) => callApi('criteria.chooseSetForCase', { caseId, setId }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.criteria.ofCase(caseId), updated);
      setStatus(`This case is now judged against "${updated.set?.definition.name ?? 'the chosen set'}".`);
    },
  });

  if (view.isPending) return <p className={styles.muted}>Checking the criteria…</p>;
  if (view.isError) return <p role="alert">{view.error.message}</p>;
  const data = view.data;
  const set = data.set;
  const choices = (sets.data ?? []).filter(
    (candidate) => !set || candidate.definition.treatment === set.definition.treatment,
  );

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        {canEdit ? (
          <label className={styles.setPicker}>
            <span>Criteria set</span>
            <select
              className={inputClassName}
              value={set?.id ?? ''}
              disabled={choose.isPending || choices.length === 0}
              onChange={(event) => choose.mutate(event.target.value)}
            >
              {!set && <option value="">No set for this treatment</option>}
              <SetOptions sets={choices} />
            </select>
          </label>
        ) : (
          <ReadOnlyField label="Criteria set" value={set?.definition.name ?? 'No set for this treatment'} />
        )}
        <a className={styles.linkButton} href={hrefFor({ name: 'criteria', section: 'sets' })}>
          <Library aria-hidden size={16} /> Criteria library
        </a>
      </div>
      <p role="status" className={styles.muted}>
        {status}
      </p>
      {choose.isError && (
        <p role="alert" className={styles.fieldError}>
          {choose.error.message}
        </p>
      )}
      <p className={styles.muted}>
        {data.choice && !data.isChosenSetMissing
          ? `Chosen for this case on ${formatInstant(data.choice.chosenAt)}.`
          : 'Picked for this case by its payer and treatment; choose another set above if the payer uses a different policy.'}{' '}
        Facts as of {formatCalendarDate(data.asOf)}.
      </p>
      {data.isChosenSetMissing && data.choice && (
        <p className={styles.warning} role="note">
          The set chosen for this case (&ldquo;{data.choice.policyName}&rdquo;) was deleted; the default is
          shown instead.
        </p>
      )}

      {!set ? (
        <p className={styles.empty}>
          There is no criteria set for this treatment. Open the{' '}
          <a href={hrefFor({ name: 'criteria', section: 'sets' })}>criteria library</a> and write one from
          your payer&apos;s policy.
        </p>
      ) : (
        <>
          <h2 className={styles.setName}>{set.definition.name}</h2>
          <PolicyHeader set={set} />
          {data.denialLink && (
            <section className={styles.denialLink} aria-label="What the denial disputes">
              <h3>What the denial disputes</h3>
              {data.denialLink.reasonText && <blockquote>“{data.denialLink.reasonText}”</blockquote>}
              <p>{data.denialLink.explanation}</p>
            </section>
          )}
          {set.definition.position !== 'criteria' && (
            <section className={styles.position} aria-label="Payer's position">
              <h3>{coveragePositionLabels[set.definition.position]}</h3>
              {set.definition.positionNote && <p>{set.definition.positionNote}</p>}
              <p>
                The facts and sources an appeal cites are in the{' '}
                <a href={hrefFor({ name: 'criteria', section: 'packs' })}>evidence packs</a>.
              </p>
            </section>
          )}
          {data.evaluation && data.evaluation.results.length > 0 ? (
            <>
              <p className={styles.summary} aria-live="polite">
                <span data-status="met">{data.counts.met} met</span> ·{' '}
                <span data-status="not_met">{data.counts.notMet} not met</span> ·{' '}
                <span data-status="unknown">{data.counts.unknown} unknown</span>
              </p>
              <ol className={styles.criteria} aria-label="Criteria">
                {data.evaluation.results.map((result) => (
                  <CriterionCard
                    key={result.criterionId}
                    caseId={caseId}
                    result={result}
                    isManual={set.definition.criteria.some(
                      (criterion) => criterion.id === result.criterionId && criterion.kind === 'manual',
                    )}
                    onOpenDocument={setPreviewId}
                    onJudge={canEdit ? () => setJudging(result) : undefined}
                  />
                ))}
              </ol>
            </>
          ) : (
            set.definition.position === 'criteria' && (
              <p className={styles.empty}>
                This set has no criteria yet. Open the{' '}
                <a href={hrefFor({ name: 'criteria', section: 'sets' })}>criteria library</a>, duplicate it
                and enter your payer&apos;s policy.
              </p>
            )
          )}
          {set.definition.notes && <p className={styles.muted}>{set.definition.notes}</p>}
        </>
      )}

      {previewId !== null && (
        <DocumentPreviewDialog
          documentId={previewId}
          caseId={caseId}
          onClose={() => setPreviewId(null)}
          onChanged={() => queryClient.invalidateQueries({ queryKey: queryKeys.criteria.ofCase(caseId) })}
        />
      )}
      {set && judging && (
        <JudgeCriterionDialog
          caseId={caseId}
          setId={set.id}
          result={judging}
          judgement={
            data.judgements.find((judgement) => judgement.criterionId === judging.criterionId) ?? null
          }
          onClose={() => setJudging(null)}
          onSaved={(updated, message) => {
            queryClient.setQueryData(queryKeys.criteria.ofCase(caseId), updated);
            setJudging(null);
            setStatus(message);
          }}
        />
      )}
    </div>
  );
}

function SetOptions({ sets }: { readonly sets: readonly CriteriaSet[] }) {
  const own = sets.filter((set) => set.origin === 'user');
  const shipped = sets.filter((set) => set.origin === 'shipped');
  return (
    <>
      {own.length > 0 && (
        <optgroup label="Your sets">
          {own.map((set) => (
            <option key={set.id} value={set.id}>
              {set.definition.name}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Shipped with Advocase">
        {shipped.map((set) => (
          <option key={set.id} value={set.id}>
            {set.definition.name}
            {set.isSeenViaAggregator ? ' (aggregator)' : ''}
          </option>
        ))}
      </optgroup>
    </>
  );
}

type CardProps = {
  readonly caseId: number;
  readonly result: Result;
  readonly isManual: boolean;
  readonly onOpenDocument: (documentId: number) => void;
  /** Absent for someone who reads only (a team's viewer). */
  readonly onJudge: (() => void) | undefined;
};

function CriterionCard({ caseId, result, isManual, onOpenDocument, onJudge }: CardProps) {
  return (
    <li className={styles.card} data-status={result.status}>
      <div className={styles.cardHead}>
        <p className={styles.criterionText}>{result.text}</p>
        <CriterionStatusBadge status={result.status} />
      </div>
      <p className={styles.explanation}>{result.explanation}</p>
      {result.evidence.length > 0 && (
        <div className={styles.evidence}>
          <span className={styles.evidenceLabel}>Evidence:</span>
          <ul>
            {result.evidence.map((source, index) => (
              <li key={`${source.label}-${index}`}>
                {source.documentId !== null ? (
                  <button
                    type="button"
                    className={styles.evidenceLink}
                    onClick={() => source.documentId !== null && onOpenDocument(source.documentId)}
                  >
                    <FileText aria-hidden size={14} /> {source.label}
                  </button>
                ) : source.eventId !== null ? (
                  <a
                    className={styles.evidenceLink}
                    href={hrefFor({ name: 'case', caseId, tab: 'timeline' })}
                  >
                    <History aria-hidden size={14} /> {source.label}
                  </a>
                ) : (
                  <span>{source.label}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.missingFacts.length > 0 && (
        <div className={styles.missing}>
          <span className={styles.evidenceLabel}>To decide it, record:</span>
          <ul>
            {result.missingFacts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
          {!isManual && (
            <p className={styles.hint}>
              Record treatment history, scores and clinical facts, each with the document that shows it, in
              the case&apos;s <a href={hrefFor({ name: 'case', caseId, tab: 'evidence' })}>Evidence</a> and{' '}
              <a href={hrefFor({ name: 'case', caseId, tab: 'treatment-history' })}>Treatment history</a>{' '}
              tabs.
            </p>
          )}
        </div>
      )}
      {isManual && onJudge && (
        <div>
          <Button variant="secondary" onClick={onJudge}>
            Record your judgement
          </Button>
        </div>
      )}
    </li>
  );
}
