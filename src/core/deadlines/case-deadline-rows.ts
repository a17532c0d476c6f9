import type { PlanType } from '../../shared/domain/plan-types';
import type {
  DeadlineActor,
  DeadlineKind,
  DeadlineStatus,
  PayerRequestKind,
  StoredDeadlineStatus,
} from '../../shared/schemas/deadlines';
import {
  describeEngineFact,
  describeEngineNote,
  type ApprovalRecord,
  type CaseScenario,
} from './case-scenario';
import { computeDeadlines } from './compute-deadlines';
import {
  addCalendarDays,
  civilDateInZone,
  daysBetween,
  parseOffsetDateTime,
  type CivilDate,
} from './date-arithmetic';
import type { Confidence } from './rules';

/**
 * Turns one case's mapped scenario into the rows Advocase keeps (table `case_deadlines`): the
 * engine's deadlines, each keyed by its rule and the timeline event that started it, plus the
 * re-authorization reminder for an approval that ends and the follow-up on a request the payer
 * must answer. Pure: `now` and the settings come in as arguments.
 */

export type DerivedDeadline = {
  readonly key: string;
  /** When what it waited for happened, even late; null while outstanding (see DeadlineEntry). */
  readonly answeredOn: CivilDate | null;
  readonly kind: DeadlineKind;
  readonly rule: string;
  readonly sourceEventId: number | null;
  readonly computedDue: string;
  /** YYYY-MM-DD in the user's zone. */
  readonly dueOn: CivilDate;
  /** UTC ISO instant for hour rules. */
  readonly dueAt: string | null;
  readonly actor: DeadlineActor;
  readonly status: StoredDeadlineStatus;
  readonly citationUrl: string;
  readonly citationText: string;
  readonly note: string;
  readonly confidence: Confidence;
};

export type PayerRequestFacts = {
  readonly id: number;
  readonly kind: PayerRequestKind;
  readonly sentOn: CivilDate;
  readonly answeredOn: CivilDate | null;
};

export type DerivationInput = {
  readonly mapped: CaseScenario;
  readonly payerRequests: readonly PayerRequestFacts[];
  readonly reauthorizationLeadDays: number;
  readonly now: Date;
  readonly timeZone: string;
};

export type Derivation = {
  readonly asOf: CivilDate;
  readonly deadlines: readonly DerivedDeadline[];
  readonly missingFacts: readonly string[];
  readonly assumptions: readonly string[];
};

export function deadlineKey(rule: string, origin: string): string {
  return `${rule}@${origin}`;
}

/** How many days before its date a deadline is due soon. */
export const dueSoonDays = 7;

/** The engine's status for a date the app itself sets (re-authorization, follow-up, funding dates). */
export function statusByDate(dueOn: CivilDate, asOf: CivilDate, isMet: boolean): StoredDeadlineStatus {
  if (isMet) return 'met';
  if (dueOn < asOf) return 'missed';
  return daysBetween(asOf, dueOn) <= dueSoonDays ? 'due-soon' : 'open';
}

/**
 * What continuation requests usually ask for, from docs/domain/payer-criteria.md:
 * §2.1 item 7 (repeat the baseline rating scale at the end of induction and at each
 * re-authorization, showing improvement or stability), the BCBS North Dakota and Evicore
 * continuation rows of §2, and §5 item 4 (continuation criteria are thin in the sources).
 */
export const continuationCriteriaChecklist =
  'Continuation requests usually ask for: the same rating scale used at baseline (PHQ-9, MADRS, HAM-D or QIDS), ' +
  'repeated at the end of induction and now, showing improvement or stability; documented benefit or response ' +
  'to treatment; continued involvement of the specialist (psychiatrist); for Spravato, a REMS-certified setting ' +
  'with the 2-hour monitoring. Payers publish little about continuation: pull the payer\u2019s current policy ' +
  'before sending.';

const continuationCitation = {
  // The policy's own title, with its link: a reader cannot open "payer-criteria reference §2".
  text: 'BCBS North Dakota medical policy: Esketamine (Spravato), continuation criteria',
  url: 'https://www.bcbsnd.com/providers/policies-precertification/medical-policy/e/esketamine-spravato',
};

function reauthorizationDeadlines(
  approvals: readonly ApprovalRecord[],
  leadDays: number,
  asOf: CivilDate,
  missingFacts: string[],
): DerivedDeadline[] {
  return approvals.flatMap((approval) => {
    if (approval.approvedUntil === null) {
      if (approval.approvedUnits !== null) {
        missingFacts.push(
          `The approval dated ${approval.noticeDate} covers ${approval.approvedUnits} sessions: record "Approved until" (the day the last approved session is expected) to get a re-authorization reminder.`,
        );
      }
      return [];
    }
    const dueOn = addCalendarDays(approval.approvedUntil, -leadDays);
    return [
      {
        key: deadlineKey('reauthorization_request', `event:${approval.eventId}`),
        kind: 'reauthorization',
        rule: 'reauthorization_request',
        sourceEventId: approval.eventId,
        computedDue: dueOn,
        dueOn,
        dueAt: null,
        actor: 'claimant',
        answeredOn: null,
        status: statusByDate(dueOn, asOf, false),
        citationUrl: continuationCitation.url,
        citationText: continuationCitation.text,
        note:
          `The approval ends ${approval.approvedUntil}${approval.approvedUnits !== null ? ` (${approval.approvedUnits} sessions)` : ''}; ` +
          `ask for re-authorization ${leadDays} days ahead (Advocase's default lead time, not a payer rule; change it in the agenda's reminder settings). ` +
          continuationCriteriaChecklist,
        confidence: 'unverified',
      },
    ];
  });
}

const erisaPlanTypes: readonly PlanType[] = ['employer-self-funded', 'employer-fully-insured'];

/** Days after sending at which Advocase suggests chasing a request with no time limit of its own. */
export const payerRequestFollowUpDays = 30;

/**
 * A request for the claim file, the plan documents or the criteria. The project's reference
 * (denial-and-appeal-content §3, §6) gives the right to them free of charge but, for the claim
 * file and criteria, no production deadline in the regulation text read; for plan documents it
 * names ERISA §502(c)(1)'s 30 days and says that was not covered in the research pass.
 */
export function payerRequestGuidance(
  kind: PayerRequestKind,
  planType: PlanType | null,
): { rule: string; text: string; url: string; confidence: Confidence; guidance: string } {
  if (kind === 'plan_documents' && planType !== null && erisaPlanTypes.includes(planType)) {
    return {
      rule: 'erisa_plan_documents_request',
      text: 'ERISA \u00a7104(b)(4), \u00a7502(c)(1) (29 U.S.C. 1024(b)(4), 1132(c)(1))',
      url: 'https://www.law.cornell.edu/uscode/text/29/1132',
      confidence: 'unverified',
      guidance:
        'An ERISA plan administrator who does not supply requested plan documents within 30 days may owe a ' +
        'penalty (ERISA \u00a7502(c)(1)); the project\u2019s research did not cover this rule, so treat the date as ' +
        'unverified. Follow up in writing if nothing has arrived by then.',
    };
  }
  const right =
    kind === 'criteria'
      ? 'The criteria relied on must be provided free of charge on request (29 CFR 2560.503-1(g)(1)(v), (j)(5); for mental-health care also 2590.712(d)).'
      : 'The claim file (every document relevant to the claim) must be provided free of charge on request (29 CFR 2560.503-1(h)(2)(iii)).';
  return {
    rule: 'records_request_follow_up',
    text: '29 CFR 2560.503-1(h)(2)(iii), (m)(8)',
    url: 'https://www.ecfr.gov/current/title-29/section-2560.503-1',
    confidence: 'corroborated',
    guidance:
      `${right} The regulation text read sets no production deadline, so this date is Advocase's suggestion to ` +
      `follow up after ${payerRequestFollowUpDays} days, not a legal deadline. Ask for anything new before the appeal is decided.`,
  };
}

function payerRequestDeadlines(
  requests: readonly PayerRequestFacts[],
  planType: PlanType | null,
  asOf: CivilDate,
): DerivedDeadline[] {
  return requests.map((request) => {
    const guidance = payerRequestGuidance(request.kind, planType);
    const dueOn = addCalendarDays(request.sentOn, payerRequestFollowUpDays);
    const answeredOn = request.answeredOn;
    return {
      key: deadlineKey(guidance.rule, `request:${request.id}`),
      kind: 'records-request',
      rule: guidance.rule,
      sourceEventId: null,
      computedDue: dueOn,
      dueOn,
      dueAt: null,
      actor: 'payer',
      answeredOn,
      status: statusByDate(dueOn, asOf, answeredOn !== null && answeredOn <= dueOn),
      citationUrl: guidance.url,
      citationText: guidance.text,
      note:
        answeredOn !== null
          ? `Answered ${answeredOn}, ${daysBetween(request.sentOn, answeredOn)} days after it was sent. ${guidance.guidance}`
          : `Sent ${request.sentOn}; ${daysBetween(request.sentOn, asOf)} days outstanding. ${guidance.guidance}`,
      confidence: guidance.confidence,
    };
  });
}

/** Hour rules come back as local date-times with offset; keep the day in the user's zone and the UTC instant. */
function placeDue(due: string, timeZone: string): { dueOn: CivilDate; dueAt: string | null } {
  const instant = parseOffsetDateTime(due);
  if (!instant) return { dueOn: due, dueAt: null };
  return {
    dueOn: civilDateInZone(instant.instant, timeZone),
    dueAt: new Date(instant.instant).toISOString(),
  };
}

export function deriveCaseDeadlines(input: DerivationInput): Derivation {
  const { mapped, timeZone, now } = input;
  const missingFacts = [...mapped.missingFacts];
  const asOf = civilDateInZone(now.getTime(), timeZone);
  const deadlines: DerivedDeadline[] = [];
  if (mapped.scenario) {
    const report = computeDeadlines(mapped.scenario, now);
    for (const fact of report.missingFacts) missingFacts.push(describeEngineFact(fact, mapped.sources));
    const seen = new Map<string, number>();
    for (const entry of report.deadlines) {
      const index = Number(/^events\[(\d+)\]$/.exec(entry.triggeredBy)?.[1]);
      const source = mapped.sources[index];
      const origin = source ? `event:${source.eventId}` : entry.triggeredBy;
      // One event can start the same rule twice only in theory; a counter keeps keys unique.
      const baseKey = deadlineKey(entry.rule, origin);
      const count = seen.get(baseKey) ?? 0;
      seen.set(baseKey, count + 1);
      deadlines.push({
        key: count === 0 ? baseKey : `${baseKey}#${count + 1}`,
        kind: 'rule',
        rule: entry.rule,
        sourceEventId: source?.eventId ?? null,
        computedDue: entry.due,
        ...placeDue(entry.due, timeZone),
        actor: entry.actor,
        answeredOn: entry.answeredOn,
        status: entry.status,
        citationUrl: entry.citation,
        citationText: entry.citationText,
        note: describeEngineNote(entry.note, mapped.sources),
        confidence: entry.confidence,
      });
    }
  }
  deadlines.push(
    ...reauthorizationDeadlines(mapped.approvals, input.reauthorizationLeadDays, asOf, missingFacts),
    ...payerRequestDeadlines(input.payerRequests, mapped.scenario?.planType as PlanType | null, asOf),
  );
  return { asOf, deadlines, missingFacts: [...new Set(missingFacts)], assumptions: mapped.assumptions };
}

export type UserAdjustment = {
  readonly overrideDueOn: CivilDate | null;
  readonly doneAt: string | null;
};

/**
 * The status a screen shows today: the user's "done" wins, a met deadline stays met, otherwise the
 * date that counts (the override if any) is compared with today, and an hour rule with the moment.
 */
export function judgeDisplayStatus(
  deadline: Pick<DerivedDeadline, 'status' | 'dueOn' | 'dueAt'>,
  adjustment: UserAdjustment | undefined,
  now: Date,
  timeZone: string,
): DeadlineStatus {
  if (adjustment?.doneAt) return 'done';
  if (deadline.status === 'met') return 'met';
  if (deadline.status === 'not-tracked') return 'not-tracked';
  const today = civilDateInZone(now.getTime(), timeZone);
  const overrideDueOn = adjustment?.overrideDueOn ?? null;
  const dueOn = overrideDueOn ?? deadline.dueOn;
  if (overrideDueOn === null && deadline.dueAt !== null) {
    if (Date.parse(deadline.dueAt) < now.getTime()) return 'missed';
  } else if (dueOn < today) {
    return 'missed';
  }
  if (dueOn === today) return 'due-today';
  return daysBetween(today, dueOn) <= dueSoonDays ? 'due-soon' : 'open';
}

/** A status still waiting for someone to act. */
export function isOutstanding(status: DeadlineStatus): boolean {
  return status === 'open' || status === 'due-soon' || status === 'due-today' || status === 'missed';
}
