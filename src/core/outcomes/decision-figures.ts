import { treatmentKinds, treatmentLabels, type TreatmentKind } from '../../shared/domain/treatments';
import type { DecisionTally, DenialReason } from '../../shared/schemas/outcomes';
import { daysBetween } from '../deadlines/date-arithmetic';
import { eventDetail } from './event-detail-field';
import { groupBy, median, ratio } from './outcome-math';
import {
  isInPeriod,
  localDateOf,
  payerNotRecorded,
  scopedCases,
  utcWindow,
  type OutcomesDb,
  type OutcomesScope,
} from './outcomes-scope';

type Decision = 'approved' | 'partially_approved' | 'denied';

type DecisionRecord = {
  readonly payer: string;
  readonly treatment: TreatmentKind;
  readonly level: number;
  readonly decision: Decision;
  readonly reason: string | null;
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

function tally(key: string, label: string, records: readonly DecisionRecord[]): DecisionTally {
  const count = (decision: Decision) => records.filter((record) => record.decision === decision).length;
  const approved = count('approved');
  const partiallyApproved = count('partially_approved');
  return {
    key,
    label,
    decisions: records.length,
    approved,
    partiallyApproved,
    denied: count('denied'),
    approvalRate: ratio(approved + partiallyApproved, records.length),
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

/** Reasons on two or more denials, most frequent first, each shown as it was first written. */
function recurringReasons(records: readonly DecisionRecord[]): DenialReason[] {
  const byKey = new Map<string, { reason: string; count: number }>();
  for (const record of records) {
    if (record.decision !== 'denied' || !record.reason) continue;
    const key = normaliseReason(record.reason);
    if (key === '') continue;
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { reason: tidyReason(record.reason), count: 1 });
  }
  return [...byKey.values()]
    .filter((entry) => entry.count >= 2)
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Payer decisions on the timeline dated in the period, with the case's payer and treatment. */
async function decisionsInPeriod(db: OutcomesDb, scope: OutcomesScope): Promise<DecisionRecord[]> {
  const window = utcWindow(scope);
  const rows = await scopedCases(db, scope)
    .innerJoin('events', 'events.case_id', 'entry.case_id')
    .select([
      'events.occurred_at as occurredAt',
      'entry.payer',
      'entry.treatment',
      eventDetail<string>(db, 'decision').as('decision'),
      eventDetail<number>(db, 'level').as('level'),
      eventDetail<string>(db, 'reason').as('reason'),
    ])
    .where('events.type', '=', 'payer_decision')
    .where('events.deleted_at', 'is', null)
    .where('events.occurred_at', '>=', window.start)
    .where('events.occurred_at', '<', window.end)
    .execute();
  return rows
    .filter((row) => isInPeriod(localDateOf(row.occurredAt, scope), scope))
    .map((row) => ({
      payer: row.payer ?? payerNotRecorded,
      treatment: row.treatment,
      level: Number(row.level ?? 0),
      decision: row.decision as Decision,
      reason: row.reason,
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
  const window = utcWindow(scope);
  const rows = await scopedCases(db, scope)
    .innerJoin('events', 'events.case_id', 'entry.case_id')
    .select(['entry.case_id as caseId', 'entry.opened_on as openedOn', 'events.occurred_at as occurredAt'])
    .where('events.type', '=', 'payer_decision')
    .where('events.deleted_at', 'is', null)
    .where('entry.case_id', 'in', (eb) =>
      eb
        .selectFrom('events')
        .select('events.case_id')
        .where('events.type', '=', 'payer_decision')
        .where('events.deleted_at', 'is', null)
        .where('events.occurred_at', '>=', window.start)
        .where('events.occurred_at', '<', window.end),
    )
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
      .map((row) => daysBetween(row.openedOn, row.decidedOn)),
    decidedOnlyBeforeIntake: new Set(rows.map((row) => row.caseId)).size - firstAfterIntake.size,
  };
}

export async function decisionFigures(db: OutcomesDb, scope: OutcomesScope): Promise<DecisionFigures> {
  const records = await decisionsInPeriod(db, scope);
  const toDecision = await daysToFirstDecision(db, scope);
  const byPayer = groupBy(records, (record) => record.payer);
  const byTreatment = groupBy(records, (record) => record.treatment);
  const byLevel = groupBy(records, (record) => record.level);
  const perPayer = new Map<string, PayerDecisionFigures>();
  for (const [payer, payerRecords] of byPayer) {
    const onAppeal = payerRecords.filter((record) => record.level > 0);
    perPayer.set(payer, {
      decisions: payerRecords.length,
      appealDecisions: onAppeal.length,
      overturned: onAppeal.filter(isApproval).length,
      recurringDenialReasons: recurringReasons(payerRecords),
    });
  }
  return {
    decisions: records.length,
    approvals: records.filter(isApproval).length,
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
