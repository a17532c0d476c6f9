import { sql, type SqlBool } from 'kysely';
import { dialectOf } from '../db/dialect/dialect-of';
import { type CivilDate } from '../deadlines/date-arithmetic';
import { judgeDeadlineStanding, type DeadlineStanding } from '../../shared/domain/case-lifecycle';
import { groupBy, median } from './outcome-math';
import {
  daysBetweenIn,
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

/** Due days: a period's range, or the few days of one whose deadlines are judged one by one. */
type DueDays =
  | { readonly range: { readonly from: CivilDate; readonly to: CivilDate } }
  | { readonly days: readonly CivilDate[] };

/**
 * The legal deadlines (kind "rule": not Advocase's re-authorization reminders or follow-up
 * suggestions) whose date that counts, the user's override or else the computed one, is on
 * `dueDays`, the payer's or the claimant's only when `actor` says. Read in two steps so a due-date
 * index does the narrowing: deadlines computed to fall on those days (an override may move them
 * out), then the few an override moves onto them.
 */
async function deadlinesDue(
  db: OutcomesDb,
  scope: OutcomesScope,
  dueDays: DueDays,
  actor: 'payer' | 'claimant' | null,
): Promise<DeadlineRecord[]> {
  const onDueDays = (column: 'deadline.due_on' | 'moved.override_due_on') =>
    'days' in dueDays
      ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(dueDays.days)})`
      : sql<SqlBool>`${sql.ref(column)} >= ${dueDays.range.from} and ${sql.ref(column)} <= ${dueDays.range.to}`;
  const isDue = (dueOn: CivilDate) =>
    'days' in dueDays
      ? dueDays.days.includes(dueOn)
      : dueOn >= dueDays.range.from && dueOn <= dueDays.range.to;
  const rules = scopedCases(db, scope)
    .innerJoin('case_deadlines as deadline', 'deadline.case_id', 'entry.case_id')
    .where('deadline.kind', '=', 'rule');
  const base = (actor === null ? rules : rules.where('deadline.actor', '=', actor))
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
    ]);
  const computedOnDueDays = await base.where(onDueDays('deadline.due_on')).execute();
  // Found from the overrides that move a deadline onto the days, not by reading every deadline
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
        .where(onDueDays('moved.override_due_on')),
    )
    .execute();
  const byId = new Map([...computedOnDueDays, ...overridden].map((row) => [row.id, row]));
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
    .filter((record) => isDue(record.dueOn));
}

/**
 * The advocate's own deadlines of the period met and missed, added up from the days migration
 * 0207 keeps (a few rows a day however many cases there are), or null where those rows are not the
 * reader's to read (a team's navigator or viewer: PostgreSQL 0207's team step). A day with a
 * deadline marked done on or after it in UTC is judged from its deadlines instead, since whether
 * that was in time depends on the time zone; a deadline with no answer is missed once its day has
 * passed, which the kept day says without a write.
 */
async function keptAdvocateStandings(
  db: OutcomesDb,
  scope: OutcomesScope,
): Promise<{ met: number; missed: number } | null> {
  if (!(await dialectOf(db).rowVisibility.seesEveryCase(db))) return null;
  const inPeriod = db
    .selectFrom('outcome_deadline_days as kept')
    .select([
      'kept.due_on as dueOn',
      'kept.standing',
      (eb) => eb.fn.sum<number | string>('kept.deadlines').as('count'),
    ])
    .where('kept.due_on', '>=', scope.from)
    .where('kept.due_on', '<=', scope.to)
    .groupBy(['kept.due_on', 'kept.standing']);
  const days = await (
    scope.advocate === null ? inPeriod : inPeriod.where('kept.advocate', '=', scope.advocate)
  ).execute();
  const daysJudgedFromRows = [
    ...new Set(
      days.filter((day) => day.standing === 'marked done' && Number(day.count) > 0).map((day) => day.dueOn),
    ),
  ];
  const judged =
    daysJudgedFromRows.length === 0
      ? []
      : await deadlinesDue(db, scope, { days: daysJudgedFromRows }, 'claimant');
  const standings = judged.map((record) => judge(record, scope.asOf));
  let met = standings.filter((standing) => standing === 'met').length;
  let missed = standings.filter((standing) => standing === 'missed').length;
  for (const day of days) {
    if (daysJudgedFromRows.includes(day.dueOn)) continue;
    const count = Number(day.count);
    if (day.standing === 'met') met += count;
    else if (day.standing === 'answered late' || (day.standing === 'unanswered' && day.dueOn < scope.asOf))
      missed += count;
  }
  return { met, missed };
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
  const kept = await keptAdvocateStandings(db, scope);
  // Where the kept days count the advocate's own, only the payer's are read one by one.
  const records = await deadlinesDue(db, scope, { range: scope }, kept === null ? null : 'payer');
  const advocates = records
    .filter((record) => record.actor === 'claimant')
    .map((record) => judge(record, scope.asOf));
  const payers = groupBy(
    records.filter((record) => record.actor === 'payer'),
    (record) => record.payer,
  );
  return {
    deadlinesMet: kept?.met ?? advocates.filter((standing) => standing === 'met').length,
    deadlinesMissed: kept?.missed ?? advocates.filter((standing) => standing === 'missed').length,
    perPayer: new Map(
      [...payers].map(([payer, payerRecords]) => [payer, payerResponse(payerRecords, scope)]),
    ),
  };
}
