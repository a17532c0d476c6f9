import type { Kysely } from 'kysely';
import { isClosedStage } from '../../shared/domain/case-lifecycle';
import { caseStageLabels, type CaseStage } from '../../shared/domain/case-stages';
import { auditedUpdate, definedEntries } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { stageChangeFor } from '../lifecycle/case-stage';
import { changeStageWithTimelineEntry } from '../cases/closing-on-timeline';

export type BulkCaseChanges = { stage?: CaseStage | undefined; assignedAdvocate?: string | null | undefined };

/** How Undo and the history name a bulk change: "Moved 3 cases to Internal appeal 1". */
function describeBulkChange(count: number, changes: BulkCaseChanges): string {
  const cases = `${count.toLocaleString('en-US')} ${count === 1 ? 'case' : 'cases'}`;
  if (changes.stage !== undefined) return `Moved ${cases} to ${caseStageLabels[changes.stage]}`;
  return changes.assignedAdvocate
    ? `Assigned ${cases} to ${changes.assignedAdvocate}`
    : `Unassigned ${cases}`;
}

/**
 * Sets the stage or advocate of many cases in one transaction: all change or none do. Each case
 * gets its own audit entry, so each case's history reads as a single edit would; the whole change
 * is one step for Undo, as the person made it in one click.
 *
 * A closed case keeps its stage when the others move to an open one: reopening clears its outcome
 * and closing date and takes it out of Outcomes and the funder's figures, which the case page asks
 * about one case at a time (docs/case-lifecycle.md), and a tick in a long list is not that answer.
 * `closedLeftClosed` says how many, so the screen can say so.
 */
export function bulkUpdateCases(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseIds: readonly number[],
  changes: BulkCaseChanges,
): Promise<{ updated: number; closedLeftClosed: number }> {
  const unique = [...new Set(caseIds)];
  return asOneEdit(
    db,
    actor,
    'edit',
    async (trx) => {
      const live = await trx
        .selectFrom('cases')
        .select(['id', 'stage', 'closed_on'])
        .where('id', 'in', unique)
        .where('deleted_at', 'is', null)
        .execute();
      if (live.length !== unique.length) {
        const found = new Set(live.map((row) => row.id));
        const missing = unique.find((id) => !found.has(id));
        throw new AppError(
          'NOT_FOUND',
          `Case ${missing} no longer exists (it may have been deleted). Nothing was changed; refresh and try again.`,
          'caseIds',
        );
      }
      const values = definedEntries({ assigned_advocate: changes.assignedAdvocate });
      const wouldReopen = (row: { stage: CaseStage }) =>
        changes.stage !== undefined && isClosedStage(row.stage) && !isClosedStage(changes.stage);
      const changing = live.filter((row) => !wouldReopen(row));
      for (const row of changing) {
        // The same rule as the case page: entering "Closed" closes the case, leaving it reopens.
        const stageColumns =
          changes.stage === undefined || changes.stage === row.stage
            ? {}
            : await stageChangeFor(trx, row, changes.stage, { source: 'hand' });
        // A case closed or reopened says so on its timeline, as from the case page.
        const to = changes.stage ?? row.stage;
        await changeStageWithTimelineEntry(trx, actor, row.id, { from: row.stage, to }, async (write) => {
          await auditedUpdate(
            write,
            actor,
            'cases',
            row.id,
            { ...values, ...stageColumns },
            `Case ${row.id} no longer exists.`,
          );
        });
      }
      return {
        result: { updated: changing.length, closedLeftClosed: live.length - changing.length },
        label: describeBulkChange(changing.length, changes),
      };
    },
    // A new stage moves deadlines, which asOneEdit recomputes for every case changed; an advocate does not.
    { derivedDataStored: changes.stage === undefined },
  );
}
