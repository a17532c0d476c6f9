import type { Kysely } from 'kysely';
import type { LetterDocument } from '../../shared/domain/letter-document';
import type { LetterDeliveryMethod, LetterStatus } from '../../shared/domain/letter-kinds';
import { findUnfilledPrompts } from '../../shared/domain/letter-prompts';
import type { Letter, LetterSummary } from '../../shared/schemas/letters';
import { auditedUpdate, definedEntries } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { LetterRow } from '../db/tables/letters';
import { AppError } from '../errors';
import { assertCaseExists } from '../events/events-service';
import { fillLetterTemplate } from './fill-letter-template';
import { getLetterTemplate } from './letter-templates-service';
import { loadLetterContext, type ClinicalSources } from './load-letter-context';

type Db = Kysely<AdvocaseDatabase>;

const missingLetter = (letterId: number) =>
  `There is no letter with id ${letterId}. It may have been deleted.`;

function toSummary(row: LetterRow, unfilledCount: number): LetterSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    templateId: row.template_id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    sentOn: row.sent_on,
    sentVia: row.sent_via,
    unfilledCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toLetter(row: LetterRow): Letter {
  const body = JSON.parse(row.body) as LetterDocument;
  const unfilledPrompts = findUnfilledPrompts(body);
  return {
    ...toSummary(row, unfilledPrompts.length),
    body,
    enclosureDocumentIds: JSON.parse(row.enclosure_document_ids) as number[],
    unfilledPrompts,
  };
}

async function letterRow(db: Db, letterId: number): Promise<LetterRow> {
  const row = await db
    .selectFrom('letters')
    .selectAll()
    .where('id', '=', letterId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', missingLetter(letterId), 'letterId');
  return row;
}

/** Fills a template from the case into a new draft, with the chosen enclosures in order. */
export async function createLetter(
  db: Db,
  actor: string,
  input: {
    readonly caseId: number;
    readonly templateId: string;
    readonly enclosureDocumentIds: readonly number[];
  },
  clinicalSources: ClinicalSources,
): Promise<Letter> {
  await assertCaseExists(db, input.caseId);
  const template = await getLetterTemplate(db, input.templateId);
  const context = await loadLetterContext(
    db,
    actor,
    { caseId: input.caseId, letterKind: template.kind, enclosureDocumentIds: input.enclosureDocumentIds },
    clinicalSources,
  );
  const filled = fillLetterTemplate(template.body, context);
  const now = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('letters')
      .values({
        case_id: input.caseId,
        template_id: template.id,
        title: template.title,
        kind: template.kind,
        body: JSON.stringify(filled.document),
        enclosure_document_ids: JSON.stringify(input.enclosureDocumentIds),
        status: 'draft',
        sent_on: null,
        sent_via: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'letters',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return toLetter(row);
  });
}

export async function getLetter(db: Db, letterId: number): Promise<Letter> {
  return toLetter(await letterRow(db, letterId));
}

export async function listLettersOfCase(db: Db, caseId: number): Promise<LetterSummary[]> {
  await assertCaseExists(db, caseId);
  const rows = await db
    .selectFrom('letters')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) =>
    toSummary(row, findUnfilledPrompts(JSON.parse(row.body) as LetterDocument).length),
  );
}

export type LetterChanges = {
  readonly title?: string | undefined;
  readonly body?: LetterDocument | undefined;
  readonly enclosureDocumentIds?: readonly number[] | undefined;
  readonly status?: LetterStatus | undefined;
  readonly sentOn?: string | null | undefined;
  readonly sentVia?: LetterDeliveryMethod | null | undefined;
};

/**
 * Saves an edit through the audit log. A letter marked sent needs the day it went; a letter put
 * back to draft forgets when and how it was sent, so the two never disagree.
 */
export async function updateLetter(
  db: Db,
  actor: string,
  letterId: number,
  changes: LetterChanges,
): Promise<Letter> {
  const current = await letterRow(db, letterId);
  const status = changes.status ?? current.status;
  const sentOn = status === 'draft' ? null : changes.sentOn !== undefined ? changes.sentOn : current.sent_on;
  const sentVia =
    status === 'draft' ? null : changes.sentVia !== undefined ? changes.sentVia : current.sent_via;
  if (status === 'sent' && sentOn === null) {
    throw new AppError('INVALID_INPUT', 'Give the day the letter was sent.', 'changes.sentOn');
  }
  const row = await auditedUpdate(
    db,
    actor,
    'letters',
    letterId,
    definedEntries({
      title: changes.title,
      body: changes.body === undefined ? undefined : JSON.stringify(changes.body),
      enclosure_document_ids:
        changes.enclosureDocumentIds === undefined ? undefined : JSON.stringify(changes.enclosureDocumentIds),
      status,
      sent_on: sentOn,
      sent_via: sentVia,
    }),
    missingLetter(letterId),
  );
  return toLetter(row);
}

export async function deleteLetter(db: Db, actor: string, letterId: number): Promise<void> {
  await letterRow(db, letterId);
  await auditedUpdate(
    db,
    actor,
    'letters',
    letterId,
    { deleted_at: new Date().toISOString() },
    missingLetter(letterId),
  );
}
