import type { Kysely } from 'kysely';
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
 */
export function bulkUpdateCases(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  caseIds: readonly number[],
  changes: BulkCaseChanges,
): Promise<{ updated: number }> {
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
      for (const row of live) {
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
      return { result: { updated: unique.length }, label: describeBulkChange(unique.length, changes) };
    },
    // A new stage moves deadlines, which asOneEdit recomputes for every case changed; an advocate does not.
    { derivedDataStored: changes.stage === undefined },
  );
}
