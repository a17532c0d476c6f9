import type { Kysely } from 'kysely';
import type { EvidenceItemKey, EvidenceStatus } from '../../shared/domain/evidence-checklist';
import type { EvidenceSourceDto } from '../../shared/schemas/treatment-history';
import type { AdvocaseDatabase } from '../db/schema';
import type { EvidenceLinkRow } from '../db/tables/evidence';
import { AppError } from '../errors';
import { describeSources, type SourceReference } from './evidence-sources';
import { judgeChecklist, type JudgedChecklist } from './judge-checklist';

export type CaseEvidence = {
  readonly caseId: number;
  readonly clientId: number;
  readonly diagnosisCodes: readonly string[];
  readonly links: ReadonlyArray<{ readonly row: EvidenceLinkRow; readonly target: EvidenceSourceDto | null }>;
  readonly judged: JudgedChecklist;
};

const live = (source: EvidenceSourceDto | null) => source !== null && !source.isInTrash;

/** Everything the checklist of one case is judged from, read in one go, and the judgement. */
export async function readCaseEvidence(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<CaseEvidence> {
  const found = await db
    .selectFrom('cases')
    .select(['client_id', 'diagnosis_codes'])
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      `There is no case with id ${caseId}. It may have been deleted.`,
      'caseId',
    );
  const [links, statuses, trials, scores] = await Promise.all([
    db
      .selectFrom('evidence_links')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('evidence_item_statuses')
      .select(['item_key', 'status', 'reason'])
      .where('case_id', '=', caseId)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('treatment_trials')
      .select(['kind', 'weeks_at_therapeutic_dose', 'outcome', 'source_document_id', 'source_event_id'])
      .where('client_id', '=', found.client_id)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('symptom_scores')
      .select(['source_document_id', 'source_event_id'])
      .where('client_id', '=', found.client_id)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  const linkTarget = (row: EvidenceLinkRow): SourceReference => ({
    documentId: row.document_id,
    eventId: row.event_id,
  });
  const sourceOf = (row: {
    source_document_id: number | null;
    source_event_id: number | null;
  }): SourceReference => ({
    documentId: row.source_document_id,
    eventId: row.source_event_id,
  });
  const describe = await describeSources(db, [
    ...links.map(linkTarget),
    ...trials.map(sourceOf),
    ...scores.map(sourceOf),
  ]);
  const describedLinks = links.map((row) => ({ row, target: describe(linkTarget(row)) }));
  const judged = judgeChecklist({
    links: describedLinks.map(({ row, target }) => ({ itemKey: row.item_key, isLive: live(target) })),
    manual: new Map<EvidenceItemKey, { status: EvidenceStatus; reason: string | null }>(
      statuses.map((row) => [row.item_key, { status: row.status, reason: row.reason }]),
    ),
    trials: trials.map((row) => ({
      kind: row.kind,
      weeksAtTherapeuticDose: row.weeks_at_therapeutic_dose,
      outcome: row.outcome,
      hasLiveSource: live(describe(sourceOf(row))),
    })),
    scores: scores.map((row) => ({ hasLiveSource: live(describe(sourceOf(row))) })),
  });
  return {
    caseId,
    clientId: found.client_id,
    diagnosisCodes: JSON.parse(found.diagnosis_codes) as string[],
    links: describedLinks,
    judged,
  };
}

/**
 * Recomputes and stores the readiness of these cases (triggers copy it into the caseload). Called
 * inside the transaction of every write that can change it: a link, a status, a trial or score of
 * the client, a document or timeline entry moved to or from the trash, and Undo.
 */
export async function refreshEvidenceReadiness(
  db: Kysely<AdvocaseDatabase>,
  caseIds: Iterable<number>,
): Promise<void> {
  const computedAt = new Date().toISOString();
  for (const caseId of new Set(caseIds)) {
    const isLive = await db
      .selectFrom('cases')
      .select('id')
      .where('id', '=', caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // A case in the trash keeps its last figure; restoring it shows that figure again.
    if (!isLive) continue;
    const { readiness } = (await readCaseEvidence(db, caseId)).judged;
    const summary = {
      readiness_percent: readiness.percent,
      done_count: readiness.done,
      partial_count: readiness.partial,
      applicable_count: readiness.applicable,
      computed_at: computedAt,
    };
    await db
      .insertInto('case_evidence_summaries')
      .values({ case_id: caseId, ...summary })
      .onConflict((conflict) => conflict.column('case_id').doUpdateSet(summary))
      .execute();
  }
}

/** The live cases of these clients: a trial or score of a client counts in every one of their cases. */
export async function casesOfClients(
  db: Kysely<AdvocaseDatabase>,
  clientIds: Iterable<number>,
): Promise<number[]> {
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('client_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** The cases whose checklist links to these documents or timeline entries. */
export async function casesLinkedTo(
  db: Kysely<AdvocaseDatabase>,
  targets: { readonly documentIds: readonly number[]; readonly eventIds: readonly number[] },
): Promise<number[]> {
  const caseIds = new Set<number>();
  const readers = [
    ['document_id', targets.documentIds],
    ['event_id', targets.eventIds],
  ] as const;
  for (const [column, ids] of readers) {
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom('evidence_links')
      .select('case_id')
      .where(column, 'in', [...ids])
      .execute();
    for (const row of rows) caseIds.add(row.case_id);
  }
  // A trial's or score's source in the trash stops counting for every case of its client.
  const clientIds = new Set<number>();
  for (const table of ['treatment_trials', 'symptom_scores'] as const) {
    for (const [column, ids] of [
      ['source_document_id', targets.documentIds],
      ['source_event_id', targets.eventIds],
    ] as const) {
      if (ids.length === 0) continue;
      const rows = await db
        .selectFrom(table)
        .select('client_id')
        .where(column, 'in', [...ids])
        .execute();
      for (const row of rows) clientIds.add(row.client_id);
    }
  }
  for (const caseId of await casesOfClients(db, clientIds)) caseIds.add(caseId);
  return [...caseIds];
}

/**
 * After Undo, the trash or any other write recorded in the audit log: refreshes the readiness of
 * every case a run of `actor`'s audit entries touched (its checklist rows, its client's trials and scores,
 * a linked document or timeline entry).
 */
export async function refreshReadinessTouchedBy(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  firstAuditId: number,
  lastAuditId: number,
): Promise<void> {
  const entries = await db
    .selectFrom('audit_log')
    .select(['table_name', 'row_id', 'before', 'after'])
    .where('actor', '=', actor)
    .where('id', '>=', firstAuditId)
    .where('id', '<=', lastAuditId)
    .where('table_name', 'in', [
      'evidence_links',
      'evidence_item_statuses',
      'treatment_trials',
      'symptom_scores',
      'events',
      'documents',
    ])
    .execute();
  if (entries.length === 0) return;
  const caseIds = new Set<number>();
  const clientIds = new Set<number>();
  const documentIds: number[] = [];
  const eventIds: number[] = [];
  for (const entry of entries) {
    const row = JSON.parse(entry.after ?? entry.before ?? '{}') as { case_id?: number; client_id?: number };
    if (entry.table_name === 'evidence_links' || entry.table_name === 'evidence_item_statuses') {
      if (typeof row.case_id === 'number') caseIds.add(row.case_id);
    } else if (entry.table_name === 'treatment_trials' || entry.table_name === 'symptom_scores') {
      if (typeof row.client_id === 'number') clientIds.add(row.client_id);
    } else if (entry.table_name === 'documents') {
      documentIds.push(entry.row_id);
    } else {
      eventIds.push(entry.row_id);
    }
  }
  for (const caseId of await casesOfClients(db, clientIds)) caseIds.add(caseId);
  for (const caseId of await casesLinkedTo(db, { documentIds, eventIds })) caseIds.add(caseId);
  await refreshEvidenceReadiness(db, caseIds);
}

/**
 * Stores the readiness of new cases that nothing is linked to yet and whose clients have no
 * trials or scores (an import's new clients): the checklist judged once, with no facts, for all.
 */
export async function storeReadinessOfCasesWithNoEvidence(
  db: Kysely<AdvocaseDatabase>,
  caseIds: readonly number[],
): Promise<void> {
  const { readiness } = judgeChecklist({ links: [], manual: new Map(), trials: [], scores: [] });
  const summary = {
    readiness_percent: readiness.percent,
    done_count: readiness.done,
    partial_count: readiness.partial,
    applicable_count: readiness.applicable,
    computed_at: new Date().toISOString(),
  };
  for (let start = 0; start < caseIds.length; start += 1000) {
    await db
      .insertInto('case_evidence_summaries')
      .values(caseIds.slice(start, start + 1000).map((caseId) => ({ case_id: caseId, ...summary })))
      .execute();
  }
}
