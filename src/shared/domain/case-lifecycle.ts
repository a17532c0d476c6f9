import { caseStageLabels, type CaseStage } from './case-stages';
import type { TimelineEventType } from './timeline-event-types';

/**
 * One case lifecycle, the single source every screen reads (case page, caseload, deadlines,
 * Agenda, reminders, saved views, Outcomes), so "closed", "overdue", "met" and "missed" mean the
 * same thing everywhere.
 *
 * - **Closed** (the stored word is "resolved"): the case's stage is a closed stage. Closing asks for
 *   the outcome and sets the closing date; reopening (any other stage) clears it. Outcomes counts
 *   a case as closed by that date, the caseload by that stage: they are the same cases.
 * - **Overdue**: a deadline still waiting for someone on an open case whose date has passed. A
 *   closed case never has one: its passed or untracked deadlines are "no longer tracked".
 * - **Met**: answered or marked done on or before the date that counts (the override if any).
 * - **Missed**: the date passed while the case was open and nothing answered it by then (answered
 *   late counts as missed). A deadline not tracked because the case closed is neither.
 */

/** Stages that mean the case is over. */
export const closedStages: readonly CaseStage[] = ['resolved'];

export function isClosedStage(stage: CaseStage): boolean {
  return closedStages.includes(stage);
}

/** What closing a case does with its deadlines still open: untrack them (the default) or keep them. */
export const closingDeadlineChoices = ['untrack', 'keep'] as const;
export type ClosingDeadlineChoice = (typeof closingDeadlineChoices)[number];

export const closingDeadlineChoiceLabels: Readonly<Record<ClosingDeadlineChoice, string>> = {
  untrack: 'Stop tracking: off the Agenda, never overdue',
  keep: 'Keep on the Agenda until the date passes (for example a re-authorization still to request)',
};

/** A timeline entry as far as the lifecycle reads it. */
export type LifecycleEvent = {
  readonly type: TimelineEventType;
  readonly details: Readonly<Record<string, unknown>>;
};

/**
 * The stage a case is in once this entry is its latest step, or null when the entry does not move
 * the stage (a note, an ordinary call, an EOB…). A benefits verification call (a call with the
 * verification answers) leaves the case gathering evidence; a decision moves it to Approved or
 * Denied whatever the level, so an upheld appeal reads "Denied" with its next window on the
 * Deadlines tab.
 */
export function stageAfterEvent(event: LifecycleEvent): CaseStage | null {
  switch (event.type) {
    case 'phone_call':
      return Array.isArray(event.details['answers']) && event.details['answers'].length > 0
        ? 'evidence_gathering'
        : null;
    case 'prior_auth_submitted':
      return 'prior_auth_submitted';
    case 'payer_decision':
      return event.details['decision'] === 'denied' ? 'denied' : 'approved';
    case 'appeal_filed':
      return Number(event.details['level']) >= 2 ? 'internal_appeal_2' : 'internal_appeal_1';
    case 'external_review_requested':
      return 'external_review';
    default:
      return null;
  }
}

/**
 * Which review a payer decision recorded now most likely answers: the one the case's stage says
 * is waiting (an appeal level, the external review), else the initial request. A decision form
 * starts on it, so an appeal's answer is not filed as the initial request's by a form left as it
 * opened (which would count it among the initial decisions on Outcomes).
 */
export function decisionLevelAwaited(stage: CaseStage): 0 | 1 | 2 | 3 {
  switch (stage) {
    case 'internal_appeal_1':
      return 1;
    case 'internal_appeal_2':
      return 2;
    case 'external_review':
      return 3;
    default:
      return 0;
  }
}

/** The timeline entry types that can move a stage: the ones worth reading to find the latest step. */
export const stageMovingEventTypes: readonly TimelineEventType[] = [
  'phone_call',
  'prior_auth_submitted',
  'payer_decision',
  'appeal_filed',
  'external_review_requested',
];

/** Who decided the current stage: the timeline (moves with each step) or the user (stays until asked). */
export const stageSources = ['timeline', 'hand'] as const;
export type StageSource = (typeof stageSources)[number];

/**
 * Why the case page asks before following the timeline: a stage set by hand, a closed case, or a
 * step recorded last that is dated before a step already on the timeline ("older"): the stage
 * follows the latest step by date, so a request logged with today's date holds the stage against
 * an older notice read afterwards, and the page says so and offers the move.
 */
export const stageSuggestionReasons = ['hand', 'closed', 'older'] as const;
export type StageSuggestionReason = (typeof stageSuggestionReasons)[number];

/** The note the case page shows when a newer step points elsewhere than the stage the user chose. */
export function describeStageSuggestion(input: {
  readonly reason: StageSuggestionReason;
  readonly current: CaseStage;
  readonly suggested: CaseStage;
  /** "Payer decision", as the timeline names the entry. */
  readonly eventLabel: string;
  /** When it happened, already in the user's words ("Oct 17, 2026"). */
  readonly occurredOn: string;
  /** For "older": the later-dated step holding the stage, named and dated in the user's words. */
  readonly laterStep?: { readonly eventLabel: string; readonly occurredOn: string } | null;
}): string {
  if (input.reason === 'older' && input.laterStep) {
    return (
      `The stage stays at ${caseStageLabels[input.current]} because the ${input.eventLabel.toLowerCase()} (${input.occurredOn}) ` +
      `is dated before the ${input.laterStep.eventLabel.toLowerCase()} on ${input.laterStep.occurredOn}: the stage follows the latest step by date. ` +
      `If the ${input.laterStep.eventLabel.toLowerCase()} happened earlier, move the stage to ${caseStageLabels[input.suggested]}.`
    );
  }
  const why =
    input.reason === 'closed'
      ? 'This case is closed'
      : `You set the stage to ${caseStageLabels[input.current]}`;
  return `${why}. The ${input.eventLabel.toLowerCase()} recorded since (${input.occurredOn}) would make it ${caseStageLabels[input.suggested]}.`;
}

/** How a deadline stands for Outcomes and the Agenda, on the definitions above. */
export type DeadlineStanding = 'met' | 'missed' | 'open' | 'not-tracked';

export function judgeDeadlineStanding(input: {
  /** The date that counts: the override if any, else the computed date. */
  readonly dueOn: string;
  /** When it was answered or marked done, as calendar days; empty when not. */
  readonly answeredOn: readonly string[];
  /** The stored status already says met (the engine saw the answer in time). */
  readonly isMet: boolean;
  /** Stored as no longer tracked (the case closed before or without it). */
  readonly isNotTracked: boolean;
  readonly today: string;
}): DeadlineStanding {
  if (input.isMet || input.answeredOn.some((date) => date <= input.dueOn)) return 'met';
  if (input.isNotTracked) return 'not-tracked';
  if (input.answeredOn.length > 0 || input.dueOn < input.today) return 'missed';
  return 'open';
}
