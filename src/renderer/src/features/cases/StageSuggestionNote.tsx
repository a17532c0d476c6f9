import { useMutation } from '@tanstack/react-query';
import { describeStageSuggestion } from '@shared/domain/case-lifecycle';
import { caseStageLabels, type CaseStage } from '@shared/domain/case-stages';
import { timelineEventTypeLabels } from '@shared/domain/timeline-event-types';
import type { StageSuggestion } from '@shared/schemas/cases';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { formatInstant } from '../../lib/format-date';
import styles from './CasePage.module.css';
import { refreshCaseViews } from './refresh-case-views';

type Props = {
  readonly caseId: number;
  readonly currentStage: CaseStage;
  readonly suggestion: StageSuggestion;
  readonly onAnnounce: (message: string) => void;
};

/**
 * A stage set by hand (or a closed case) is not moved by a later step without asking, and a step
 * dated before one already recorded leaves the stage (shared/domain/case-lifecycle.ts): the note
 * says why; the user moves it, or keeps it and is not asked again for that step.
 */
export function StageSuggestionNote({ caseId, currentStage, suggestion, onAnnounce }: Props) {
  const move = useMutation({
    mutationFn: () =>
      callApi('cases.update', { caseId, changes: { stage: suggestion.stage, stageFollowsTimeline: true } }),
    onSuccess: async (updated) => {
      await refreshCaseViews(caseId);
      onAnnounce(`Stage changed to ${caseStageLabels[updated.stage]}; it now follows the timeline.`);
    },
  });
  const keep = useMutation({
    mutationFn: () => callApi('cases.keepStage', { caseId, eventId: suggestion.eventId }),
    onSuccess: async () => {
      await refreshCaseViews(caseId);
      onAnnounce(`Stage kept at ${caseStageLabels[currentStage]}.`);
    },
  });
  const isBusy = move.isPending || keep.isPending;
  return (
    <div className={styles.suggestion} role="note" aria-label="Stage">
      <p>
        {describeStageSuggestion({
          reason: suggestion.reason,
          current: currentStage,
          suggested: suggestion.stage,
          eventLabel: timelineEventTypeLabels[suggestion.eventType],
          occurredOn: formatInstant(suggestion.occurredAt),
          laterStep: suggestion.laterStep && {
            eventLabel: timelineEventTypeLabels[suggestion.laterStep.eventType],
            occurredOn: formatInstant(suggestion.laterStep.occurredAt),
          },
        })}
      </p>
      <Button variant="primary" disabled={isBusy} onClick={() => move.mutate()}>
        Move to {caseStageLabels[suggestion.stage]}
      </Button>
      <Button disabled={isBusy} onClick={() => keep.mutate()}>
        Keep {caseStageLabels[currentStage]}
      </Button>
    </div>
  );
}
