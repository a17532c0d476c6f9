import { sql } from 'kysely';
import { type CivilDate } from '../deadlines/date-arithmetic';
import { judgeDeadlineStanding, type DeadlineStanding } from '../../shared/domain/case-lifecycle';
import { groupBy, median } from './outcome-math';
import {
  daysBetweenIn,
  isInPeriod,
  localDateOf,
  payerNotRecorded,
  scopedCases,
  type OutcomesDb,
  type OutcomesScope,
} from './outcomes-scope';

export type PayerResponseFigures = {
  readonly answeredOnTime: number;
  readonly answeredLate: number;
  readonly unansweredPastDue: number;
  readonly medianResponseDays: number | null;
  readonly medianAllowedDays: number | null;
};

export type DeadlineFigures = {
  readonly deadlinesMet: number;
  readonly deadlinesMissed: number;
  readonly perPayer: ReadonlyMap<string, PayerResponseFigures>;
};

type DeadlineRecord = {
  readonly payer: string;
  readonly actor: 'payer' | 'claimant';
  readonly status: string;
  readonly dueOn: CivilDate;
  readonly answeredOn: CivilDate | null;
  readonly doneOn: CivilDate | null;
  readonly startedOn: CivilDate | null;
};

/**
 * The legal deadlines (kind "rule": not Advocase's re-authorization reminders or follow-up
 * suggestions) whose date that counts, the user's override or else the computed one, is in the
 * period. Read in two steps so the due-date index does the narrowing: deadlines computed to fall in
 * the period (an override may move them out), then the few an override moves into it.
 */
async function deadlinesInPeriod(db: OutcomesDb, scope: OutcomesScope): Promise<DeadlineRecord[]> {
  const base = scopedCases(db, scope)
    .innerJoin('case_deadlines as deadline', 'deadline.case_id', 'entry.case_id')
    .leftJoin('deadline_adjustments as adjustment', (join) =>
      join
        .onRef('adjustment.case_id', '=', 'deadline.case_id')
        .onRef('adjustment.deadline_key', '=', 'deadline.deadline_key'),
    )
    // Only a payer's deadline is timed from the event that started it (payerResponse): a claimant's
    // (most of the period's) would read that event's wide row for nothing when it is not cached.
    // The key is null for a claimant's: SQLite looks the row up before it tests a condition on the
    // deadline alone (`deadline.actor = 'payer'` in the join cost a year's deadlines 20 ms at
    // 100,000 cases), and a null key looks up nothing.
    .leftJoin('events as source', (join) =>
      join.on(
        'source.id',
        '=',
        sql<
          number | null
        >`case when ${sql.ref('deadline.actor')} = 'payer' then ${sql.ref('deadline.source_event_id')} end`,
      ),
    )
    .select([
      'deadline.id',
      'entry.payer',
      'deadline.actor',
      'deadline.status',
      'deadline.due_on as dueOn',
      'deadline.answered_on as answeredOn',
      'adjustment.override_due_on as overrideDueOn',
      'adjustment.done_at as doneAt',
      'source.occurred_at as sourceAt',
    ])
    .where('deadline.kind', '=', 'rule');
  const computedInPeriod = await base
    .where('deadline.due_on', '>=', scope.from)
    .where('deadline.due_on', '<=', scope.to)
    .execute();
  // Found from the overrides that move a deadline into the period, not by reading every deadline
  // for the few with one (a scan of every deadline of every case).
  const overridden = await base
    .where('deadline.id', 'in', (eb) =>
      eb
        .selectFrom('deadline_adjustments as moved')
        .innerJoin('case_deadlines as movedDeadline', (join) =>
          join
            .onRef('movedDeadline.case_id', '=', 'moved.case_id')
            .onRef('movedDeadline.deadline_key', '=', 'moved.deadline_key'),
        )
        .select('movedDeadline.id')
        .where('moved.override_due_on', '>=', scope.from)
        .where('moved.override_due_on', '<=', scope.to),
    )
    .execute();
  const byId = new Map([...computedInPeriod, ...overridden].map((row) => [row.id, row]));
  return [...byId.values()]
    .map((row) => ({
      payer: row.payer ?? payerNotRecorded,
      actor: row.actor,
      status: row.status,
      dueOn: row.overrideDueOn ?? row.dueOn.slice(0, 10),
      answeredOn: row.answeredOn,
      doneOn: row.doneAt === null ? null : localDateOf(row.doneAt, scope),
      startedOn: row.sourceAt === null ? null : localDateOf(row.sourceAt, scope),
    }))
    .filter((record) => isInPeriod(record.dueOn, scope));
}

/** Met, missed, open or no longer tracked, on the lifecycle's one definition. */
function judge(record: DeadlineRecord, asOf: CivilDate): DeadlineStanding {
  return judgeDeadlineStanding({
    dueOn: record.dueOn,
    answeredOn: [record.answeredOn, record.doneOn].filter((date): date is CivilDate => date !== null),
    isMet: record.status === 'met',
    isNotTracked: record.status === 'not-tracked',
    today: asOf,
  });
}

function payerResponse(records: readonly DeadlineRecord[], scope: OutcomesScope): PayerResponseFigures {
  const answered = records.filter((record) => record.answeredOn !== null);
  const timed = answered.filter((record) => record.startedOn !== null);
  return {
    answeredOnTime: answered.filter((record) => record.answeredOn! <= record.dueOn).length,
    answeredLate: answered.filter((record) => record.answeredOn! > record.dueOn).length,
    unansweredPastDue: records.filter((record) => record.answeredOn === null && record.dueOn < scope.asOf)
      .length,
    medianResponseDays: median(
      timed.map((record) => daysBetweenIn(scope, record.startedOn!, record.answeredOn!)),
    ),
    medianAllowedDays: median(timed.map((record) => daysBetweenIn(scope, record.startedOn!, record.dueOn))),
  };
}

/** The advocate's own deadlines met and missed, and how each payer kept to its decision deadlines. */
export async function deadlineFigures(db: OutcomesDb, scope: OutcomesScope): Promise<DeadlineFigures> {
  const records = await deadlinesInPeriod(db, scope);
  const advocates = records
    .filter((record) => record.actor === 'claimant')
    .map((record) => judge(record, scope.asOf));
  const payers = groupBy(
    records.filter((record) => record.actor === 'payer'),
    (record) => record.payer,
  );
  return {
    deadlinesMet: advocates.filter((status) => status === 'met').length,
    deadlinesMissed: advocates.filter((status) => status === 'missed').length,
    perPayer: new Map(
      [...payers].map(([payer, payerRecords]) => [payer, payerResponse(payerRecords, scope)]),
    ),
  };
}
