import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import { evidenceItems, evidenceStatusLabels } from '../../shared/domain/evidence-checklist';
import type { EvidenceChecklist, EvidenceLinkDto } from '../../shared/schemas/evidence';
import { auditedUpdate } from '../db/audited-update';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { assertSourceInScope, describeSources } from './evidence-sources';
import { readCaseEvidence } from './evidence-readiness';

/** A case's checklist as the Evidence tab shows it. */
export async function getEvidenceChecklist(
  db: Kysely<AdvocaseDatabase>,
  caseId: number,
): Promise<EvidenceChecklist> {
  const evidence = await readCaseEvidence(db, caseId);
  return {
    caseId,
    readiness: evidence.judged.readiness,
    diagnosisCodes: [...evidence.diagnosisCodes],
    items: evidence.judged.items.map((item) => ({
      ...item,
      label: evidenceItems[item.key].label,
      hint: evidenceItems[item.key].hint,
      links: evidence.links.flatMap(({ row, target }) =>
        row.item_key === item.key && target
          ? [{ id: row.id, itemKey: row.item_key, target, note: row.note }]
          : [],
      ),
    })),
  };
}

async function clientOfLiveCase(db: Kysely<AdvocaseDatabase>, caseId: number): Promise<number> {
  const found = await db
    .selectFrom('cases')
    .select('client_id')
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      `There is no case with id ${caseId}. It may have been deleted.`,
      'caseId',
    );
  return found.client_id;
}

export function linkEvidence(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'evidence.link'>,
): Promise<EvidenceLinkDto> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const clientId = await clientOfLiveCase(trx, input.caseId);
    const reference = { documentId: input.documentId, eventId: input.eventId };
    await assertSourceInScope(
      trx,
      reference,
      { kind: 'case', caseId: input.caseId, clientId },
      {
        document: 'documentId',
        event: 'eventId',
      },
    );
    const duplicate = await trx
      .selectFrom('evidence_links')
      .select('id')
      .where('case_id', '=', input.caseId)
      .where('item_key', '=', input.itemKey)
      .where('deleted_at', 'is', null)
      .where(input.documentId !== null ? 'document_id' : 'event_id', '=', input.documentId ?? input.eventId)
      .executeTakeFirst();
    const itemLabel = evidenceItems[input.itemKey].label;
    if (duplicate) {
      throw new AppError(
        'INVALID_INPUT',
        `That is already linked to “${itemLabel}”.`,
        input.documentId !== null ? 'documentId' : 'eventId',
      );
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('evidence_links')
      .values({
        case_id: input.caseId,
        item_key: input.itemKey,
        document_id: input.documentId,
        event_id: input.eventId,
        note: input.note,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'evidence_links',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    const target = (await describeSources(trx, [reference]))(reference)!;
    return {
      result: { id: row.id, itemKey: row.item_key, target, note: row.note },
      label: `Linked ${target.label} to “${itemLabel}”`,
    };
  });
}

export async function unlinkEvidence(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  linkId: number,
): Promise<EvidenceChecklist> {
  const caseId = await asOneEdit(db, actor, 'edit', async (trx) => {
    const link = await trx
      .selectFrom('evidence_links')
      .select(['case_id', 'item_key'])
      .where('id', '=', linkId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!link)
      throw new AppError(
        'NOT_FOUND',
        `There is no link with id ${linkId}. It may have been removed.`,
        'linkId',
      );
    await auditedUpdate(
      trx,
      actor,
      'evidence_links',
      linkId,
      { deleted_at: new Date().toISOString() },
      'Not found.',
    );
    return { result: link.case_id, label: `Unlinked a record from “${evidenceItems[link.item_key].label}”` };
  });
  return getEvidenceChecklist(db, caseId);
}

export async function setEvidenceItemStatus(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'evidence.setStatus'>,
): Promise<EvidenceChecklist> {
  await asOneEdit(db, actor, 'edit', async (trx) => {
    await clientOfLiveCase(trx, input.caseId);
    const itemLabel = evidenceItems[input.itemKey].label;
    const existing = await trx
      .selectFrom('evidence_item_statuses')
      .select(['id', 'deleted_at'])
      .where('case_id', '=', input.caseId)
      .where('item_key', '=', input.itemKey)
      .executeTakeFirst();
    const now = new Date().toISOString();
    if (input.status === 'automatic') {
      if (existing && existing.deleted_at === null) {
        await auditedUpdate(
          trx,
          actor,
          'evidence_item_statuses',
          existing.id,
          { deleted_at: now },
          'Not found.',
        );
      }
      return { result: null, label: `Set “${itemLabel}” back to automatic` };
    }
    const changes = { status: input.status, reason: input.reason, deleted_at: null };
    if (existing) {
      await auditedUpdate(trx, actor, 'evidence_item_statuses', existing.id, changes, 'Not found.');
    } else {
      const row = await trx
        .insertInto('evidence_item_statuses')
        .values({
          case_id: input.caseId,
          item_key: input.itemKey,
          ...changes,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEntry(trx, {
        actor,
        tableName: 'evidence_item_statuses',
        rowId: row.id,
        action: 'insert',
        before: null,
        after: row,
      });
    }
    return {
      result: null,
      label: `Marked “${itemLabel}” ${evidenceStatusLabels[input.status].toLowerCase()}`,
    };
  });
  return getEvidenceChecklist(db, input.caseId);
}
