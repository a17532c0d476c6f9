import type { Kysely } from 'kysely';
import type { CaseDeadlines, PayerRequest } from '../../shared/schemas/deadlines';
import { auditedInsert, auditedUpdate } from '../db/audited-writes';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { assertCaseExists } from '../events/events-service';
import { getCaseDeadlines } from './case-deadlines-service';
import type { Clock } from './deadline-clock';
import { recomputeCaseDeadlines } from './recompute';

/**
 * What the user asked the payer for (the claim file, plan documents…): the date sent starts the
 * payer's clock, the answer stops it; the case's deadlines follow.
 */

export function addPayerRequest(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; kind: PayerRequest['kind']; sentOn: string; note: string | null },
  clock: Clock = {},
): Promise<CaseDeadlines> {
  return inTransaction(db, async (trx) => {
    await assertCaseExists(trx, input.caseId);
    const now = new Date().toISOString();
    await auditedInsert(trx, actor, 'payer_requests', {
      case_id: input.caseId,
      kind: input.kind,
      sent_on: input.sentOn,
      answered_on: null,
      note: input.note,
      event_id: null,
      created_at: now,
      updated_at: now,
    });
    await recomputeCaseDeadlines(trx, actor, input.caseId, clock);
    return getCaseDeadlines(trx, actor, input.caseId, clock);
  });
}

export function answerPayerRequest(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { requestId: number; answeredOn: string },
  clock: Clock = {},
): Promise<CaseDeadlines> {
  return inTransaction(db, async (trx) => {
    const row = await auditedUpdate(
      trx,
      actor,
      'payer_requests',
      input.requestId,
      { answered_on: input.answeredOn },
      `There is no request with id ${input.requestId}.`,
    );
    if (input.answeredOn < row.sent_on) {
      throw new AppError(
        'INVALID_INPUT',
        'The answer cannot come before the request was sent.',
        'answeredOn',
      );
    }
    await recomputeCaseDeadlines(trx, actor, row.case_id, clock);
    return getCaseDeadlines(trx, actor, row.case_id, clock);
  });
}
