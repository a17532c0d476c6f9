import { useMutation, useQuery } from '@tanstack/react-query';
import { Trash2, ClipboardList, FileOutput, MessageSquarePlus, Pencil, Phone, Archive } from 'lucide-react';
import { useEffect, useState } from 'react';
import {
  caseOutcomeLabels,
  casePriorityLabels,
  caseStageLabels,
  caseStages,
  type CaseStage,
} from '@shared/domain/case-stages';
import { isClosedStage } from '@shared/domain/case-lifecycle';
import { planTypeLabels } from '@shared/domain/plan-types';
import { describeTreatment } from '@shared/domain/treatments';
import { queryClient } from '../../app/query-client';
import { caseTabs, hrefFor, navigate, type CaseTab } from '../../app/routes';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { isTypingInField } from '../../lib/keyboard';
import { CaseCoverageTab } from '../coverage/CaseCoverageTab';
import { DeleteRecordDialog, type DeleteTarget } from '../history/DeleteRecordDialog';
import { CaseProvidersTab } from '../coverage/CaseProvidersTab';
import { CaseTimeline } from '../timeline/CaseTimeline';
import { EventFormDialog } from '../timeline/EventFormDialog';
import { ExportForAttorneyDialog } from '../exports/ExportForAttorneyDialog';
import { CaseDetailsDialog } from './CaseDetailsDialog';
import { CloseCaseDialog } from './CloseCaseDialog';
import { StageSuggestionNote } from './StageSuggestionNote';
import { refreshCaseViews } from './refresh-case-views';
import { CaseHandover } from '../team/CaseHandover';
import { useCanEditRecords } from '../team/use-team-connection';
import { formatCents } from '../../lib/money';
import { VerificationCallDialog } from '../verification/VerificationCallDialog';
import { CaseDocumentsPanel } from '../vault/CaseDocumentsPanel';
import { CaseDeadlinesPanel } from '../deadlines/CaseDeadlinesPanel';
import { CaseOpenItemsSummary } from '../deadlines/CaseOpenItemsSummary';
import { CaseEvidencePanel } from '../evidence/CaseEvidencePanel';
import { TreatmentHistoryPanel } from '../evidence/TreatmentHistoryPanel';
import { CaseCriteriaTab } from '../criteria/CaseCriteriaTab';
import { CaseLettersPanel } from '../letters/CaseLettersPanel';
import { CaseCostsTab } from '../costs/CaseCostsTab';
import { CaseFundingTab } from '../funding/CaseFundingTab';
import { CaseTimeTab } from '../time/CaseTimeTab';
import { CaseTimerButton } from '../time/CaseTimerButton';
import { CaseResources } from '../resources/CaseResources';
import { CaseNoticeDefects } from '../denials/CaseNoticeDefects';
import { DenialNoticeDropZone } from '../denials/DenialNoticeDropZone';
import styles from './CasePage.module.css';
import { queryKeys } from '../../lib/query-keys';
import type { Announce } from '../../app/announce';

const tabLabels: Readonly<Record<CaseTab, string>> = {
  timeline: 'Timeline',
  coverage: 'Coverage',
  providers: 'Providers',
  documents: 'Documents',
  deadlines: 'Deadlines',
  evidence: 'Evidence',
  'treatment-history': 'Treatment history',
  criteria: 'Criteria',
  letters: 'Letters',
  costs: 'Costs',
  funding: 'Funding',
  time: 'Time',
};

type Props = {
  readonly caseId: number;
  readonly tab: CaseTab;
  readonly onAnnounce: Announce;
};

export function CasePage({ caseId, tab, onAnnounce }: Props) {
  const detail = useQuery({
    queryKey: queryKeys.cases.detail(caseId),
    queryFn: () => callApi('cases.get', { caseId }),
  });
  const [openForm, setOpenForm] = useState<'quick-call' | 'any' | null>(null);
  const [isVerifying, setIsVerifying] = useState(false);
  const [isExporting, setIsExporting] = useState(false);
  const [isEditingDetails, setIsEditingDetails] = useState(false);
  const [deleteTarget, setDeleteTarget] = useState<DeleteTarget | null>(null);
  const [isClosing, setIsClosing] = useState(false);
  // A team's viewer reads and exports; every control that changes the case is left out.
  const canEdit = useCanEditRecords();
  const changeStage = useMutation({
    mutationFn: (stage: CaseStage) => callApi('cases.update', { caseId, changes: { stage } }),
    onSuccess: async (updated) => {
      await refreshCaseViews(caseId);
      onAnnounce(`Stage changed to ${caseStageLabels[updated.stage]}.`);
    },
  });

  /** A recorded step may move the stage (shared/domain/case-lifecycle.ts): say so, with Undo beside it. */
  async function afterTimelineStep(message: string) {
    const stageBefore = queryClient.getQueryData<typeof current>(queryKeys.cases.detail(caseId))?.stage;
    const now = await refreshCaseViews(caseId);
    const moved =
      stageBefore && now.stage !== stageBefore
        ? ` Stage moved to ${caseStageLabels[now.stage]} (Undo takes the stage back).`
        : now.stageSuggestion?.reason === 'older'
          ? ` The stage stays at ${caseStageLabels[now.stage]}: this step is dated before one already on the timeline (see the note under the header).`
          : '';
    onAnnounce(`${message}${moved}`);
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!canEdit || isTypingInField(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'c') {
        event.preventDefault();
        setOpenForm('quick-call');
      } else if (event.key === 'e') {
        event.preventDefault();
        setOpenForm('any');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canEdit]);

  if (detail.isPending) return <p className={styles.muted}>Opening the case…</p>;
  if (detail.isError) {
    return (
      <div className={styles.missing} role="alert">
        <p>{detail.error.message}</p>
        <a href={hrefFor({ name: 'caseload' })}>Back to the caseload</a>
      </div>
    );
  }
  const current = detail.data;
  const isClosed = isClosedStage(current.stage);

  return (
    <article className={styles.page} aria-labelledby="case-title">
      <div className={styles.topRow}>
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <a href={hrefFor({ name: 'caseload' })}>Caseload</a> / <span>{current.caseNumber}</span>
        </nav>
        {canEdit && (
          <>
            <CaseTimerButton caseId={caseId} onAnnounce={onAnnounce} />
            <Button
              variant="quiet"
              onClick={() =>
                setDeleteTarget({
                  kind: 'case',
                  caseId,
                  name: `${current.caseNumber} (${current.clientName})`,
                })
              }
            >
              <Trash2 aria-hidden size={14} /> Delete case…
            </Button>
          </>
        )}
      </div>
      <header className={styles.header}>
        <div className={styles.identity}>
          <h1 id="case-title" className={styles.title}>
            <a href={hrefFor({ name: 'client', clientId: current.clientId })}>{current.clientName}</a>
            <span className={styles.titleDetail}>
              {' '}
              · {describeTreatment(current.treatment, current.treatmentDetail)}
              {current.payer ? ` · ${current.payer}` : ''}
            </span>
          </h1>
          <p className={styles.meta}>
            {current.caseNumber} · opened {formatCalendarDate(current.openedOn)} ·{' '}
            {casePriorityLabels[current.priority]} priority
            {current.isUrgent ? ' · Urgent' : ''}
            {current.planType ? ` · ${planTypeLabels[current.planType]}` : ' · Plan type not recorded'}
            {current.memberId ? ` · Member ID ${current.memberId}` : ''}
            {current.assignedAdvocate ? ` · ${current.assignedAdvocate}` : ''}
          </p>
          <p className={styles.meta}>
            {[...current.procedureCodes, ...current.diagnosisCodes].join(', ') || 'No codes recorded'}
            {current.outcome ? ` · Outcome: ${caseOutcomeLabels[current.outcome]}` : ''}
            {current.closedOn ? ` · Closed ${formatCalendarDate(current.closedOn)}` : ''}
            {current.closedOn && current.savedCents !== null
              ? ` · Saved ${formatCents(current.savedCents)}`
              : ''}
            {canEdit && (
              <>
                {' '}
                <button type="button" className={styles.linkButton} onClick={() => setIsEditingDetails(true)}>
                  <Pencil aria-hidden size={12} /> Edit details
                </button>
              </>
            )}
          </p>
          <CaseOpenItemsSummary caseId={caseId} />
        </div>
        <div className={styles.actions}>
          {canEdit ? (
            <label className={styles.stage}>
              <span>Stage</span>
              <select
                value={current.stage}
                disabled={changeStage.isPending}
                onChange={(event) => {
                  const stage = event.target.value as CaseStage;
                  // Closing asks for the outcome and what to do with the open deadlines.
                  if (isClosedStage(stage)) setIsClosing(true);
                  else changeStage.mutate(stage);
                }}
              >
                {caseStages.map((stage) => (
                  <option key={stage} value={stage}>
                    {caseStageLabels[stage]}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className={styles.stage}>
              <span>Stage</span>
              <span className={styles.stageText}>{caseStageLabels[current.stage]}</span>
            </p>
          )}
          {canEdit && !isClosed && (
            <Button onClick={() => setIsClosing(true)} title="Record how the case ended and close it">
              <Archive aria-hidden size={16} /> Close case…
            </Button>
          )}
          {canEdit && (
            <Button
              onClick={() => setIsVerifying(true)}
              title="Ask the payer the benefits verification questions"
            >
              <ClipboardList aria-hidden size={16} /> Verify benefits
            </Button>
          )}
          <Button
            onClick={() => setIsExporting(true)}
            title="Case summary PDF and exhibit bundle for an attorney"
          >
            <FileOutput aria-hidden size={16} /> Export for attorney
          </Button>
          {canEdit && (
            <>
              <Button onClick={() => setOpenForm('quick-call')} aria-keyshortcuts="C" title="Log a call (C)">
                <Phone aria-hidden size={16} /> Log call
              </Button>
              <Button
                variant="primary"
                onClick={() => setOpenForm('any')}
                aria-keyshortcuts="E"
                title="Add to the timeline (E)"
              >
                <MessageSquarePlus aria-hidden size={16} /> Add event
              </Button>
            </>
          )}
        </div>
      </header>
      <CaseHandover caseId={caseId} />
      {canEdit && current.stageSuggestion && (
        <StageSuggestionNote
          caseId={caseId}
          currentStage={current.stage}
          suggestion={current.stageSuggestion}
          onAnnounce={onAnnounce}
        />
      )}
      {/* A closed case expects no more talk with the payer, nor a notice: reopening (the stage)
          brings both back. */}
      {current.authorizationWarning && !isClosed && (
        <p className={styles.warning} role="note">
          {current.authorizationWarning}
          {canEdit && (
            <>
              {' '}
              <a href={hrefFor({ name: 'client', clientId: current.clientId })}>Record an authorization</a>
            </>
          )}
        </p>
      )}
      <nav aria-label="Case sections" className={styles.tabs}>
        {caseTabs.map((candidate) => (
          <a
            key={candidate}
            className={styles.tab}
            href={hrefFor({ name: 'case', caseId, tab: candidate })}
            aria-current={candidate === tab ? 'page' : undefined}
          >
            {tabLabels[candidate]}
          </a>
        ))}
      </nav>
      <section className={styles.panel} aria-label={tabLabels[tab]}>
        {canEdit && !isClosed && tab === 'timeline' && (
          <DenialNoticeDropZone caseId={caseId} onAnnounce={onAnnounce} />
        )}
        {tab === 'timeline' && <CaseTimeline caseId={caseId} />}
        {tab === 'coverage' && <CaseCoverageTab detail={current} onAnnounce={onAnnounce} />}
        {tab === 'providers' && <CaseProvidersTab detail={current} onAnnounce={onAnnounce} />}
        {tab === 'documents' && <CaseDocumentsPanel caseId={caseId} />}
        {tab === 'deadlines' && <CaseNoticeDefects caseId={caseId} />}
        {tab === 'deadlines' && <CaseDeadlinesPanel caseId={caseId} onAnnounce={onAnnounce} />}
        {tab === 'evidence' && <CaseEvidencePanel caseId={caseId} onAnnounce={onAnnounce} />}
        {tab === 'treatment-history' && (
          <TreatmentHistoryPanel
            caseId={caseId}
            clientId={current.clientId}
            clientName={current.clientName}
            onAnnounce={onAnnounce}
          />
        )}
        {tab === 'criteria' && <CaseCriteriaTab caseId={caseId} />}
        {tab === 'letters' && <CaseLettersPanel caseId={caseId} />}
        {tab === 'costs' && <CaseCostsTab caseId={caseId} onAnnounce={onAnnounce} />}
        {tab === 'funding' && <CaseFundingTab caseId={caseId} onAnnounce={onAnnounce} />}
        {tab === 'time' && <CaseTimeTab detail={current} onAnnounce={onAnnounce} />}
        {tab === 'coverage' && <CaseResources caseId={caseId} onAnnounce={onAnnounce} />}
      </section>
      <DeleteRecordDialog
        target={deleteTarget}
        onClose={() => setDeleteTarget(null)}
        onDeleted={(message) => {
          onAnnounce(message);
          navigate({ name: 'caseload' });
        }}
      />
      {isEditingDetails && (
        <CaseDetailsDialog detail={current} open onOpenChange={setIsEditingDetails} onSaved={onAnnounce} />
      )}
      <VerificationCallDialog
        caseId={caseId}
        hasCoverage={current.coverageId !== null}
        open={isVerifying}
        onOpenChange={setIsVerifying}
        onSaved={(message) => void afterTimelineStep(message)}
      />
      {isClosing && (
        <CloseCaseDialog
          detail={current}
          open
          onOpenChange={setIsClosing}
          onClosed={(_updated, message) => onAnnounce(message)}
        />
      )}
      <ExportForAttorneyDialog
        caseId={caseId}
        open={isExporting}
        onOpenChange={setIsExporting}
        onAnnounce={onAnnounce}
      />
      <EventFormDialog
        caseId={caseId}
        open={openForm !== null}
        variant={openForm ?? 'any'}
        organization={current.payer}
        stage={current.stage}
        onOpenChange={(isOpen) => setOpenForm(isOpen ? openForm : null)}
        onSaved={(message) => void afterTimelineStep(message)}
      />
    </article>
  );
}
