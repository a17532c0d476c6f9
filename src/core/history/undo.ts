import type { Kysely } from 'kysely';
import type { RecentEdit, UndoOutput } from '../../shared/schemas/history';
import { auditedDelete } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { AuditEntryRow } from '../db/tables/audit-log';
import { AppError } from '../errors';
import { changedFields, describeAuditEntry, type AuditedRow } from './describe-edit';
import { asOneEdit } from './edit-groups';

/** Tables whose rows carry deleted_at: undoing their addition moves them to the trash. */
const trashableTables = [
  'clients',
  'cases',
  'events',
  // The evidence rows (migration 0040): removing one sets deleted_at, so Undo can put it back.
  'treatment_trials',
  'symptom_scores',
  'case_clinical_facts',
  'evidence_links',
  'evidence_item_statuses',
  'time_entries',
  'resources',
  'resource_cases',
  // A denial notice read into a case (migration 0095): undoing the recording moves it to the trash.
  'case_denial_notices',
] as const;
/** Tables without a trash: undoing an addition removes the row, unless a case still uses it. */
const removableTables = [
  'tasks',
  'authorizations',
  'coverages',
  'providers',
  'case_cost_estimates',
  'plan_comparisons',
  'candidate_plans',
  'funding_options',
  'funding_dismissals',
  'parallel_track_notes',
  'invoices',
  'client_rates',
  // A deadline's own dates and marks (migration 0030): an override, or "done" from the Agenda.
  'deadline_adjustments',
] as const;
const undoableTables: readonly string[] = [...trashableTables, ...removableTables];

type RowTable = (typeof trashableTables)[number] | (typeof removableTables)[number];
// Kysely cannot follow a table name chosen at run time; the casts stay in this module.
type LooseDatabase = Kysely<Record<string, Record<string, unknown>>>;

/** One step of Undo: audit entries written together, newest first. */
type Edit = {
  readonly label: string;
  readonly at: string;
  readonly entries: AuditEntryRow[];
  readonly groupId: number | null;
};

/** An actor's newest audit entries since `since` that are neither undone nor written by an undo. */
async function undoableEntries(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  limit: number,
  since: string,
): Promise<AuditEntryRow[]> {
  return db
    .selectFrom('audit_log as a')
    .selectAll('a')
    .where('a.actor', '=', actor)
    .where('a.at', '>=', since)
    .where('a.table_name', 'in', undoableTables)
    .where('a.action', 'in', ['insert', 'update'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('edit_groups as g')
            .select('g.id')
            .whereRef('g.actor', '=', 'a.actor')
            .whereRef('g.last_audit_id', '>=', 'a.id')
            .whereRef('g.first_audit_id', '<=', 'a.id')
            .where((eb) => eb.or([eb('g.kind', '=', 'undo'), eb('g.undone_at', 'is not', null)])),
        ),
      ),
    )
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** Gathers the newest entries into edits as the user made them: a recorded group, or one entry (with the task a call created). */
async function recentUndoableEdits(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  count: number,
  since: string,
): Promise<Edit[]> {
  const entries = await undoableEntries(db, actor, count * 8 + 8, since);
  const edits: Edit[] = [];
  const used = new Set<number>();
  for (const [index, entry] of entries.entries()) {
    if (edits.length === count) break;
    if (used.has(entry.id)) continue;
    const group = await db
      .selectFrom('edit_groups')
      .selectAll()
      .where('actor', '=', actor)
      .where('kind', '=', 'edit')
      .where('first_audit_id', '<=', entry.id)
      .where('last_audit_id', '>=', entry.id)
      // Groups nest (a bulk change holds each case's closing): the outermost is the step the person made.
      .orderBy('first_audit_id')
      .orderBy('last_audit_id', 'desc')
      .executeTakeFirst();
    if (group) {
      const members = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('actor', '=', actor)
        .where('id', '>=', group.first_audit_id)
        .where('id', '<=', group.last_audit_id)
        .orderBy('id', 'desc')
        .execute();
      members.forEach((member) => used.add(member.id));
      edits.push({ label: group.label, at: group.at, entries: members, groupId: group.id });
      continue;
    }
    used.add(entry.id);
    const previous = entries[index + 1];
    // A call's follow-up promise becomes a task written just after the call: one edit for the user.
    // The call is this person's entry just before it; on a team database a colleague's entry may
    // have taken the id in between (writers go side by side), so the task names its call instead.
    const isCallWithItsTask =
      entry.table_name === 'tasks' &&
      entry.action === 'insert' &&
      previous !== undefined &&
      previous.table_name === 'events' &&
      previous.action === 'insert' &&
      (JSON.parse(entry.after ?? '{}') as AuditedRow).source_event_id === previous.row_id;
    if (isCallWithItsTask) {
      used.add(previous.id);
      edits.push({
        label: describeAuditEntry(previous),
        at: previous.at,
        entries: [entry, previous],
        groupId: null,
      });
    } else {
      edits.push({ label: describeAuditEntry(entry), at: entry.at, entries: [entry], groupId: null });
    }
  }
  return edits;
}

/**
 * `since` bounds how far back Undo reaches: the app passes the moment of the current unlock, so
 * Ctrl+Z never takes back, unseen, something done on another day or in another window.
 */
export async function listRecentEdits(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  limit: number,
  since = '',
): Promise<RecentEdit[]> {
  return (await recentUndoableEdits(db, actor, limit, since)).map(({ label, at }) => ({ label, at }));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function currentRow(db: LooseDatabase, table: string, id: number): Promise<AuditedRow | undefined> {
  return db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
}

async function writeRow(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  table: RowTable,
  id: number,
  current: AuditedRow,
  changes: AuditedRow,
): Promise<void> {
  const loose = db as unknown as LooseDatabase;
  const stamped = 'updated_at' in current ? { ...changes, updated_at: new Date().toISOString() } : changes;
  const after = await loose
    .updateTable(table)
    .set(stamped)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEntry(db, {
    actor,
    tableName: table,
    rowId: id,
    action: 'update',
    before: current,
    after,
  });
}

/** Reverts one audit entry; refuses when the row changed again since, rather than overwrite that. */
async function revertEntry(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  entry: AuditEntryRow,
  edit: Edit,
): Promise<void> {
  const label = edit.label;
  const table = entry.table_name as RowTable;
  const loose = db as unknown as LooseDatabase;
  const current = await currentRow(loose, table, entry.row_id);
  if (!current) {
    throw new AppError(
      'NOT_FOUND',
      `"${label}" cannot be undone: that record has since been deleted for good.`,
    );
  }
  if (entry.action === 'insert') {
    if ((trashableTables as readonly string[]).includes(table)) {
      if (current.deleted_at) return;
      const now = new Date().toISOString();
      if (table === 'clients') {
        // Like deleting the client: their cases go to the trash with them, restored with them.
        const cases = await db
          .selectFrom('cases')
          .selectAll()
          .where('client_id', '=', entry.row_id)
          .where('deleted_at', 'is', null)
          .execute();
        for (const row of cases) await writeRow(db, actor, 'cases', row.id, row, { deleted_at: now });
      }
      await writeRow(db, actor, table, entry.row_id, current, { deleted_at: now });
      return;
    }
    // A coverage or task added together with its client or case (an import) stays with it in the
    // trash, so that restoring the client brings everything back.
    const parent =
      'case_id' in current
        ? { table: 'cases', id: current.case_id }
        : { table: 'clients', id: current.client_id };
    const isParentAddedInSameEdit = edit.entries.some(
      (other) => other.action === 'insert' && other.table_name === parent.table && other.row_id === parent.id,
    );
    if (isParentAddedInSameEdit) return;
    const usedBy =
      table === 'coverages' || table === 'providers'
        ? await db
            .selectFrom('cases')
            .select('id')
            .where(table === 'coverages' ? 'coverage_id' : 'provider_id', '=', entry.row_id)
            .executeTakeFirst()
        : undefined;
    if (usedBy) {
      throw new AppError(
        'INVALID_INPUT',
        `"${label}" cannot be undone: a case uses it. Choose another ${table === 'coverages' ? 'coverage' : 'provider'} for that case first.`,
      );
    }
    await auditedDelete(db, actor, table, entry.row_id, current);
    return;
  }
  const before = JSON.parse(entry.before ?? '{}') as AuditedRow;
  const after = JSON.parse(entry.after ?? '{}') as AuditedRow;
  const fields = changedFields(before, after);
  if (fields.some((field) => !sameValue(current[field], after[field]))) {
    throw new AppError(
      'INVALID_INPUT',
      `"${label}" cannot be undone: the record has been changed again since. Change it back by hand.`,
    );
  }
  if (fields.length === 0) return;
  await writeRow(
    db,
    actor,
    table,
    entry.row_id,
    current,
    Object.fromEntries(fields.map((field) => [field, before[field] ?? null])),
  );
}

/**
 * Reverts the actor's `count` most recent edits, newest first, all or nothing, in one transaction.
 * The reverting writes are audited like any edit and recorded as an undo, so the next undo goes
 * further back instead of redoing.
 */
export function undoRecentEdits(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  count: number,
  since = '',
): Promise<UndoOutput> {
  return asOneEdit(db, actor, 'undo', async (trx) => {
    const edits = await recentUndoableEdits(trx, actor, count, since);
    if (edits.length === 0) {
      return {
        result: {
          undone: [],
          message: 'Nothing to undo: you have made no changes since you unlocked Advocase.',
        },
        label: 'Nothing undone',
      };
    }
    const now = new Date().toISOString();
    for (const edit of edits) {
      for (const entry of edit.entries) await revertEntry(trx, actor, entry, edit);
      if (edit.groupId !== null) {
        await trx.updateTable('edit_groups').set({ undone_at: now }).where('id', '=', edit.groupId).execute();
      } else {
        const ids = edit.entries.map((entry) => entry.id);
        await trx
          .insertInto('edit_groups')
          .values({
            actor,
            at: edit.at,
            kind: 'edit',
            label: edit.label,
            first_audit_id: Math.min(...ids),
            last_audit_id: Math.max(...ids),
            undone_at: now,
          })
          .execute();
      }
    }
    const undone = edits.map(({ label, at }) => ({ label, at }));
    const message =
      undone.length === 1
        ? `Undone: ${undone[0]!.label}.`
        : `Undid ${undone.length} edits, back to: ${undone.at(-1)!.label}.`;
    return { result: { undone, message }, label: `Undo: ${undone.map((edit) => edit.label).join('; ')}` };
  });
}
