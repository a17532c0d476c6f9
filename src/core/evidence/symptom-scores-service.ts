import type { Kysely } from 'kysely';
import type { SymptomScoreDto, SymptomScoreFields } from '../../shared/schemas/treatment-history';
import { auditedInsert, auditedUpdate } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import type { SymptomScoreRow } from '../db/tables/treatment-history';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { assertClientExists } from '../clients/assert-client-exists';
import { assertSourceInScope, describeSources } from './evidence-sources';

function toColumns(score: SymptomScoreFields) {
  return {
    instrument: score.instrument,
    score: score.score,
    taken_on: score.takenOn,
    source_document_id: score.sourceDocumentId,
    source_event_id: score.sourceEventId,
    note: score.note,
  };
}

const sourceFields = { document: 'score.sourceDocumentId', event: 'score.sourceEventId' } as const;

function toScoreDto(
  row: SymptomScoreRow,
  describe: Awaited<ReturnType<typeof describeSources>>,
): SymptomScoreDto {
  return {
    id: row.id,
    clientId: row.client_id,
    instrument: row.instrument,
    score: row.score,
    takenOn: row.taken_on,
    source: describe({ documentId: row.source_document_id, eventId: row.source_event_id }),
    note: row.note,
  };
}

/** A client's live scores, oldest first (the chart's order). */
export async function listSymptomScores(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<SymptomScoreDto[]> {
  const rows = await db
    .selectFrom('symptom_scores')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .orderBy('taken_on')
    .orderBy('id')
    .execute();
  const describe = await describeSources(
    db,
    rows.map((row) => ({ documentId: row.source_document_id, eventId: row.source_event_id })),
  );
  return rows.map((row) => toScoreDto(row, describe));
}

async function oneScore(db: Kysely<AdvocaseDatabase>, row: SymptomScoreRow): Promise<SymptomScoreDto> {
  const reference = { documentId: row.source_document_id, eventId: row.source_event_id };
  return toScoreDto(row, await describeSources(db, [reference]));
}

async function liveScore(db: Kysely<AdvocaseDatabase>, scoreId: number): Promise<SymptomScoreRow> {
  const row = await db
    .selectFrom('symptom_scores')
    .selectAll()
    .where('id', '=', scoreId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no score with id ${scoreId}. It may have been removed.`,
      'scoreId',
    );
  return row;
}

const describeScore = (row: { instrument: string; score: number; taken_on: string }) =>
  `${row.instrument} ${row.score} of ${row.taken_on}`;

export function addSymptomScore(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  clientId: number,
  score: SymptomScoreFields,
): Promise<SymptomScoreDto> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    await assertClientExists(trx, clientId);
    await assertSourceInScope(
      trx,
      { documentId: score.sourceDocumentId, eventId: score.sourceEventId },
      { kind: 'client', clientId },
      sourceFields,
    );
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'symptom_scores', {
      client_id: clientId,
      ...toColumns(score),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    return { result: await oneScore(trx, row), label: `Added score ${describeScore(row)}` };
  });
}

export function updateSymptomScore(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  scoreId: number,
  score: SymptomScoreFields,
): Promise<SymptomScoreDto> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const current = await liveScore(trx, scoreId);
    await assertSourceInScope(
      trx,
      { documentId: score.sourceDocumentId, eventId: score.sourceEventId },
      { kind: 'client', clientId: current.client_id },
      sourceFields,
    );
    const row = await auditedUpdate(trx, actor, 'symptom_scores', scoreId, toColumns(score), 'Not found.');
    return { result: await oneScore(trx, row), label: `Changed score ${describeScore(row)}` };
  });
}

export function removeSymptomScore(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  scoreId: number,
): Promise<Record<string, never>> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const current = await liveScore(trx, scoreId);
    await auditedUpdate(
      trx,
      actor,
      'symptom_scores',
      scoreId,
      { deleted_at: new Date().toISOString() },
      'Not found.',
    );
    return { result: {}, label: `Removed score ${describeScore(current)}` };
  });
}
