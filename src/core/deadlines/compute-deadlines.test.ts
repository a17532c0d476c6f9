import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './compute-deadlines';
import type { DeadlineStatus } from './deadline-entry';
import { isPlanType } from './plan-types';
import { deadlineRules, type DeadlineRule } from './rules';
import { deadlineScenarioSchema } from './scenario-schema';

// Weekday anchors for the working below (derived by hand): 2026-01-01 Thursday, Mar 1 2026 Sunday,
// Sep 1 2026 Tuesday, Oct 1 2026 Thursday, 2028-01-01 Saturday. US daylight saving 2026 starts Sun Mar 8.

type ExpectedDeadline = {
  readonly rule: keyof typeof deadlineRules;
  readonly due: string;
  readonly status: DeadlineStatus;
  /** Words the note must contain: an outer limit, a roll-forward, a late-payer remedy. */
  readonly noteIncludes?: readonly string[];
};

type EngineCase = {
  readonly name: string;
  readonly scenario: Record<string, unknown>;
  readonly expected: readonly ExpectedDeadline[];
  /** Words each of which some missing fact must contain; an empty list means none may be reported. */
  readonly missingFacts?: readonly string[];
};

const newYork = { timeZone: 'America/New_York', state: 'NY' };

const cases: readonly EngineCase[] = [
  // ---------------- Employer, governmental and individual plans (29 CFR 2560.503-1; 45 CFR 147.136) ----------------
  {
    name: 'urgent claim received at a known time: 72 hours later, due soon',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'urgent',
      asOf: '2026-03-02',
      events: [{ type: 'request-received', date: '2026-03-02T09:30:00-05:00' }],
    },
    // 09:30 EST Mar 2 + 72 h = 09:30 EST Mar 5 (daylight saving starts only on Mar 8); 3 days from asOf
    expected: [
      { rule: 'erisa_urgent_initial_decision', due: '2026-03-05T09:30:00-05:00', status: 'due-soon' },
    ],
    missingFacts: [],
  },
  {
    name: 'urgent claim across the start of daylight saving, no decision: missed, payer late',
    scenario: {
      ...newYork,
      planType: 'employer-fully-insured',
      claimType: 'urgent',
      asOf: '2026-03-10',
      events: [{ type: 'request-received', date: '2026-03-06T10:00:00-05:00' }],
    },
    // 10:00 EST Mar 6 = 15:00Z; + 72 h = 15:00Z Mar 9 = 11:00 EDT; asOf Mar 10 is past it with no decision
    expected: [
      {
        rule: 'erisa_urgent_initial_decision',
        due: '2026-03-09T11:00:00-04:00',
        status: 'missed',
        noteIncludes: ['Payer is late', 'external review'],
      },
    ],
  },
  {
    name: 'urgent claim decided in time; the denial opens the 180-day appeal window from the letter date',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'urgent',
      asOf: '2026-03-10',
      events: [
        { type: 'request-received', date: '2026-03-02T09:30:00-05:00' },
        { type: 'denial-notice', date: '2026-03-04T16:00:00-05:00' },
      ],
    },
    expected: [
      // denial 16:00 Mar 4 is before 09:30 Mar 5
      { rule: 'erisa_urgent_initial_decision', due: '2026-03-05T09:30:00-05:00', status: 'met' },
      // no receivedDate: 180 days from the letter date Mar 4: Mar 27 + Apr 30 + May 31 + Jun 30 + Jul 31 = 149, + 31 → Aug 31
      {
        rule: 'erisa_internal_appeal_filing',
        due: '2026-08-31',
        status: 'open',
        noteIncludes: ['date on the notice'],
      },
    ],
    missingFacts: ['events[1].receivedDate'],
  },
  {
    name: 'urgent claim with a date but no time: counted from the start of that day, time listed as missing',
    scenario: {
      planType: 'governmental-group',
      claimType: 'urgent',
      timeZone: 'America/Chicago',
      asOf: '2026-03-02',
      events: [{ type: 'request-received', date: '2026-03-02' }],
    },
    // 00:00 CST (-06:00) Mar 2 + 72 h = 00:00 CST Mar 5
    expected: [
      {
        rule: 'erisa_urgent_initial_decision',
        due: '2026-03-05T00:00:00-06:00',
        status: 'due-soon',
        noteIncludes: ['Time of receipt not given'],
      },
    ],
    missingFacts: ['events[0].date: the time of receipt'],
  },
  {
    name: 'pre-service request sent from Los Angeles late at night lands on the next day in New York',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-04-01',
      events: [{ type: 'request-received', date: '2026-03-31T23:30:00-07:00' }],
    },
    // 23:30 PDT Mar 31 = 02:30 EDT Apr 1; Apr 1 + 15 = Apr 16; 15 days away → open
    expected: [{ rule: 'erisa_preservice_initial_decision', due: '2026-04-16', status: 'open' }],
  },
  {
    name: 'pre-service decision missing after 15 days: deemed exhaustion note',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-03-20',
      events: [{ type: 'request-received', date: '2026-03-02' }],
    },
    // Mar 2 + 15 = Mar 17 < asOf Mar 20
    expected: [
      {
        rule: 'erisa_preservice_initial_decision',
        due: '2026-03-17',
        status: 'missed',
        noteIncludes: ['2590.715-2719(b)(2)(ii)(F)'],
      },
    ],
  },
  {
    name: 'post-service claim decided in time, appeal window open',
    scenario: {
      ...newYork,
      planType: 'employer-fully-insured',
      claimType: 'post-service',
      asOf: '2026-02-12',
      events: [
        { type: 'request-received', date: '2026-01-20' },
        { type: 'denial-notice', date: '2026-02-10' },
      ],
    },
    expected: [
      // Jan 20 + 11 = Jan 31, + 19 = Feb 19; denial Feb 10
      { rule: 'erisa_postservice_initial_decision', due: '2026-02-19', status: 'met' },
      // Feb 10: 18 to Feb 28, Mar 31 (49), Apr 30 (79), May 31 (110), Jun 30 (140), Jul 31 (171), + 9 → Aug 9
      { rule: 'erisa_internal_appeal_filing', due: '2026-08-09', status: 'open' },
    ],
  },
  {
    name: 'receivedDate later than the letter date: the claimant clock runs from receipt',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'post-service',
      asOf: '2026-09-25',
      events: [{ type: 'denial-notice', date: '2026-03-31', receivedDate: '2026-04-03' }],
    },
    // 180 days from Apr 3: Apr 27 + May 31 + Jun 30 + Jul 31 + Aug 31 = 150, + 30 → Sep 30; 5 days from asOf
    expected: [
      {
        rule: 'erisa_internal_appeal_filing',
        due: '2026-09-30',
        status: 'due-soon',
        noteIncludes: ['arrived (2026-04-03)'],
      },
    ],
    missingFacts: [],
  },
  {
    name: 'same denial without receivedDate: safe date from the letter date',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'post-service',
      asOf: '2026-04-01',
      events: [{ type: 'denial-notice', date: '2026-03-31' }],
    },
    // Mar 31 + 180: Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 = 153, + 27 → Sep 27
    expected: [{ rule: 'erisa_internal_appeal_filing', due: '2026-09-27', status: 'open' }],
    missingFacts: ['events[0].receivedDate'],
  },
  {
    name: 'appeal received after the 180 days: missed; unknown number of levels gives the safe two-level clock',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'post-service',
      asOf: '2026-07-15',
      events: [
        { type: 'denial-notice', date: '2026-01-05', receivedDate: '2026-01-08' },
        { type: 'appeal-received', date: '2026-07-10', level: 1 },
      ],
    },
    expected: [
      // Jan 8: 23 to Jan 31, Feb (51), Mar (82), Apr (112), May (143), Jun (173), + 7 → Jul 7; appeal Jul 10 is late
      {
        rule: 'erisa_internal_appeal_filing',
        due: '2026-07-07',
        status: 'missed',
        noteIncludes: ['Filed late'],
      },
      // two-level (safe): Jul 10 + 30 = Aug 9; one level: Jul 10 + 60 = Jul 31 (21) + Aug 31 (52) + 8 → Sep 8
      {
        rule: 'erisa_appeal_decision_postservice_two_level',
        due: '2026-08-09',
        status: 'open',
        noteIncludes: ['only one appeal level: 2026-09-08 (29 CFR 2560.503-1(i)(2)(iii)).'],
      },
    ],
    missingFacts: ['appeal levels'],
  },
  {
    name: 'two-level plan, pre-service: 15 days per level',
    scenario: {
      ...newYork,
      planType: 'employer-fully-insured',
      claimType: 'pre-service',
      asOf: '2026-04-21',
      events: [
        { type: 'appeal-received', date: '2026-04-01', level: 1 },
        { type: 'appeal-decision-notice', date: '2026-04-14', level: 1, final: false },
        { type: 'appeal-received', date: '2026-04-20', level: 2 },
      ],
    },
    expected: [
      // Apr 1 + 15 = Apr 16; decided Apr 14
      { rule: 'erisa_appeal_decision_preservice_two_level', due: '2026-04-16', status: 'met' },
      // Apr 20 + 15 = May 5; 14 days from asOf
      { rule: 'erisa_appeal_decision_preservice_two_level', due: '2026-05-05', status: 'open' },
    ],
    missingFacts: ['level-2 appeal is set by the plan document'],
  },
  {
    name: 'individual coverage: one level, 60-day post-service appeal; external review falls on a Sunday',
    scenario: {
      ...newYork,
      planType: 'individual',
      claimType: 'post-service',
      asOf: '2026-06-20',
      events: [
        { type: 'appeal-received', date: '2026-05-01', level: 1 },
        { type: 'appeal-decision-notice', date: '2026-06-15', receivedDate: '2026-06-18', level: 1 },
      ],
    },
    expected: [
      // May 1 + 30 = May 31, + 30 = Jun 30; decided Jun 15
      { rule: 'erisa_appeal_decision_postservice_one_level', due: '2026-06-30', status: 'met' },
      // received Jun 18 + 4 months = Oct 18, a Sunday (Oct 1 Thu); as quoted it rolls to Monday Oct 19 (outer limit)
      {
        rule: 'federal_external_review_request',
        due: '2026-10-18',
        status: 'open',
        noteIncludes: ['2026-10-19', 'not verified'],
      },
    ],
    missingFacts: [],
  },
  {
    name: 'external review: no such day in the 4th month, so the 1st of the 5th month (then a Sunday)',
    scenario: {
      ...newYork,
      planType: 'governmental-group',
      claimType: 'pre-service',
      asOf: '2026-02-01',
      events: [
        {
          type: 'appeal-decision-notice',
          date: '2025-10-27',
          receivedDate: '2025-10-30',
          level: 1,
          final: true,
        },
      ],
    },
    // received Oct 30 + 4 months → no Feb 30 → Mar 1 2026, a Sunday → rolls to Monday Mar 2 as the outer limit; 28 days away
    expected: [
      {
        rule: 'federal_external_review_request',
        due: '2026-03-01',
        status: 'open',
        noteIncludes: ['1st of the next month', '2026-03-02'],
      },
    ],
  },
  {
    name: 'external review in a leap year: Oct 29 + 4 months = Feb 29',
    scenario: {
      ...newYork,
      planType: 'employer-fully-insured',
      claimType: 'post-service',
      asOf: '2028-01-01',
      events: [
        {
          type: 'appeal-decision-notice',
          date: '2027-10-26',
          receivedDate: '2027-10-29',
          level: 1,
          final: true,
        },
      ],
    },
    // Oct 29 2027 + 4 months = Feb 29 2028 (leap), a Tuesday (Jan 1 Sat + 59 days), not a holiday
    expected: [{ rule: 'federal_external_review_request', due: '2028-02-29', status: 'open' }],
  },
  {
    name: 'group plan decision without "final": external review shown as the safe date, fact listed',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-05-12',
      events: [{ type: 'appeal-decision-notice', date: '2026-05-10', receivedDate: '2026-05-12', level: 1 }],
    },
    // May 12 + 4 months = Sep 12, a Saturday (Sep 1 Tue) → rolls to Mon Sep 14 (Labor Day was Sep 7)
    expected: [
      {
        rule: 'federal_external_review_request',
        due: '2026-09-12',
        status: 'open',
        noteIncludes: ['2026-09-14'],
      },
    ],
    missingFacts: ['events[0].final'],
  },
  {
    name: 'concurrent care: extension asked more than 24 hours before the course ends → 24 hours',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'concurrent',
      asOf: '2026-03-13',
      events: [
        { type: 'approval', date: '2026-02-01', until: '2026-03-15' },
        { type: 'request-received', date: '2026-03-13T10:00:00-04:00' },
      ],
    },
    // the course ends at the end of Mar 15; 10:00 EDT Mar 13 + 24 h = 10:00 Mar 14, before that
    expected: [
      {
        rule: 'erisa_concurrent_urgent_extension_decision',
        due: '2026-03-14T10:00:00-04:00',
        status: 'due-soon',
      },
    ],
    missingFacts: [],
  },
  {
    name: 'concurrent care: asked on the last day → ordinary 72-hour urgent clock',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'concurrent',
      asOf: '2026-03-15',
      events: [
        { type: 'approval', date: '2026-02-01', until: '2026-03-15' },
        { type: 'request-received', date: '2026-03-15T09:00:00-04:00' },
      ],
    },
    // 09:00 Mar 15 + 24 h = 09:00 Mar 16, after the course ended at midnight → 72 h: 09:00 EDT Mar 18
    expected: [
      { rule: 'erisa_urgent_initial_decision', due: '2026-03-18T09:00:00-04:00', status: 'due-soon' },
    ],
  },
  {
    name: 'concurrent care without the approved end date: safe 24 hours, 72 hours as the alternative',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'concurrent',
      asOf: '2026-03-13',
      events: [{ type: 'request-received', date: '2026-03-13T10:00:00-04:00' }],
    },
    // 24 h: 10:00 Mar 14; 72 h: 10:00 Mar 16
    expected: [
      {
        rule: 'erisa_concurrent_urgent_extension_decision',
        due: '2026-03-14T10:00:00-04:00',
        status: 'due-soon',
        noteIncludes: ['2026-03-16T10:00:00-04:00'],
      },
    ],
    missingFacts: ['"until"'],
  },
  {
    name: 'urgent appeal decided four hours late, then the external review window',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'urgent',
      asOf: '2026-06-05',
      events: [
        { type: 'appeal-received', date: '2026-06-01T08:00:00-04:00', level: 1 },
        { type: 'appeal-decision-notice', date: '2026-06-04T12:00:00-04:00', level: 1, final: true },
      ],
    },
    expected: [
      // 08:00 Jun 1 + 72 h = 08:00 Jun 4; decision at 12:00 Jun 4 is late
      {
        rule: 'erisa_appeal_decision_urgent',
        due: '2026-06-04T08:00:00-04:00',
        status: 'missed',
        noteIncludes: ['Payer was late'],
      },
      // letter date Jun 4 + 4 months = Oct 4, a Sunday → Monday Oct 5 as the outer limit
      {
        rule: 'federal_external_review_request',
        due: '2026-10-04',
        status: 'open',
        noteIncludes: ['2026-10-05'],
      },
    ],
    missingFacts: ['events[1].receivedDate'],
  },
  {
    name: 'missing claim type: no payer clock, the fact is listed',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      asOf: '2026-03-02',
      events: [{ type: 'request-received', date: '2026-03-02' }],
    },
    expected: [],
    missingFacts: ['claimType'],
  },
  {
    name: 'appeal without a level: listed, not guessed',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-03-02',
      events: [{ type: 'appeal-received', date: '2026-03-02' }],
    },
    expected: [],
    missingFacts: ['events[0].level'],
  },
  {
    name: 'individual coverage has no second internal level',
    scenario: {
      ...newYork,
      planType: 'individual',
      claimType: 'pre-service',
      asOf: '2026-03-02',
      events: [{ type: 'appeal-received', date: '2026-03-02', level: 2 }],
    },
    expected: [],
    missingFacts: ["beyond the plan's internal appeal levels"],
  },
  // ---------------- Original Medicare (42 CFR 405 subpart I) ----------------
  {
    name: 'Medicare redetermination: 120 days from presumed receipt',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-02-01',
      events: [{ type: 'denial-notice', date: '2026-01-15' }],
    },
    // presumed receipt Jan 20; + 120: 11 to Jan 31, Feb (39), Mar (70), Apr (100), + 20 → May 20
    expected: [{ rule: 'medicare_ab_redetermination_request', due: '2026-05-20', status: 'open' }],
    missingFacts: [],
  },
  {
    name: 'Medicare notice that arrived after the presumed day: safe date from the presumption, later date in the note',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-02-01',
      events: [{ type: 'denial-notice', date: '2026-01-15', receivedDate: '2026-01-28' }],
    },
    // safe: May 20 as above; from Jan 28: 3 to Jan 31, Feb (31), Mar (62), Apr (92), + 28 → May 28
    expected: [
      {
        rule: 'medicare_ab_redetermination_request',
        due: '2026-05-20',
        status: 'open',
        noteIncludes: ['2026-05-28'],
      },
    ],
  },
  {
    name: 'Medicare notice that arrived early: counted from actual receipt',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-02-01',
      events: [{ type: 'denial-notice', date: '2026-01-15', receivedDate: '2026-01-17' }],
    },
    // Jan 17: 14 to Jan 31, Feb (42), Mar (73), Apr (103), + 17 → May 17; presumption (Jan 20) gives May 20
    expected: [
      {
        rule: 'medicare_ab_redetermination_request',
        due: '2026-05-17',
        status: 'open',
        noteIncludes: ['2026-05-20'],
      },
    ],
  },
  {
    name: 'Medicare MAC decision in time; reconsideration window from presumed receipt',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-06-22',
      events: [
        { type: 'appeal-received', date: '2026-05-01', level: 1 },
        { type: 'appeal-decision-notice', date: '2026-06-20', level: 1 },
      ],
    },
    expected: [
      // May 1 + 60 = Jun 30; decided Jun 20
      { rule: 'medicare_ab_redetermination_decision', due: '2026-06-30', status: 'met' },
      // presumed Jun 25; + 180: 5 to Jun 30, Jul (36), Aug (67), Sep (97), Oct (128), Nov (158), + 22 → Dec 22
      { rule: 'medicare_ab_reconsideration_request', due: '2026-12-22', status: 'open' },
    ],
  },
  {
    name: 'QIC misses its 60 days: escalation to OMHA',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-03-20',
      events: [{ type: 'appeal-received', date: '2026-01-10', level: 2 }],
    },
    // Jan 10 + 60: 21 to Jan 31, Feb (49), + 11 → Mar 11
    expected: [
      {
        rule: 'medicare_ab_reconsideration_decision',
        due: '2026-03-11',
        status: 'missed',
        noteIncludes: ['escalate'],
      },
    ],
  },
  {
    name: 'ALJ hearing request after the QIC decision',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-03-01',
      events: [{ type: 'appeal-decision-notice', date: '2026-02-26', level: 2 }],
    },
    // presumed Mar 3; + 60: 28 to Mar 31, Apr (58), + 2 → May 2
    expected: [{ rule: 'medicare_alj_request', due: '2026-05-02', status: 'open', noteIncludes: ['$200'] }],
  },
  {
    name: 'OMHA decision within 90 days',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-05-01',
      events: [{ type: 'appeal-received', date: '2026-05-01', level: 3 }],
    },
    // May 1 + 90: May 31 (30), Jun 30 (60), Jul 30 (90)
    expected: [{ rule: 'medicare_ab_alj_decision', due: '2026-07-30', status: 'open' }],
  },
  {
    name: 'Council request across February 29, 2028',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2028-02-21',
      events: [{ type: 'appeal-decision-notice', date: '2028-02-20', level: 3 }],
    },
    // presumed Feb 25; + 60: 4 to Feb 29 (leap), Mar (35), + 25 → Apr 25
    expected: [{ rule: 'medicare_council_request', due: '2028-04-25', status: 'open' }],
  },
  {
    name: 'Council decision: 90 days, 180 when escalated (outer limit)',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-08-01',
      events: [{ type: 'appeal-received', date: '2026-08-01', level: 4 }],
    },
    // Aug 1 + 90: Aug 31 (30), Sep 30 (60), Oct 30 (90); + 180: Oct 31 (91), Nov (121), Dec (152), Jan 28 2027 (180)
    expected: [
      {
        rule: 'medicare_council_decision',
        due: '2026-10-30',
        status: 'open',
        noteIncludes: ['Outer limit: 2027-01-28'],
      },
    ],
  },
  {
    name: 'federal court filing after the Council decision',
    scenario: {
      ...newYork,
      planType: 'medicare',
      asOf: '2026-11-02',
      events: [{ type: 'appeal-decision-notice', date: '2026-11-02', level: 4 }],
    },
    // presumed Nov 7; + 60: 23 to Nov 30, Dec (54), + 6 → Jan 6 2027
    expected: [
      {
        rule: 'medicare_judicial_review_filing',
        due: '2027-01-06',
        status: 'open',
        noteIncludes: ['$1,960'],
      },
    ],
  },
  {
    name: 'Original Medicare urgent: expedited appeals are not loaded, the standard level is shown',
    scenario: {
      ...newYork,
      planType: 'medicare',
      claimType: 'urgent',
      asOf: '2026-02-01',
      events: [{ type: 'denial-notice', date: '2026-01-15' }],
    },
    expected: [{ rule: 'medicare_ab_redetermination_request', due: '2026-05-20', status: 'open' }],
    missingFacts: ['Expedited Original Medicare appeals'],
  },
  // ---------------- Medicare Advantage (42 CFR 422 subpart M; CMS-0057-F) ----------------
  {
    name: 'Medicare Advantage standard prior authorization in 2026: 7 days, approved in time',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'pre-service',
      asOf: '2026-03-06',
      events: [
        { type: 'request-received', date: '2026-03-02' },
        { type: 'approval', date: '2026-03-05' },
      ],
    },
    // Mar 2 + 7 = Mar 9; approved Mar 5
    expected: [{ rule: 'ma_od_standard', due: '2026-03-09', status: 'met' }],
  },
  {
    name: 'Medicare Advantage standard request received in 2025: the old 14 days',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'pre-service',
      asOf: '2025-12-20',
      events: [{ type: 'request-received', date: '2025-12-20' }],
    },
    // Dec 20 + 14: 11 to Dec 31, + 3 → Jan 3 2026
    expected: [{ rule: 'ma_od_standard_before_2026', due: '2026-01-03', status: 'open' }],
  },
  {
    name: 'Medicare Advantage expedited request: 72 hours',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'urgent',
      asOf: '2026-01-02',
      events: [{ type: 'request-received', date: '2026-01-02T16:00:00-05:00' }],
    },
    // 16:00 EST Jan 2 + 72 h = 16:00 EST Jan 5
    expected: [{ rule: 'ma_od_expedited', due: '2026-01-05T16:00:00-05:00', status: 'due-soon' }],
  },
  {
    name: 'Medicare Advantage reconsideration request: conflict, 60 days safe and 65 outer',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'pre-service',
      asOf: '2026-01-12',
      events: [{ type: 'denial-notice', date: '2026-01-10' }],
    },
    // Jan 10 + 60: 21 to Jan 31, Feb (49), + 11 → Mar 11; + 65 → Mar 16
    expected: [
      {
        rule: 'ma_reconsideration_request',
        due: '2026-03-11',
        status: 'open',
        noteIncludes: ['Outer limit: 2026-03-16', 'Unverified'],
      },
    ],
  },
  {
    name: 'Medicare Advantage pre-service reconsideration decision: 30 days, due soon',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'pre-service',
      asOf: '2026-03-25',
      events: [{ type: 'appeal-received', date: '2026-03-01', level: 1 }],
    },
    // Mar 1 + 30 = Mar 31; 6 days from asOf
    expected: [{ rule: 'ma_reconsideration_decision_preservice', due: '2026-03-31', status: 'due-soon' }],
  },
  {
    name: 'Medicare Advantage payment request and payment reconsideration: 60 days each (payment OD unverified)',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'post-service',
      asOf: '2026-05-01',
      events: [
        { type: 'request-received', date: '2026-02-01' },
        { type: 'denial-notice', date: '2026-03-20' },
        { type: 'appeal-received', date: '2026-05-01', level: 1 },
      ],
    },
    expected: [
      // Feb 1 + 60: 27 to Feb 28, Mar (58), + 2 → Apr 2; denial Mar 20 in time
      { rule: 'ma_payment_od', due: '2026-04-02', status: 'met', noteIncludes: ['Unverified'] },
      // Mar 20 + 60: 11 to Mar 31, Apr (41), + 19 → May 19; appeal received May 1
      { rule: 'ma_reconsideration_request', due: '2026-05-19', status: 'met' },
      // May 1 + 60 = Jun 30
      { rule: 'ma_reconsideration_decision_payment', due: '2026-06-30', status: 'open' },
    ],
  },
  {
    name: 'Medicare Advantage: ALJ request after the IRE decision',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'pre-service',
      asOf: '2026-07-01',
      events: [{ type: 'appeal-decision-notice', date: '2026-07-01', level: 2 }],
    },
    // presumed Jul 6; + 60: 25 to Jul 31, Aug (56), + 4 → Sep 4
    expected: [{ rule: 'medicare_alj_request', due: '2026-09-04', status: 'open' }],
  },
  {
    name: 'Medicare Advantage concurrent request: expedited as the safe date, standard as the alternative',
    scenario: {
      ...newYork,
      planType: 'medicare-advantage',
      claimType: 'concurrent',
      asOf: '2026-04-01',
      events: [{ type: 'request-received', date: '2026-04-01T09:00:00-04:00' }],
    },
    // 09:00 EDT Apr 1 + 72 h = 09:00 Apr 4; standard: Apr 1 + 7 = Apr 8
    expected: [
      {
        rule: 'ma_od_expedited',
        due: '2026-04-04T09:00:00-04:00',
        status: 'due-soon',
        noteIncludes: ['2026-04-08'],
      },
    ],
  },
  // ---------------- Medicaid fee-for-service (42 CFR 431 subpart E; CMS-0057-F) ----------------
  {
    name: 'Medicaid standard prior authorization in 2026: 7 days, missed',
    scenario: {
      ...newYork,
      planType: 'medicaid',
      claimType: 'pre-service',
      asOf: '2026-02-18',
      events: [{ type: 'request-received', date: '2026-02-10' }],
    },
    // Feb 10 + 7 = Feb 17 < asOf Feb 18
    expected: [{ rule: 'medicaid_pa_standard', due: '2026-02-17', status: 'missed' }],
  },
  {
    name: 'Medicaid prior authorization before 2026: no federal clock loaded',
    scenario: {
      ...newYork,
      planType: 'medicaid',
      claimType: 'pre-service',
      asOf: '2025-11-03',
      events: [{ type: 'request-received', date: '2025-11-03' }],
    },
    expected: [],
    missingFacts: ['no federal prior-authorization decision rule'],
  },
  {
    name: 'Medicaid reduction of ongoing services: fair hearing (90) and keep-services (10 after presumed receipt)',
    scenario: {
      ...newYork,
      planType: 'medicaid',
      claimType: 'concurrent',
      asOf: '2026-04-16',
      events: [{ type: 'denial-notice', date: '2026-04-15' }],
    },
    expected: [
      // Apr 15 + 90: 15 to Apr 30, May (46), Jun (76), + 14 → Jul 14
      {
        rule: 'medicaid_ffs_fair_hearing_request',
        due: '2026-07-14',
        status: 'open',
        noteIncludes: ["state's number on the notice controls"],
      },
      // presumed Apr 20 + 10 = Apr 30; 14 days from asOf
      { rule: 'medicaid_ffs_continue_benefits', due: '2026-04-30', status: 'open' },
    ],
  },
  {
    name: 'Medicaid fair hearing: final action ordinarily within 90 days',
    scenario: {
      ...newYork,
      planType: 'medicaid',
      claimType: 'pre-service',
      asOf: '2026-07-01',
      events: [{ type: 'appeal-received', date: '2026-07-01', level: 1 }],
    },
    // Jul 1 + 90: Jul 31 (30), Aug 31 (61), + 29 → Sep 29
    expected: [{ rule: 'medicaid_fair_hearing_final_action', due: '2026-09-29', status: 'open' }],
  },
  {
    name: 'Medicaid fee-for-service claim for payment: no federal decision clock',
    scenario: {
      ...newYork,
      planType: 'medicaid',
      claimType: 'post-service',
      asOf: '2026-03-01',
      events: [{ type: 'request-received', date: '2026-03-01' }],
    },
    expected: [],
    missingFacts: ['post-service claim'],
  },
  // ---------------- Medicaid managed care (42 CFR 438 subpart F) ----------------
  {
    name: 'Medicaid managed care standard authorization: 7 days, 14 if the rating period began before 2026',
    scenario: {
      ...newYork,
      planType: 'medicaid-managed-care',
      claimType: 'pre-service',
      asOf: '2026-01-05',
      events: [{ type: 'request-received', date: '2026-01-05' }],
    },
    // Jan 5 + 7 = Jan 12; + 14 = Jan 19
    expected: [
      {
        rule: 'medicaid_mco_pa_standard',
        due: '2026-01-12',
        status: 'due-soon',
        noteIncludes: ['Outer limit: 2026-01-19'],
      },
    ],
  },
  {
    name: 'Medicaid managed care appeal: 60 days from the date on the notice, not receipt',
    scenario: {
      ...newYork,
      planType: 'medicaid-managed-care',
      claimType: 'pre-service',
      asOf: '2026-03-04',
      events: [{ type: 'denial-notice', date: '2026-02-27', receivedDate: '2026-03-04' }],
    },
    // Feb 27 + 60: 1 to Feb 28, Mar (32), + 28 → Apr 28
    expected: [
      {
        rule: 'medicaid_mco_appeal_request',
        due: '2026-04-28',
        status: 'open',
        noteIncludes: ['not the day it arrived'],
      },
    ],
    missingFacts: [],
  },
  {
    name: 'Medicaid managed care misses its 30 days: deemed exhaustion, go to fair hearing',
    scenario: {
      ...newYork,
      planType: 'medicaid-managed-care',
      claimType: 'pre-service',
      asOf: '2026-04-02',
      events: [{ type: 'appeal-received', date: '2026-03-01', level: 1 }],
    },
    // Mar 1 + 30 = Mar 31 < asOf Apr 2
    expected: [
      {
        rule: 'medicaid_mco_appeal_decision_standard',
        due: '2026-03-31',
        status: 'missed',
        noteIncludes: ['438.408(c)(3)'],
      },
    ],
  },
  {
    name: 'Medicaid managed care state fair hearing: conflict, 90 days safe and 120 outer',
    scenario: {
      ...newYork,
      planType: 'medicaid-managed-care',
      claimType: 'pre-service',
      asOf: '2026-05-15',
      events: [{ type: 'appeal-decision-notice', date: '2026-05-15', level: 1 }],
    },
    // May 15 + 90: 16 to May 31, Jun (46), Jul (77), + 13 → Aug 13; + 120: Aug 31 (108), + 12 → Sep 12
    expected: [
      {
        rule: 'medicaid_mco_state_fair_hearing_request',
        due: '2026-08-13',
        status: 'open',
        noteIncludes: ['Outer limit: 2026-09-12'],
      },
    ],
  },
  {
    name: 'Medicaid managed care expedited appeal: 72 hours',
    scenario: {
      ...newYork,
      planType: 'medicaid-managed-care',
      claimType: 'urgent',
      asOf: '2026-06-10',
      events: [{ type: 'appeal-received', date: '2026-06-10T14:00:00-04:00', level: 1 }],
    },
    // 14:00 EDT Jun 10 + 72 h = 14:00 Jun 13
    expected: [
      {
        rule: 'medicaid_mco_appeal_decision_expedited',
        due: '2026-06-13T14:00:00-04:00',
        status: 'due-soon',
      },
    ],
  },
  {
    name: 'Medicaid managed care reduction of ongoing services: appeal (60) and keep-services (10)',
    scenario: {
      ...newYork,
      planType: 'medicaid-managed-care',
      claimType: 'concurrent',
      asOf: '2026-06-01',
      events: [{ type: 'denial-notice', date: '2026-06-01' }],
    },
    expected: [
      // Jun 1 + 60: 29 to Jun 30, + 31 → Jul 31
      { rule: 'medicaid_mco_appeal_request', due: '2026-07-31', status: 'open' },
      // Jun 1 + 10 = Jun 11
      { rule: 'medicaid_mco_continue_benefits', due: '2026-06-11', status: 'open' },
    ],
  },
  // ---------------- Coverage without loaded rules ----------------
  ...['tricare', 'va', 'other'].map((planType): EngineCase => ({
    name: `${planType}: no rules loaded, no guesses`,
    scenario: {
      ...newYork,
      planType,
      claimType: 'pre-service',
      asOf: '2026-03-02',
      events: [{ type: 'denial-notice', date: '2026-03-02' }],
    },
    expected: [],
    missingFacts: ['no deadline rules are loaded'],
  })),
  {
    name: 'unknown plan type: empty list and the fact, never a guess',
    scenario: {
      ...newYork,
      planType: 'hmo-deluxe',
      claimType: 'pre-service',
      asOf: '2026-03-02',
      events: [{ type: 'denial-notice', date: '2026-03-02' }],
    },
    expected: [],
    missingFacts: ['not a plan type these rules know'],
  },
  {
    name: 'no events at all',
    scenario: {
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-03-02',
      events: [],
    },
    expected: [],
    missingFacts: ['events: none given'],
  },
];

describe('computeDeadlines', () => {
  it('has at least 40 scenarios', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', ({ scenario, expected, missingFacts }) => {
    const parsedScenario = deadlineScenarioSchema.parse(scenario);
    const report = computeDeadlines(parsedScenario);

    expect(report.deadlines.map(({ rule, due, status }) => ({ rule, due, status }))).toEqual(
      expected.map(({ rule, due, status }) => ({ rule, due, status })),
    );
    expected.forEach(({ noteIncludes = [] }, index) => {
      for (const words of noteIncludes) expect(report.deadlines[index]?.note).toContain(words);
    });
    for (const entry of report.deadlines) {
      const rule: DeadlineRule = deadlineRules[entry.rule as keyof typeof deadlineRules];
      // Every date names a rule that applies to this plan type, with its actor and citation link.
      expect(isPlanType(parsedScenario.planType) && rule.planTypes.includes(parsedScenario.planType)).toBe(
        true,
      );
      expect(entry.actor).toBe(rule.actor);
      expect(entry.citation).toBe(rule.citationUrl);
    }
    if (missingFacts?.length === 0) expect(report.missingFacts).toEqual([]);
    for (const words of missingFacts ?? []) {
      expect(report.missingFacts.some((fact) => fact.includes(words))).toBe(true);
    }
  });

  it('judges statuses at today in the scenario time zone when asOf is not given', () => {
    const scenario = deadlineScenarioSchema.parse({
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      events: [{ type: 'request-received', date: '2026-02-15' }],
    });
    // 03:00Z Mar 2 is still 22:00 on Mar 1 in New York; due Feb 15 + 15 = Mar 2, so not yet missed
    const report = computeDeadlines(scenario, new Date('2026-03-02T03:00:00Z'));
    expect(report.asOf).toBe('2026-03-01');
    expect(report.deadlines[0]).toMatchObject({ due: '2026-03-02', status: 'due-soon' });
  });

  it('ignores events dated after asOf when judging whether a deadline was met', () => {
    const scenario = deadlineScenarioSchema.parse({
      ...newYork,
      planType: 'employer-self-funded',
      claimType: 'pre-service',
      asOf: '2026-03-05',
      events: [
        { type: 'request-received', date: '2026-03-02' },
        { type: 'denial-notice', date: '2026-03-10' },
      ],
    });
    // Mar 2 + 15 = Mar 17; the denial of Mar 10 has not happened yet on Mar 5
    expect(computeDeadlines(scenario).deadlines[0]).toMatchObject({ due: '2026-03-17', status: 'open' });
  });
});

describe('the rule table', () => {
  it.each(Object.entries(deadlineRules))(
    '%s names itself, cites a link and has a positive duration',
    (key, rule) => {
      expect(rule.id).toBe(key);
      expect(rule.citationUrl).toMatch(/^https?:\/\//);
      expect(rule.duration.amount).toBeGreaterThan(0);
    },
  );
});
