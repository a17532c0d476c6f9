import type { Kysely } from 'kysely';
import type { TreatmentTrialDto, TreatmentTrialFields } from '../../shared/schemas/treatment-history';
import { auditedInsert, auditedUpdate } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import type { TreatmentTrialRow } from '../db/tables/treatment-history';
import { AppError } from '../errors';
import { asOneEdit } from '../history/edit-groups';
import { assertClientExists } from '../clients/assert-client-exists';
import { assertSourceInScope, describeSources } from './evidence-sources';

const yesNo = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
const fromYesNo = (value: number | null) => (value === null ? null : value === 1);

function toColumns(trial: TreatmentTrialFields) {
  return {
    kind: trial.kind,
    name: trial.name,
    drug_class: trial.drugClass,
    peak_dose: trial.peakDose,
    started_on: trial.startedOn,
    ended_on: trial.endedOn,
    weeks_at_therapeutic_dose: trial.weeksAtTherapeuticDose,
    is_dose_adequate: yesNo(trial.isDoseAdequate),
    outcome: trial.outcome,
    is_in_current_episode: yesNo(trial.isInCurrentEpisode),
    source_document_id: trial.sourceDocumentId,
    source_event_id: trial.sourceEventId,
    notes: trial.notes,
  };
}

const sourceFields = { document: 'trial.sourceDocumentId', event: 'trial.sourceEventId' } as const;

/** A client's live trials as the ledger and the criteria check show them: oldest start first, undated last. */
export async function listTreatmentTrials(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<TreatmentTrialDto[]> {
  const rows = await db
    .selectFrom('treatment_trials')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .orderBy((eb) => eb.fn.coalesce('started_on', eb.val('9999-12-31')))
    .orderBy('id')
    .execute();
  const describe = await describeSources(
    db,
    rows.map((row) => ({ documentId: row.source_document_id, eventId: row.source_event_id })),
  );
  return rows.map((row) => toTrialDto(row, describe));
}

function toTrialDto(
  row: TreatmentTrialRow,
  describe: Awaited<ReturnType<typeof describeSources>>,
): TreatmentTrialDto {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    name: row.name,
    drugClass: row.drug_class,
    peakDose: row.peak_dose,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    weeksAtTherapeuticDose: row.weeks_at_therapeutic_dose,
    isDoseAdequate: fromYesNo(row.is_dose_adequate),
    outcome: row.outcome,
    isInCurrentEpisode: fromYesNo(row.is_in_current_episode),
    source: describe({ documentId: row.source_document_id, eventId: row.source_event_id }),
    notes: row.notes,
  };
}

async function oneTrial(db: Kysely<AdvocaseDatabase>, row: TreatmentTrialRow): Promise<TreatmentTrialDto> {
  const reference = { documentId: row.source_document_id, eventId: row.source_event_id };
  return toTrialDto(row, await describeSources(db, [reference]));
}

async function liveTrial(db: Kysely<AdvocaseDatabase>, trialId: number): Promise<TreatmentTrialRow> {
  const row = await db
    .selectFrom('treatment_trials')
    .selectAll()
    .where('id', '=', trialId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no treatment with id ${trialId}. It may have been removed.`,
      'trialId',
    );
  return row;
}

export function addTreatmentTrial(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  clientId: number,
  trial: TreatmentTrialFields,
): Promise<TreatmentTrialDto> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    await assertClientExists(trx, clientId);
    await assertSourceInScope(
      trx,
      { documentId: trial.sourceDocumentId, eventId: trial.sourceEventId },
      { kind: 'client', clientId },
      sourceFields,
    );
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'treatment_trials', {
      client_id: clientId,
      ...toColumns(trial),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    return { result: await oneTrial(trx, row), label: `Added treatment ${row.name}` };
  });
}

export function updateTreatmentTrial(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  trialId: number,
  trial: TreatmentTrialFields,
): Promise<TreatmentTrialDto> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const current = await liveTrial(trx, trialId);
    await assertSourceInScope(
      trx,
      { documentId: trial.sourceDocumentId, eventId: trial.sourceEventId },
      { kind: 'client', clientId: current.client_id },
      sourceFields,
    );
    const row = await auditedUpdate(trx, actor, 'treatment_trials', trialId, toColumns(trial), 'Not found.');
    return { result: await oneTrial(trx, row), label: `Changed treatment ${row.name}` };
  });
}

export function removeTreatmentTrial(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  trialId: number,
): Promise<Record<string, never>> {
  return asOneEdit(db, actor, 'edit', async (trx) => {
    const current = await liveTrial(trx, trialId);
    await auditedUpdate(
      trx,
      actor,
      'treatment_trials',
      trialId,
      { deleted_at: new Date().toISOString() },
      'Not found.',
    );
    return { result: {}, label: `Removed treatment ${current.name}` };
  });
}
