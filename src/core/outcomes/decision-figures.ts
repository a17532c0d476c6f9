import { treatmentKinds, treatmentLabels, type TreatmentKind } from '../../shared/domain/treatments';
import type { DecisionTally, DenialReason } from '../../shared/schemas/outcomes';
import { groupBy, median, ratio } from './outcome-math';
import { dialectOf } from '../db/dialect/dialect-of';
import { countedEvents, periodInstants, splitAtWholeUtcMonths, type InstantRange } from './outcome-events';
import {
  daysBetweenIn,
  isInPeriod,
  localDateOf,
  payerNotRecorded,
  type OutcomesDb,
  type OutcomesScope,
} from './outcomes-scope';

type Decision = 'approved' | 'partially_approved' | 'denied';

/** The period's decisions of one kind: the database counts them, so none is handed over one by one. */
type DecisionRecord = {
  readonly payer: string;
  readonly treatment: TreatmentKind;
  readonly level: number;
  readonly decision: Decision;
  readonly count: number;
};

/** Denials of one payer given one reason as written, and when it was first given in the period. */
type DenialReasonCount = {
  readonly payer: string;
  readonly reason: string;
  readonly count: number;
  readonly firstGivenAt: string;
};

export type PayerDecisionFigures = {
  readonly decisions: number;
  readonly appealDecisions: number;
  readonly overturned: number;
  readonly recurringDenialReasons: readonly DenialReason[];
};

export type DecisionFigures = {
  readonly decisions: number;
  readonly approvals: number;
  readonly medianDaysToDecision: number | null;
  /** Cases decided in the period only before they were opened: left out of the median. */
  readonly casesDecidedOnlyBeforeIntake: number;
  readonly byPayer: readonly DecisionTally[];
  readonly byTreatment: readonly (DecisionTally & { readonly key: TreatmentKind })[];
  readonly byLevel: readonly DecisionTally[];
  readonly perPayer: ReadonlyMap<string, PayerDecisionFigures>;
};

const isApproval = (record: DecisionRecord) => record.decision !== 'denied';

function decisionCount(records: readonly DecisionRecord[], which = (_: DecisionRecord) => true): number {
  return records.reduce((sum, record) => (which(record) ? sum + record.count : sum), 0);
}

function tally(key: string, label: string, records: readonly DecisionRecord[]): DecisionTally {
  const count = (decision: Decision) => decisionCount(records, (record) => record.decision === decision);
  const approved = count('approved');
  const partiallyApproved = count('partially_approved');
  const decisions = decisionCount(records);
  return {
    key,
    label,
    decisions,
    approved,
    partiallyApproved,
    denied: count('denied'),
    approvalRate: ratio(approved + partiallyApproved, decisions),
  };
}

/** Level 3 is a decision on external review: the payer-decision form's "Decision on" names it so. */
const externalReviewLevel = 3;

export function levelLabel(level: number): string {
  if (level === 0) return 'Initial decision';
  return level === externalReviewLevel ? 'External review' : `Appeal level ${level}`;
}

/** A reason as written, without runs of spaces or final punctuation. */
function tidyReason(reason: string): string {
  return reason
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;:,!\s]+$/, '');
}

/** Same reason, however it was typed: case, runs of spaces and final punctuation do not count. */
export function normaliseReason(reason: string): string {
  return tidyReason(reason).toLowerCase();
}

/**
 * Reasons on two or more denials, most frequent first, each shown as it was first written: the
 * spellings are taken in the order they were first given in the period.
 */
function recurringReasons(reasons: readonly DenialReasonCount[]): DenialReason[] {
  const byKey = new Map<string, { reason: string; count: number }>();
  const inOrderGiven = [...reasons].sort(
    (a, b) => a.firstGivenAt.localeCompare(b.firstGivenAt) || a.reason.localeCompare(b.reason),
  );
  for (const given of inOrderGiven) {
    const key = normaliseReason(given.reason);
    if (key === '') continue;
    const seen = byKey.get(key);
    if (seen) seen.count += given.count;
    else byKey.set(key, { reason: tidyReason(given.reason), count: given.count });
  }
  return [...byKey.values()]
    .filter((entry) => entry.count >= 2)
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/**
 * Where the period's decisions are counted: the kept month counts (migration 0205) for the UTC
 * months wholly inside it, so a year adds up a year of monthly rows however many cases there
 * are, and the counted events for the instants outside them (and for the whole period where
 * the kept rows are not the reader's to read, as `countedEvents` says).
 */
async function decisionSources(db: OutcomesDb, scope: OutcomesScope) {
  const period = periodInstants(scope);
  if (!(await dialectOf(db).rowVisibility.seesEveryCase(db))) return { months: null, outside: [period] };
  return splitAtWholeUtcMonths(period);
}

/** The counted events of a range of instants, for the figures to count by what each needs. */
async function eventsOf(db: OutcomesDb, scope: OutcomesScope, range: InstantRange) {
  return db
    .selectFrom(await countedEvents(db, scope))
    .where('counted.occurred_at', '>=', range.start)
    .where('counted.occurred_at', '<', range.end);
}

/** The counted events of the period, for the figures to count by what each needs. */
function eventsOfPeriod(db: OutcomesDb, scope: OutcomesScope) {
  return eventsOf(db, scope, periodInstants(scope));
}

/** The kept month counts of the months `months` spans, narrowed to the advocate in scope. */
function keptMonths(db: OutcomesDb, scope: OutcomesScope, months: { first: string; last: string }) {
  const inPeriod = db
    .selectFrom('outcome_decision_months as kept')
    .where('kept.month', '>=', months.first)
    .where('kept.month', '<=', months.last);
  return scope.advocate === null ? inPeriod : inPeriod.where('kept.assigned_advocate', '=', scope.advocate);
}

/**
 * Rows counted from both places the period's decisions are kept (decisionSources): the counted
 * events of each range outside the whole months, then the kept month counts. A group found in
 * both comes twice; the caller adds them up.
 */
async function countedFromBoth<Row>(
  db: OutcomesDb,
  scope: OutcomesScope,
  count: {
    readonly fromEvents: (events: Awaited<ReturnType<typeof eventsOf>>) => Promise<Row[]>;
    readonly fromMonths: (kept: ReturnType<typeof keptMonths>) => Promise<Row[]>;
  },
): Promise<Row[]> {
  const { months, outside } = await decisionSources(db, scope);
  const rows: Row[] = [];
  for (const range of outside) rows.push(...(await count.fromEvents(await eventsOf(db, scope, range))));
  if (months !== null) rows.push(...(await count.fromMonths(keptMonths(db, scope, months))));
  return rows;
}

type DecisionGroup = {
  payer: string | null;
  treatment: string;
  level: number | null;
  decision: string | null;
  count: number | string;
};

/** Payer decisions dated in the period, counted by the case's payer and treatment, level and decision. */
async function decisionsInPeriod(db: OutcomesDb, scope: OutcomesScope): Promise<DecisionRecord[]> {
  const rows = await countedFromBoth<DecisionGroup>(db, scope, {
    fromEvents: (events) =>
      events
        .where('counted.type', '=', 'payer_decision')
        .select([
          'counted.payer',
          'counted.treatment',
          'counted.level',
          'counted.decision',
          (eb) => eb.fn.countAll<number | string>().as('count'),
        ])
        .groupBy(['counted.payer', 'counted.treatment', 'counted.level', 'counted.decision'])
        .execute(),
    fromMonths: (kept) =>
      kept
        .select([
          'kept.payer',
          'kept.treatment',
          'kept.level',
          'kept.decision',
          (eb) => eb.fn.sum<number | string>('kept.decisions').as('count'),
        ])
        .groupBy(['kept.payer', 'kept.treatment', 'kept.level', 'kept.decision'])
        .execute(),
  });
  return rows.map((row) => ({
    payer: row.payer ?? payerNotRecorded,
    treatment: row.treatment as TreatmentKind,
    level: Number(row.level ?? 0),
    decision: row.decision as Decision,
    count: Number(row.count),
  }));
}

type ReasonGroup = {
  payer: string | null;
  reason: string | null;
  count: number | string;
  firstGivenAt: string;
};

/** The reasons given for the period's denials, as written, counted per payer. */
async function denialReasonsInPeriod(db: OutcomesDb, scope: OutcomesScope): Promise<DenialReasonCount[]> {
  const rows = await countedFromBoth<ReasonGroup>(db, scope, {
    fromEvents: (events) =>
      events
        .where('counted.type', '=', 'payer_decision')
        .where('counted.decision', '=', 'denied')
        .where('counted.reason', 'is not', null)
        .select([
          'counted.payer',
          'counted.reason',
          (eb) => eb.fn.countAll<number | string>().as('count'),
          (eb) => eb.fn.min('counted.occurred_at').as('firstGivenAt'),
        ])
        .groupBy(['counted.payer', 'counted.reason'])
        .execute(),
    fromMonths: (kept) =>
      kept
        .where('kept.decision', '=', 'denied')
        .where('kept.reason', 'is not', null)
        .select([
          'kept.payer',
          'kept.reason',
          (eb) => eb.fn.sum<number | string>('kept.decisions').as('count'),
          (eb) => eb.fn.min('kept.first_at').as('firstGivenAt'),
        ])
        .groupBy(['kept.payer', 'kept.reason'])
        .execute(),
  });
  // A reason given both inside and outside the whole months comes twice: the counts are added up
  // and the spelling first given wins by `firstGivenAt` (recurringReasons).
  return rows.map((row) => ({
    payer: row.payer ?? payerNotRecorded,
    reason: String(row.reason),
    count: Number(row.count),
    firstGivenAt: row.firstGivenAt,
  }));
}

/**
 * Days from intake to each case's first payer decision on or after the day it was opened, for the
 * cases whose such decision falls in the period (a later decision on appeal is not "the" decision,
 * and a denial dated before intake, which the client brought, is not one the advocate waited for).
 */
async function daysToFirstDecision(
  db: OutcomesDb,
  scope: OutcomesScope,
): Promise<{ days: number[]; decidedOnlyBeforeIntake: number }> {
  const decided = (await eventsOfPeriod(db, scope))
    .where('counted.type', '=', 'payer_decision')
    .select('counted.case_id');
  const rows = await db
    .selectFrom(await countedEvents(db, scope))
    .select([
      'counted.case_id as caseId',
      'counted.opened_on as openedOn',
      'counted.occurred_at as occurredAt',
    ])
    .where('counted.type', '=', 'payer_decision')
    .where('counted.case_id', 'in', decided)
    .execute();
  const firstAfterIntake = new Map<number, { openedOn: string; decidedOn: string }>();
  for (const row of rows) {
    const decidedOn = localDateOf(row.occurredAt, scope);
    if (decidedOn < row.openedOn) continue;
    const earliest = firstAfterIntake.get(row.caseId);
    if (!earliest || decidedOn < earliest.decidedOn)
      firstAfterIntake.set(row.caseId, { openedOn: row.openedOn, decidedOn });
  }
  return {
    days: [...firstAfterIntake.values()]
      .filter((row) => isInPeriod(row.decidedOn, scope))
      .map((row) => daysBetweenIn(scope, row.openedOn, row.decidedOn)),
    decidedOnlyBeforeIntake: new Set(rows.map((row) => row.caseId)).size - firstAfterIntake.size,
  };
}

export async function decisionFigures(db: OutcomesDb, scope: OutcomesScope): Promise<DecisionFigures> {
  const records = await decisionsInPeriod(db, scope);
  const reasonsByPayer = groupBy(await denialReasonsInPeriod(db, scope), (reason) => reason.payer);
  const toDecision = await daysToFirstDecision(db, scope);
  const byPayer = groupBy(records, (record) => record.payer);
  const byTreatment = groupBy(records, (record) => record.treatment);
  const byLevel = groupBy(records, (record) => record.level);
  const perPayer = new Map<string, PayerDecisionFigures>();
  for (const [payer, payerRecords] of byPayer) {
    const onAppeal = payerRecords.filter((record) => record.level > 0);
    perPayer.set(payer, {
      decisions: decisionCount(payerRecords),
      appealDecisions: decisionCount(onAppeal),
      overturned: decisionCount(onAppeal, isApproval),
      recurringDenialReasons: recurringReasons(reasonsByPayer.get(payer) ?? []),
    });
  }
  return {
    decisions: decisionCount(records),
    approvals: decisionCount(records, isApproval),
    medianDaysToDecision: median(toDecision.days),
    casesDecidedOnlyBeforeIntake: toDecision.decidedOnlyBeforeIntake,
    byPayer: [...byPayer.entries()]
      .map(([payer, payerRecords]) => tally(payer, payer, payerRecords))
      .sort((a, b) => b.decisions - a.decisions || a.label.localeCompare(b.label)),
    byTreatment: treatmentKinds
      .filter((kind) => byTreatment.has(kind))
      .map((kind) => ({ ...tally(kind, treatmentLabels[kind], byTreatment.get(kind) ?? []), key: kind })),
    byLevel: [...byLevel.keys()]
      .sort((a, b) => a - b)
      .map((level) => tally(String(level), levelLabel(level), byLevel.get(level) ?? [])),
    perPayer,
  };
}
