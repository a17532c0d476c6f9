import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import { clinicalFactKeys, clinicalFactLabels } from '../../shared/domain/treatment-history';
import type { ClinicalFactDto } from '../../shared/schemas/evidence';
import { auditedUpdate } from '../db/audited-update';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { CaseClinicalFactRow } from '../db/tables/evidence';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { assertSourceInScope, describeSources } from './evidence-sources';

/** The recorded facts of a case (live rows only), in the order of the fact keys; a key with no row is unknown. */
export async function recordedClinicalFacts(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<CaseClinicalFactRow[]> {
  const rows = await db
    .selectFrom('case_clinical_facts')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .execute();
  const rank = (row: CaseClinicalFactRow) => clinicalFactKeys.indexOf(row.fact_key);
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** Every fact key with its answer: the ones not recorded read as unknown, so the form lists them all. */
export async function listClinicalFacts(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<ClinicalFactDto[]> {
  const found = await db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      `There is no case with id ${caseId}. It may have been deleted.`,
      'caseId',
    );
  const rows = await recordedClinicalFacts(db, caseId);
  const byKey = new Map(rows.map((row) => [row.fact_key, row]));
  const describe = await describeSources(
    db,
    rows.map((row) => ({ documentId: row.source_document_id, eventId: row.source_event_id })),
  );
  return clinicalFactKeys.map((key) => {
    const row = byKey.get(key);
    return {
      key,
      label: clinicalFactLabels[key],
      answer: row?.answer ?? 'unknown',
      source: row ? describe({ documentId: row.source_document_id, eventId: row.source_event_id }) : null,
      note: row?.note ?? null,
    };
  });
}

export async function setClinicalFact(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'clinicalFacts.set'>,
): Promise<ClinicalFactDto> {
  await asOneEdit(db, actor, 'edit', async (trx) => {
    const found = await trx
      .selectFrom('cases')
      .select('client_id')
      .where('id', '=', input.caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found)
      throw new AppError(
        'NOT_FOUND',
        `There is no case with id ${input.caseId}. It may have been deleted.`,
        'caseId',
      );
    await assertSourceInScope(
      trx,
      { documentId: input.sourceDocumentId, eventId: input.sourceEventId },
      { kind: 'case', caseId: input.caseId, clientId: found.client_id },
      { document: 'sourceDocumentId', event: 'sourceEventId' },
    );
    const changes = {
      answer: input.answer,
      source_document_id: input.sourceDocumentId,
      source_event_id: input.sourceEventId,
      note: input.note,
      deleted_at: null,
    };
    const existing = await trx
      .selectFrom('case_clinical_facts')
      .select('id')
      .where('case_id', '=', input.caseId)
      .where('fact_key', '=', input.key)
      .executeTakeFirst();
    if (existing) {
      await auditedUpdate(trx, actor, 'case_clinical_facts', existing.id, changes, 'Not found.');
    } else {
      const now = new Date().toISOString();
      const row = await trx
        .insertInto('case_clinical_facts')
        .values({ case_id: input.caseId, fact_key: input.key, ...changes, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEntry(trx, {
        actor,
        tableName: 'case_clinical_facts',
        rowId: row.id,
        action: 'insert',
        before: null,
        after: row,
      });
    }
    return { result: null, label: `Recorded “${clinicalFactLabels[input.key]}”: ${input.answer}` };
  });
  const facts = await listClinicalFacts(db, input.caseId);
  return facts.find((fact) => fact.key === input.key)!;
}
