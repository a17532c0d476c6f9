/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * One case lifecycle. Cases get:
 * - `stage_source`: 'timeline' when the stage follows the timeline's latest step, 'hand' when the
 *   user chose it (a later step then asks before moving it);
 * - `stage_kept_against_event_id`: the step whose suggestion the user declined, so it is not asked again;
 * - `closing_deadlines`: what closing did with the open deadlines, 'untrack' or 'keep'.
 * Two stages join the path ("denied" after "decision", "approved" after "external_review"), so
 * the caseload's stage ranks (0005's triggers) are rebuilt on the new order. A case stored as
 * resolved without a closing date gets the day it was last changed, so Outcomes and the caseload
 * count the same closed cases; its deadlines are untracked, as closing now does by default.
 */

const stageOrder = [
  'intake',
  'benefits_verification',
  'evidence_gathering',
  'prior_auth_submitted',
  'decision',
  'denied',
  'internal_appeal_1',
  'internal_appeal_2',
  'external_review',
  'approved',
  'alternative_funding',
  'resolved',
];
const priorityOrder = ['low', 'normal', 'high', 'urgent'];

const rankOf = (column: string, order: readonly string[]) =>
  `CASE ${column} ${order.map((value, rank) => `WHEN '${value}' THEN ${rank}`).join(' ')} ELSE ${order.length} END`;

const entryColumns =
  'case_id, client_id, client_name, treatment, treatment_detail, payer, plan_type, stage, stage_rank, priority, priority_rank, is_urgent, assigned_advocate, opened_on, updated_at, quick_filter_text';

const entryRows = (where: string) => `
  SELECT c.id, c.client_id, cl.full_name, c.treatment, c.treatment_detail, coalesce(cv.payer, c.payer), cv.plan_type,
         c.stage, ${rankOf('c.stage', stageOrder)}, c.priority, ${rankOf('c.priority', priorityOrder)},
         c.is_urgent, c.assigned_advocate, c.opened_on, c.updated_at,
         concat_ws(' ', cl.full_name, coalesce(cv.payer, c.payer), c.assigned_advocate, c.treatment_detail)
  FROM cases c
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN coverages cv ON cv.id = c.coverage_id
  WHERE c.deleted_at IS NULL AND cl.deleted_at IS NULL AND (${where})`;

const refresh = (deleteWhere: string, where: string) => `
  DELETE FROM caseload_entries WHERE ${deleteWhere};
  INSERT INTO caseload_entries (${entryColumns}) ${entryRows(where)};`;

const triggers: ReadonlyArray<readonly [name: string, definition: string]> = [
  [
    'caseload_cases_insert',
    `AFTER INSERT ON cases BEGIN ${refresh('case_id = new.id', 'c.id = new.id')} END`,
  ],
  [
    'caseload_cases_update',
    `AFTER UPDATE ON cases BEGIN ${refresh('case_id IN (old.id, new.id)', 'c.id = new.id')} END`,
  ],
  [
    'caseload_clients_update',
    `AFTER UPDATE OF full_name, deleted_at ON clients BEGIN ${refresh('client_id = new.id', 'c.client_id = new.id')} END`,
  ],
  [
    'caseload_coverages_update',
    `AFTER UPDATE OF payer, plan_type ON coverages BEGIN
       ${refresh('case_id IN (SELECT id FROM cases WHERE coverage_id = new.id)', 'c.coverage_id = new.id')} END`,
  ],
  [
    'caseload_coverages_delete',
    `AFTER DELETE ON coverages BEGIN
       ${refresh('case_id IN (SELECT id FROM cases WHERE coverage_id = old.id)', 'c.coverage_id = old.id')} END`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('stage_source', 'text', (column) => column.notNull().defaultTo('hand'))
    .execute();
  await db.schema.alterTable('cases').addColumn('stage_kept_against_event_id', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('closing_deadlines', 'text').execute();
  for (const [name, definition] of triggers) {
    await sql.raw(`DROP TRIGGER ${name}`).execute(db);
    await sql.raw(`CREATE TRIGGER ${name} ${definition}`).execute(db);
  }
  await sql.raw(`UPDATE caseload_entries SET stage_rank = ${rankOf('stage', stageOrder)}`).execute(db);
  await sql
    .raw(
      `UPDATE cases SET closed_on = coalesce(closed_on, substr(updated_at, 1, 10)), closing_deadlines = 'untrack'
       WHERE stage = 'resolved'`,
    )
    .execute(db);
  // Closed cases and overdue ones are judged again on the new definitions at the next unlock (an
  // empty zone never matches the user's, which is what the unlock refresh looks for).
  await sql
    .raw(
      `UPDATE case_deadline_summaries SET as_of = '0000-00-00', time_zone = ''
       WHERE overdue_count > 0 OR case_id IN (SELECT id FROM cases WHERE stage = 'resolved')`,
    )
    .execute(db);
}
