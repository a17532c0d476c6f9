import { describe, expect, it } from 'vitest';
import {
  deriveCaseDeadlines,
  judgeDisplayStatus,
  type DerivedDeadline,
} from '../../src/core/deadlines/case-deadline-rows';
import {
  describeEngineFact,
  mapCaseToScenario,
  type CaseDeadlineFacts,
  type CaseTimelineEvent,
} from '../../src/core/deadlines/case-scenario';

const newYork = 'America/New_York';

function facts(overrides: Partial<CaseDeadlineFacts>): CaseDeadlineFacts {
  return {
    planType: 'employer-self-funded',
    claimType: 'pre-service',
    isUrgent: false,
    clientState: 'NY',
    timeZone: newYork,
    events: [],
    ...overrides,
  };
}

const priorAuth: CaseTimelineEvent = {
  id: 11,
  type: 'prior_auth_submitted',
  occurredAt: '2026-03-02T14:00:00.000Z',
  details: { method: 'fax', isExpedited: false, receivedByPayerAt: '2026-03-02T15:30:00.000Z' },
};
const denial: CaseTimelineEvent = {
  id: 12,
  type: 'payer_decision',
  occurredAt: '2026-03-13T16:00:00.000Z',
  details: {
    decision: 'denied',
    level: 0,
    noticeDate: '2026-03-10',
    receivedOn: '2026-03-13',
    isFinal: false,
  },
};
const appeal: CaseTimelineEvent = {
  id: 13,
  type: 'appeal_filed',
  occurredAt: '2026-03-30T13:00:00.000Z',
  details: { level: 1, method: 'fax', isExpedited: false, receivedByPayerOn: '2026-04-01' },
};

describe('mapping a case onto the engine vocabulary', () => {
  it('maps receipt, denial and appeal events, oldest first, keeping where each came from', () => {
    // Given newest first on purpose: the mapping orders by the date the engine reads.
    const mapped = mapCaseToScenario(facts({ events: [appeal, denial, priorAuth] }));
    expect(mapped.missingFacts).toEqual([]);
    expect(mapped.scenario).toEqual({
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      state: 'NY',
      timeZone: newYork,
      asOf: undefined,
      events: [
        {
          type: 'request-received',
          date: '2026-03-02T15:30:00.000Z',
          receivedDate: undefined,
          level: undefined,
          final: undefined,
          until: undefined,
        },
        {
          type: 'denial-notice',
          date: '2026-03-10',
          receivedDate: '2026-03-13',
          level: undefined,
          final: undefined,
          until: undefined,
        },
        {
          type: 'appeal-received',
          date: '2026-04-01',
          receivedDate: undefined,
          level: 1,
          final: undefined,
          until: undefined,
        },
      ],
    });
    expect(mapped.sources.map((source) => source.eventId)).toEqual([11, 12, 13]);
  });

  it('names the coverage as the missing fact when no plan type is known, and computes nothing', () => {
    const mapped = mapCaseToScenario(facts({ planType: null, events: [denial] }));
    expect(mapped.scenario).toBeNull();
    expect(mapped.missingFacts).toEqual([
      "The case's coverage and its plan type (Coverage tab): the plan type decides which rules set the deadlines.",
    ]);
  });

  it('never uses the submission date as the payer receipt; a proof of delivery is receipt', () => {
    const unsent = { ...priorAuth, details: { method: 'fax', isExpedited: false, receivedByPayerAt: null } };
    const mapped = mapCaseToScenario(facts({ events: [unsent] }));
    expect(mapped.scenario?.events).toEqual([]);
    expect(mapped.missingFacts).toEqual([
      "When the payer received the prior authorization request sent 2026-03-02 (date and time, or a proof of delivery): the payer's decision deadline runs from receipt.",
    ]);

    const delivered: CaseTimelineEvent = {
      id: 14,
      type: 'appeal_filed',
      occurredAt: '2026-03-30T13:00:00.000Z',
      details: {
        level: 1,
        method: 'mail',
        receivedByPayerOn: null,
        deliveryProof: {
          method: 'certified_mail',
          reference: '9400',
          deliveredAt: '2026-04-03T18:00:00.000Z',
        },
      },
    };
    expect(mapCaseToScenario(facts({ events: [delivered] })).scenario?.events[0]).toMatchObject({
      type: 'appeal-received',
      date: '2026-04-03T18:00:00.000Z',
      level: 1,
    });
  });

  it('lists an appeal with no receipt date as a fact to record', () => {
    const noReceipt = { ...appeal, details: { level: 1, method: 'fax', receivedByPayerOn: null } };
    const mapped = mapCaseToScenario(facts({ events: [noReceipt] }));
    expect(mapped.scenario?.events).toEqual([]);
    expect(mapped.missingFacts[0]).toMatch(/^When the payer received the level-1 appeal filed 2026-03-30/);
  });

  it('times an urgent case as an urgent claim and says so; a concurrent claim stays concurrent', () => {
    const urgent = mapCaseToScenario(facts({ isUrgent: true, claimType: null }));
    expect(urgent.scenario?.claimType).toBe('urgent');
    expect(urgent.assumptions).toEqual(['Timed as an urgent claim because the case is marked urgent.']);
    const expedited = mapCaseToScenario(
      facts({ events: [{ ...priorAuth, details: { ...priorAuth.details, isExpedited: true } }] }),
    );
    expect(expedited.scenario?.claimType).toBe('urgent');
    expect(mapCaseToScenario(facts({ isUrgent: true, claimType: 'concurrent' })).scenario?.claimType).toBe(
      'concurrent',
    );
    expect(mapCaseToScenario(facts({ claimType: null })).scenario?.claimType).toBeUndefined();
  });

  it('maps appeal decisions: a stored isFinal false is treated as not said (safe), true as final', () => {
    const levelOne = (isFinal: boolean): CaseTimelineEvent => ({
      id: 20,
      type: 'payer_decision',
      occurredAt: '2026-05-01T12:00:00.000Z',
      details: { decision: 'denied', level: 1, noticeDate: '2026-04-28', receivedOn: null, isFinal },
    });
    expect(mapCaseToScenario(facts({ events: [levelOne(false)] })).scenario?.events[0]).toMatchObject({
      type: 'appeal-decision-notice',
      level: 1,
      final: undefined,
    });
    expect(mapCaseToScenario(facts({ events: [levelOne(true)] })).scenario?.events[0]).toMatchObject({
      final: true,
    });
  });

  it('maps approvals with their end and keeps them for the re-authorization reminder', () => {
    const partial: CaseTimelineEvent = {
      id: 30,
      type: 'payer_decision',
      occurredAt: '2026-04-20T12:00:00.000Z',
      details: {
        decision: 'partially_approved',
        level: 0,
        noticeDate: '2026-04-18',
        approvedUnits: 24,
        approvedUntil: '2026-10-31',
      },
    };
    const mapped = mapCaseToScenario(facts({ events: [partial] }));
    expect(mapped.scenario?.events.map((event) => event.type)).toEqual(['denial-notice', 'approval']);
    expect(mapped.scenario?.events[1]?.until).toBe('2026-10-31');
    expect(mapped.approvals).toEqual([
      { eventId: 30, noticeDate: '2026-04-18', approvedUntil: '2026-10-31', approvedUnits: 24 },
    ]);
  });

  it("rewrites the engine's event labels into timeline words", () => {
    const mapped = mapCaseToScenario(facts({ events: [denial] }));
    expect(describeEngineFact('events[0].receivedDate: the day the notice arrived; …', mapped.sources)).toBe(
      'The denial notice dated 2026-03-10, the day it arrived: the day the notice arrived; …',
    );
    expect(describeEngineFact('claimType: urgent, pre-service…', mapped.sources)).toBe(
      'Claim type (case details): urgent, pre-service…',
    );
  });
});

describe('deriving the rows kept per case', () => {
  // 2026-04-05 08:00 in New York (EDT, UTC-4).
  const now = new Date('2026-04-05T12:00:00.000Z');

  function derive(
    overrides: Partial<CaseDeadlineFacts>,
    extra: Partial<Parameters<typeof deriveCaseDeadlines>[0]> = {},
  ) {
    return deriveCaseDeadlines({
      mapped: mapCaseToScenario(facts(overrides)),
      payerRequests: [],
      reauthorizationLeadDays: 30,
      now,
      timeZone: newYork,
      ...extra,
    });
  }

  const byRule = (rows: readonly DerivedDeadline[], rule: string) => rows.find((row) => row.rule === rule);

  it('keys each engine deadline by rule and timeline event, with hand-worked dates', () => {
    const { deadlines, asOf } = derive({ events: [priorAuth, denial, appeal] });
    expect(asOf).toBe('2026-04-05');
    // Received 2026-03-02 10:30 EST; 15 calendar days (2560.503-1(f)(2)(iii)(A)) → 2026-03-17.
    // The denial is dated 2026-03-10, before then: met.
    expect(byRule(deadlines, 'erisa_preservice_initial_decision')).toMatchObject({
      key: 'erisa_preservice_initial_decision@event:11',
      dueOn: '2026-03-17',
      dueAt: null,
      actor: 'payer',
      status: 'met',
      sourceEventId: 11,
    });
    // Received 2026-03-13; 180 days: 18 left in March, +30 Apr (48), +31 May (79), +30 Jun (109),
    // +31 Jul (140), +31 Aug (171), +9 → 2026-09-09. The level-1 appeal on 2026-04-01 meets it.
    expect(byRule(deadlines, 'erisa_internal_appeal_filing')).toMatchObject({
      key: 'erisa_internal_appeal_filing@event:12',
      dueOn: '2026-09-09',
      actor: 'claimant',
      status: 'met',
    });
    // Appeal received 2026-04-01; the plan's number of levels is unknown, so the safe two-level
    // pre-service clock, 15 days (2560.503-1(i)(2)(ii)) → 2026-04-16, 11 days after asOf: open.
    expect(byRule(deadlines, 'erisa_appeal_decision_preservice_two_level')).toMatchObject({
      key: 'erisa_appeal_decision_preservice_two_level@event:13',
      dueOn: '2026-04-16',
      actor: 'payer',
      status: 'open',
    });
  });

  it('keeps the day in the user zone and the UTC moment for an hour rule', () => {
    // Urgent claim received 2026-03-06 20:00 UTC (15:00 EST); 72 hours later is 2026-03-09 20:00
    // UTC, which is 16:00 EDT because clocks moved forward on 2026-03-08.
    const urgentRequest: CaseTimelineEvent = {
      ...priorAuth,
      details: { method: 'portal', isExpedited: true, receivedByPayerAt: '2026-03-06T20:00:00.000Z' },
    };
    const { deadlines } = derive({ claimType: 'urgent', events: [urgentRequest] });
    expect(byRule(deadlines, 'erisa_urgent_initial_decision')).toMatchObject({
      computedDue: '2026-03-09T16:00:00-04:00',
      dueOn: '2026-03-09',
      dueAt: '2026-03-09T20:00:00.000Z',
      status: 'missed',
    });
  });

  it('adds a re-authorization reminder 30 days before an approval ends, and asks for the end date when only sessions are known', () => {
    const approval: CaseTimelineEvent = {
      id: 40,
      type: 'payer_decision',
      occurredAt: '2026-04-02T12:00:00.000Z',
      details: { decision: 'approved', level: 0, noticeDate: '2026-04-01', approvedUntil: '2026-10-31' },
    };
    const sessionsOnly: CaseTimelineEvent = {
      id: 41,
      type: 'payer_decision',
      occurredAt: '2026-04-03T12:00:00.000Z',
      details: { decision: 'approved', level: 0, noticeDate: '2026-04-02', approvedUnits: 36 },
    };
    const { deadlines, missingFacts } = derive({ events: [approval, sessionsOnly] });
    // 2026-10-31 − 30 days = 2026-10-01.
    expect(byRule(deadlines, 'reauthorization_request')).toMatchObject({
      key: 'reauthorization_request@event:40',
      kind: 'reauthorization',
      dueOn: '2026-10-01',
      actor: 'claimant',
      status: 'open',
    });
    expect(byRule(deadlines, 'reauthorization_request')?.note).toContain(
      'same rating scale used at baseline',
    );
    expect(missingFacts).toContain(
      'The approval dated 2026-04-02 covers 36 sessions: record "Approved until" (the day the last approved session is expected) to get a re-authorization reminder.',
    );
  });

  it('tracks requests to the payer: an ERISA plan-documents clock (unverified) and a follow-up otherwise', () => {
    const { deadlines } = derive(
      {},
      {
        payerRequests: [
          { id: 5, kind: 'plan_documents', sentOn: '2026-04-01', answeredOn: null },
          { id: 6, kind: 'claim_file', sentOn: '2026-03-01', answeredOn: null },
        ],
      },
    );
    // 2026-04-01 + 30 = 2026-05-01.
    expect(byRule(deadlines, 'erisa_plan_documents_request')).toMatchObject({
      key: 'erisa_plan_documents_request@request:5',
      dueOn: '2026-05-01',
      confidence: 'unverified',
      status: 'open',
    });
    // 2026-03-01 + 30 = 2026-03-31, before 2026-04-05: follow-up overdue; 35 days outstanding.
    const claimFile = byRule(deadlines, 'records_request_follow_up');
    expect(claimFile).toMatchObject({ dueOn: '2026-03-31', status: 'missed' });
    expect(claimFile?.note).toMatch(/^Sent 2026-03-01; 35 days outstanding\./);
    expect(claimFile?.note).toContain('not a legal deadline');
  });

  it('judges what the screen shows today: the override date, "done", and an hour rule to the minute', () => {
    const row = { status: 'missed' as const, dueOn: '2026-04-01', dueAt: null };
    expect(judgeDisplayStatus(row, undefined, now, newYork)).toBe('missed');
    // The plan document gives until 2026-04-05, today.
    expect(judgeDisplayStatus(row, { overrideDueOn: '2026-04-05', doneAt: null }, now, newYork)).toBe(
      'due-today',
    );
    expect(judgeDisplayStatus(row, { overrideDueOn: '2026-04-12', doneAt: null }, now, newYork)).toBe(
      'due-soon',
    );
    expect(judgeDisplayStatus(row, { overrideDueOn: '2026-04-13', doneAt: null }, now, newYork)).toBe('open');
    expect(
      judgeDisplayStatus(row, { overrideDueOn: null, doneAt: '2026-04-02T00:00:00Z' }, now, newYork),
    ).toBe('done');
    const hourRule = { status: 'open' as const, dueOn: '2026-04-05', dueAt: '2026-04-05T11:59:00.000Z' };
    expect(judgeDisplayStatus(hourRule, undefined, now, newYork)).toBe('missed');
    expect(
      judgeDisplayStatus({ ...hourRule, dueAt: '2026-04-05T12:01:00.000Z' }, undefined, now, newYork),
    ).toBe('due-today');
  });
});
