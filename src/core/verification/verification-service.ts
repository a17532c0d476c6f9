import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract/index';
import {
  defaultVerificationScript,
  type VerificationQuestion,
  type VerificationTarget,
} from '../../shared/domain/benefits-verification';
import { verificationScriptSchema } from '../../shared/schemas/verification';
import { auditedUpdate } from '../db/audited-update';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import type { CoveragesTable } from '../db/tables/coverages';
import { AppError } from '../errors';
import { addTimelineEvent } from '../events/events-service';

const scriptKey = 'verification_script';

export async function readVerificationScript(db: Kysely<AdvocaseDatabase>): Promise<VerificationQuestion[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', scriptKey).executeTakeFirst();
  const parsed = row ? verificationScriptSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : [...defaultVerificationScript];
}

export function saveVerificationScript(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  questions: VerificationQuestion[],
): Promise<VerificationQuestion[]> {
  return inTransaction(db, async (trx) => {
    const before = await readVerificationScript(trx);
    const value = JSON.stringify(questions);
    await trx
      .insertInto('settings')
      .values({ key: scriptKey, value })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
      .execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'settings',
      rowId: 0,
      action: 'update',
      before,
      after: questions,
    });
    return questions;
  });
}

const columnForTarget = {
  priorAuthRules: 'prior_auth_rules',
  exclusions: 'exclusions',
  appealsAddress: 'appeals_address',
  payerFax: 'payer_fax',
  notes: 'notes',
} as const satisfies Record<Exclude<VerificationTarget, 'none'>, keyof CoveragesTable>;
type AnswerColumn = (typeof columnForTarget)[keyof typeof columnForTarget];

/**
 * Records a benefits verification call: the call goes on the timeline with every question and
 * answer, and answers whose question maps to a coverage field are written there (kept in the
 * coverage's history). Notes gather the answers that have no field of their own, dated.
 */
export function recordVerificationCall(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: ParsedInput<'verification.record'>,
): Promise<{ eventId: number; updatedCoverageFields: string[] }> {
  return inTransaction(db, async (trx) => {
    const caseRow = await trx
      .selectFrom('cases')
      .select(['coverage_id', 'payer'])
      .where('id', '=', input.caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!caseRow) throw new AppError('NOT_FOUND', `There is no case with id ${input.caseId}.`, 'caseId');
    const script = await readVerificationScript(trx);
    const answered = input.answers.filter((answer) => answer.answer);
    const event = await addTimelineEvent(trx, actor, input.caseId, {
      type: 'phone_call',
      occurredAt: input.occurredAt,
      summary: `Benefits verification call: ${answered.length} of ${input.answers.length} questions answered.`,
      details: {
        direction: 'outbound',
        withWhom: caseRow.payer,
        repName: input.repName,
        referenceNumber: input.referenceNumber,
        answers: input.answers.map(({ question, answer }) => ({ question, answer })),
      },
    });
    if (caseRow.coverage_id === null || answered.length === 0)
      return { eventId: event.id, updatedCoverageFields: [] };

    const coverage = await trx
      .selectFrom('coverages')
      .selectAll()
      .where('id', '=', caseRow.coverage_id)
      .executeTakeFirstOrThrow();
    const stamp = `Verified ${input.occurredAt.slice(0, 10)} with ${input.repName} (ref ${input.referenceNumber})`;
    const changes: Partial<Record<AnswerColumn, string>> = {};
    for (const answer of answered) {
      const target = script.find((question) => question.id === answer.questionId)?.target ?? 'none';
      if (target === 'none') continue;
      const column = columnForTarget[target];
      const line = target === 'notes' ? `${answer.question}\n${answer.answer}` : (answer.answer ?? '');
      const earlier = changes[column] ?? (target === 'notes' ? (coverage.notes ?? '') : '');
      changes[column] = [earlier, target === 'notes' && !earlier.includes(stamp) ? stamp : '', line]
        .filter(Boolean)
        .join('\n');
    }
    if (Object.keys(changes).length > 0) {
      await auditedUpdate(
        trx,
        actor,
        'coverages',
        coverage.id,
        changes,
        `There is no coverage with id ${coverage.id}.`,
      );
    }
    return { eventId: event.id, updatedCoverageFields: Object.keys(changes) };
  });
}
