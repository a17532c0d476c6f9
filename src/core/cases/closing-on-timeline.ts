import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { isClosedStage } from '../../shared/domain/case-lifecycle';
import { caseOutcomeLabels, caseStageLabels, type CaseStage } from '../../shared/domain/case-stages';
import { dayOnlyInstant } from '../../shared/domain/day-only-events';
import { formatCents } from '../../shared/domain/money';
import { localToday } from '../../shared/schemas/fields';
import type { AdvocaseDatabase } from '../db/schema';
import { addTimelineEvent } from '../events/events-service';
import { asOneEdit } from '../history/edit-groups';

type Db = Kysely<AdvocaseDatabase>;

/**
 * Closing and reopening change a case's stage as a payer decision or an appeal does, and those
 * are on its timeline; these entries put the closing there too, in the Close case dialog's words
 * (the outcome's label from "How did it end?", "Saved for the client"). Notes, as the handover and
 * the close-outs of tasks write them: nothing that moves the stage again.
 */
export async function noteClosingOnTimeline(db: Db, actor: string, caseId: number): Promise<void> {
  const closed = await db
    .selectFrom('cases')
    .select(['outcome', 'saved_cents', 'closed_on'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const how = closed.outcome
    ? `Case closed as ${caseOutcomeLabels[closed.outcome]}.`
    : 'Case closed (outcome not recorded).';
  const now = new Date();
  // Closed on an earlier day ("Closed on" in the dialog): the entry sits on that day.
  const closedOn = closed.closed_on ?? localToday(now);
  await addTimelineEvent(db, actor, caseId, {
    type: 'note',
    occurredAt: closedOn === localToday(now) ? now.toISOString() : dayOnlyInstant(closedOn),
    summary:
      closed.saved_cents === null ? how : `${how} Saved for the client: ${formatCents(closed.saved_cents)}.`,
    details: {},
  });
}

async function noteReopeningOnTimeline(
  db: Db,
  actor: string,
  caseId: number,
  stage: CaseStage,
): Promise<void> {
  await addTimelineEvent(db, actor, caseId, {
    type: 'note',
    occurredAt: new Date().toISOString(),
    summary: `Case reopened: stage set to ${caseStageLabels[stage]}.`,
    details: {},
  });
}

/**
 * Runs `write`, a change of the case's stage from `from` to `to` (by hand, or in a bulk change):
 * when it closes or reopens the case, its entry goes on the timeline, and both are one step for
 * Undo. Close case writes its own entry (cases-service.ts), with the close-outs in the same step.
 */
export async function changeStageWithTimelineEntry(
  db: Db,
  actor: string,
  caseId: number,
  { from, to }: { readonly from: CaseStage; readonly to: CaseStage },
  write: (db: Db) => Promise<void>,
): Promise<void> {
  const isReopening = isClosedStage(from) && !isClosedStage(to);
  const isClosing = !isClosedStage(from) && isClosedStage(to);
  if (!isReopening && !isClosing) return write(db);
  await asOneEdit(db, actor, 'edit', async (trx) => {
    await write(trx);
    if (isReopening) await noteReopeningOnTimeline(trx, actor, caseId, to);
    else await noteClosingOnTimeline(trx, actor, caseId);
    return {
      result: undefined,
      label: isReopening
        ? `Reopened ${formatCaseNumber(caseId)}: stage set to ${caseStageLabels[to]}`
        : `Closed ${formatCaseNumber(caseId)}`,
    };
  });
}
