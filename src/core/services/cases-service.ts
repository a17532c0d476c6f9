import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { formatCaseNumber } from '../../shared/domain/case-number';
import type { CaseSummary } from '../../shared/schemas/cases';
import { localToday } from '../../shared/schemas/fields';
import { AppError } from '../errors';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/tables/audit-log';

function selectCaseSummaries(db: Kysely<AdvocaseDatabase>) {
  return db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select([
      'cases.id',
      'cases.client_id',
      'clients.full_name as client_name',
      'cases.treatment',
      'cases.treatment_detail',
      'cases.payer',
      'cases.stage',
      'cases.priority',
      'cases.opened_on',
      'cases.closed_on',
    ]);
}

type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof selectCaseSummaries>['executeTakeFirstOrThrow']>>;

function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: formatCaseNumber(row.id),
    clientId: row.client_id,
    clientName: row.client_name,
    treatment: row.treatment,
    treatmentDetail: row.treatment_detail,
    payer: row.payer,
    stage: row.stage,
    priority: row.priority,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  };
}

export function createCase(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'cases.create'>,
): Promise<CaseSummary> {
  return inTransaction(db, async (trx) => {
    const client = await trx
      .selectFrom('clients')
      .select('id')
      .where('id', '=', input.clientId)
      .executeTakeFirst();
    if (!client) {
      throw new AppError(
        'NOT_FOUND',
        `There is no client with id ${input.clientId}. Pick an existing client.`,
        'clientId',
      );
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('cases')
      .values({
        client_id: input.clientId,
        treatment: input.treatment,
        treatment_detail: input.treatment === 'other' ? input.treatmentDetail : null,
        payer: input.payer,
        stage: input.stage,
        priority: input.priority,
        opened_on: input.openedOn ?? localToday(),
        closed_on: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'cases',
      rowId: row.id,
      action: 'insert',
      before: null,
      after: row,
    });
    return toCaseSummary(
      await selectCaseSummaries(trx).where('cases.id', '=', row.id).executeTakeFirstOrThrow(),
    );
  });
}

export async function listCases(db: Kysely<AdvocaseDatabase>): Promise<CaseSummary[]> {
  const rows = await selectCaseSummaries(db)
    .orderBy('cases.opened_on', 'desc')
    .orderBy('cases.id', 'desc')
    .execute();
  return rows.map(toCaseSummary);
}
