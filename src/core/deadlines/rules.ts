import type { CivilDate } from './date-arithmetic';
import { groupAndIndividualPlanTypes, type Actor, type EventType, type PlanType } from './plan-types';

/**
 * The deadline rules, copied from the project's deadlines reference (research pass 2026-1,
 * docs/domain/deadlines.md §2–§7, YAML in §11, open questions in §10). Every date the
 * engine prints comes from one of these rows; a deadline that is not here is not computed.
 */

export type DurationUnit = 'hours' | 'calendar-days' | 'business-days' | 'months';
export type Duration = { readonly amount: number; readonly unit: DurationUnit };

/**
 * Where the clock starts:
 * - `receipt-by-payer`: the day (or moment, for hour clocks) the payer, contractor, reviewer or
 *   agency received the request or appeal;
 * - `receipt-by-claimant`: the day the claimant received the notice; the date on the notice is the
 *   safe stand-in when the arrival date is unknown, because a letter never arrives before its date;
 * - `date-on-notice`: the date printed on the notice, whenever it arrived;
 * - `presumed-receipt-5d`: the date on the notice plus 5 calendar days, unless receipt is shown.
 */
export type ClockStart =
  'receipt-by-payer' | 'receipt-by-claimant' | 'date-on-notice' | 'presumed-receipt-5d';

/** As the reference grades its sources: `verified` primary text read; `corroborated` secondary sources agree; `unverified` recalled or single-sourced. */
export type Confidence = 'verified' | 'corroborated' | 'unverified';

export type DeadlineRule = {
  readonly id: string;
  /** What the rule means, in a sentence an advocate can read to a client. */
  readonly meaning: string;
  readonly planTypes: readonly PlanType[];
  /** The scenario event that starts the clock; `level` for appeal events. */
  readonly trigger: { readonly event: EventType; readonly level?: number };
  readonly duration: Duration;
  readonly actor: Actor;
  /** Who exactly must act, for the note and the docs (the plan, the QIC, the state agency…). */
  readonly actingParty: string;
  readonly clockStart: ClockStart;
  readonly citation: string;
  readonly citationUrl: string;
  readonly confidence: Confidence;
  /** Dates of the trigger event for which the rule is in force (CMS-0057-F changed clocks on 2026-01-01). */
  readonly inForce?: { readonly from?: CivilDate; readonly through?: CivilDate };
  /** Where sources disagree: `duration` gives the safe (earlier) date, this the later one. */
  readonly outerLimit?: { readonly duration: Duration; readonly reason: string };
  /** The 4-month external review window moves off weekends and federal holidays, as quoted (not verified). */
  readonly rollsForwardOffNonBusinessDays?: boolean;
  /** Said with every date from this rule: extensions, tolling, what controls. */
  readonly caveat?: string;
  /** Said when a payer deadline passed without a decision: what the claimant may do next. */
  readonly whenPayerLate?: string;
};

const groupAndIndividual = groupAndIndividualPlanTypes;

const erisaClaimsUrl = 'https://www.ecfr.gov/current/title-29/section-2560.503-1';
const medicaidManagedCareAppealsUrl = 'https://www.ecfr.gov/current/title-42/section-438.408';
const cms0057MedicaidBulletinUrl = 'https://content.govdelivery.com/accounts/USCMSMEDICAID/bulletins/3d5c65a';
const maReconsiderationUrl = 'https://cms.gov/es/node/172521';
const cms0057Start: CivilDate = '2026-01-01';

const erisaPayerLate =
  'Payer is late: a non-grandfathered plan that does not strictly follow the claims rules is deemed to have ' +
  'exhausted internal appeals, so you may be able to proceed to external review (or court) now ' +
  '(29 CFR 2590.715-2719(b)(2)(ii)(F): confirm the paragraph in the regulation before citing it; ' +
  'ERISA plans also 2560.503-1(l)).';

const erisaExtensionCaveat =
  'The plan may extend once by up to 15 days for matters beyond its control if it tells you before the first ' +
  'period ends; if information is missing you get at least 45 days to supply it and the clock stops meanwhile ' +
  '(2560.503-1(f)(2)(iii), (f)(4)).';

const medicaidManagedCarePayerLate =
  'Plan is late: you are deemed to have exhausted the plan appeal and may request a state fair hearing now ' +
  '(42 CFR 438.408(c)(3), (f)(1)), unless the plan sent a written 14-day extension notice (438.408(c)).';

export const deadlineRules = {
  // ---------------- Group health plans and individual coverage (ERISA / ACA) ----------------
  erisa_urgent_initial_decision: {
    id: 'erisa_urgent_initial_decision',
    meaning:
      'The plan must decide an urgent care claim, and tell the claimant, within 72 hours of receiving it.',
    planTypes: groupAndIndividual,
    trigger: { event: 'request-received' },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(f)(2)(i), (g)(2); 45 CFR 147.136(b)(3)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: 'No extension. A decision given by phone must be confirmed in writing within 3 days.',
    whenPayerLate: erisaPayerLate,
  },
  erisa_concurrent_urgent_extension_decision: {
    id: 'erisa_concurrent_urgent_extension_decision',
    meaning:
      'When the claimant asks to extend an approved urgent course of treatment at least 24 hours before it ' +
      'ends, the plan must decide within 24 hours of receiving the request.',
    planTypes: groupAndIndividual,
    trigger: { event: 'request-received' },
    duration: { amount: 24, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(f)(2)(ii)(B)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat:
      'A request made less than 24 hours before the course ends is an ordinary urgent claim (72 hours); ' +
      'a request to extend a non-urgent course follows the pre-service clock (15 days).',
    whenPayerLate: erisaPayerLate,
  },
  erisa_preservice_initial_decision: {
    id: 'erisa_preservice_initial_decision',
    meaning:
      'The plan must decide a prior-authorization (pre-service) request within 15 days of receiving it.',
    planTypes: groupAndIndividual,
    trigger: { event: 'request-received' },
    duration: { amount: 15, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(f)(2)(iii)(A), (f)(4)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: erisaExtensionCaveat,
    whenPayerLate: erisaPayerLate,
  },
  erisa_postservice_initial_decision: {
    id: 'erisa_postservice_initial_decision',
    meaning: 'The plan must decide a claim for payment (post-service) within 30 days of receiving it.',
    planTypes: groupAndIndividual,
    trigger: { event: 'request-received' },
    duration: { amount: 30, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(f)(2)(iii)(B), (f)(4)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: erisaExtensionCaveat,
    whenPayerLate: erisaPayerLate,
  },
  erisa_internal_appeal_filing: {
    id: 'erisa_internal_appeal_filing',
    meaning: 'The claimant has at least 180 days after receiving a denial to file an internal appeal.',
    planTypes: groupAndIndividual,
    trigger: { event: 'denial-notice' },
    duration: { amount: 180, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the claimant or an authorized representative',
    clockStart: 'receipt-by-claimant',
    citation: '29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat:
      'This is the least the plan must allow; if the plan document or the notice allows longer, that controls.',
  },
  erisa_appeal_decision_urgent: {
    id: 'erisa_appeal_decision_urgent',
    meaning:
      'The plan must decide an urgent care appeal within 72 hours of receiving it (72 hours in all for two levels).',
    planTypes: groupAndIndividual,
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(i)(2)(i)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat:
      'No extension. For urgent care you may also ask for expedited external review at the same time; the ' +
      'reviewer must then decide within 72 hours of receiving it (45 CFR 147.136(d)(3)(iv)).',
    whenPayerLate: erisaPayerLate,
  },
  erisa_appeal_decision_preservice_one_level: {
    id: 'erisa_appeal_decision_preservice_one_level',
    meaning: 'A plan with one appeal level must decide a pre-service appeal within 30 days of receiving it.',
    planTypes: groupAndIndividual,
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 30, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(i)(2)(ii)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: 'No extension for group health appeals.',
    whenPayerLate: erisaPayerLate,
  },
  erisa_appeal_decision_preservice_two_level: {
    id: 'erisa_appeal_decision_preservice_two_level',
    meaning:
      'A plan with two appeal levels must decide each pre-service appeal level within 15 days of receiving it.',
    planTypes: ['employer-self-funded', 'employer-fully-insured', 'governmental-group'],
    trigger: { event: 'appeal-received' },
    duration: { amount: 15, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(i)(2)(ii)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: 'No extension for group health appeals.',
    whenPayerLate: erisaPayerLate,
  },
  erisa_appeal_decision_postservice_one_level: {
    id: 'erisa_appeal_decision_postservice_one_level',
    meaning: 'A plan with one appeal level must decide a post-service appeal within 60 days of receiving it.',
    planTypes: groupAndIndividual,
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(i)(2)(iii)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: 'No extension for group health appeals.',
    whenPayerLate: erisaPayerLate,
  },
  erisa_appeal_decision_postservice_two_level: {
    id: 'erisa_appeal_decision_postservice_two_level',
    meaning:
      'A plan with two appeal levels must decide each post-service appeal level within 30 days of receiving it.',
    planTypes: ['employer-self-funded', 'employer-fully-insured', 'governmental-group'],
    trigger: { event: 'appeal-received' },
    duration: { amount: 30, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the plan or insurer',
    clockStart: 'receipt-by-payer',
    citation: '29 CFR 2560.503-1(i)(2)(iii)',
    citationUrl: erisaClaimsUrl,
    confidence: 'verified',
    caveat: 'No extension for group health appeals.',
    whenPayerLate: erisaPayerLate,
  },
  federal_external_review_request: {
    id: 'federal_external_review_request',
    meaning:
      'The claimant has 4 months after receiving the final internal denial to ask for an independent external review.',
    planTypes: groupAndIndividual,
    trigger: { event: 'appeal-decision-notice' },
    duration: { amount: 4, unit: 'months' },
    actor: 'claimant',
    actingParty: 'the claimant or an authorized representative',
    clockStart: 'receipt-by-claimant',
    citation: '45 CFR 147.136(d)(2)(i); 29 CFR 2590.715-2719(d)',
    citationUrl: 'https://www.ecfr.gov/current/title-45/section-147.136',
    confidence: 'corroborated',
    rollsForwardOffNonBusinessDays: true,
    caveat:
      'Applies to non-grandfathered plans. An insured plan or individual policy may use the state process, which ' +
      'must allow at least 4 months and may allow more; the final denial letter names the route. Some consumer ' +
      'pages say 60 days: check your letter.',
  },
  // ---------------- Original Medicare (Parts A and B) ----------------
  medicare_ab_redetermination_request: {
    id: 'medicare_ab_redetermination_request',
    meaning:
      'Ask the Medicare Administrative Contractor for a redetermination within 120 days of receiving the initial determination.',
    planTypes: ['medicare'],
    trigger: { event: 'denial-notice' },
    duration: { amount: 120, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the beneficiary, provider or supplier',
    clockStart: 'presumed-receipt-5d',
    citation: '42 CFR 405.942',
    citationUrl:
      'http://www.cms.gov/Medicare/Appeals-and-Grievances/OrgMedFFSAppeals/RedeterminationbyaMedicareContractor.html',
    confidence: 'verified',
  },
  medicare_ab_redetermination_decision: {
    id: 'medicare_ab_redetermination_decision',
    meaning:
      'The Medicare Administrative Contractor generally decides a redetermination within 60 days of receiving the request.',
    planTypes: ['medicare'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Administrative Contractor (MAC)',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 405.950',
    citationUrl:
      'http://www.cms.gov/Medicare/Appeals-and-Grievances/OrgMedFFSAppeals/RedeterminationbyaMedicareContractor.html',
    confidence: 'verified',
  },
  medicare_ab_reconsideration_request: {
    id: 'medicare_ab_reconsideration_request',
    meaning:
      'Ask the Qualified Independent Contractor for reconsideration within 180 days of receiving the redetermination.',
    planTypes: ['medicare'],
    trigger: { event: 'appeal-decision-notice', level: 1 },
    duration: { amount: 180, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the appellant',
    clockStart: 'presumed-receipt-5d',
    citation: '42 CFR 405.962',
    citationUrl:
      'https://www.cms.gov/Medicare/Appeals-and-Grievances/OrgMedFFSAppeals/ReconsiderationbyaQualifiedIndependentContractor.html',
    confidence: 'verified',
  },
  medicare_ab_reconsideration_decision: {
    id: 'medicare_ab_reconsideration_decision',
    meaning:
      'The Qualified Independent Contractor generally decides a reconsideration within 60 days of receiving the request.',
    planTypes: ['medicare'],
    trigger: { event: 'appeal-received', level: 2 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Qualified Independent Contractor (QIC)',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 405.970',
    citationUrl: 'https://cahealthadvocates.org/appeals/coverage-payment-appeals/',
    confidence: 'corroborated',
    caveat: 'Extended by 14 days when the appellant sends evidence after filing.',
    whenPayerLate:
      'QIC is late: the appellant may ask to escalate the appeal to an ALJ at OMHA (42 CFR 405.970).',
  },
  medicare_alj_request: {
    id: 'medicare_alj_request',
    meaning: 'Ask for an ALJ hearing at OMHA within 60 days of receiving the QIC (or Part C IRE) decision.',
    planTypes: ['medicare', 'medicare-advantage'],
    trigger: { event: 'appeal-decision-notice', level: 2 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the appellant (send a copy to the other parties)',
    clockStart: 'presumed-receipt-5d',
    citation: '42 CFR 405.1002; amount in controversy 90 FR 55869',
    citationUrl: 'https://www.govinfo.gov/content/pkg/FR-2025-12-04/html/2025-21879.htm',
    confidence: 'verified',
    caveat: 'The amount in controversy must be at least $200 for requests filed in 2026 ($190 in 2025).',
  },
  medicare_ab_alj_decision: {
    id: 'medicare_ab_alj_decision',
    meaning: 'OMHA generally decides within 90 days of receiving the hearing request.',
    planTypes: ['medicare'],
    trigger: { event: 'appeal-received', level: 3 },
    duration: { amount: 90, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Office of Medicare Hearings and Appeals (OMHA)',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 405.1016',
    citationUrl:
      'http://www.hhs.gov/omha/Coverage%20and%20Claims%20Appeals/After%20the%20ALJ%20Decision/after_decision.html',
    confidence: 'corroborated',
    caveat: 'Longer when the appeal was escalated from the QIC.',
    whenPayerLate:
      'OMHA is late: the appellant may ask to escalate the appeal to the Medicare Appeals Council.',
  },
  medicare_council_request: {
    id: 'medicare_council_request',
    meaning:
      'Ask the Medicare Appeals Council for review within 60 days of receiving the ALJ decision or dismissal.',
    planTypes: ['medicare', 'medicare-advantage'],
    trigger: { event: 'appeal-decision-notice', level: 3 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the appellant (form DAB-101)',
    clockStart: 'presumed-receipt-5d',
    citation: '42 CFR 405.1102; 422.608',
    citationUrl: 'http://www.cms.gov/medicare/appeals-grievances/fee-for-service/fourth-level-appeal',
    confidence: 'verified',
  },
  medicare_council_decision: {
    id: 'medicare_council_decision',
    meaning: 'The Medicare Appeals Council decides within 90 days of receiving the request for review.',
    planTypes: ['medicare'],
    trigger: { event: 'appeal-received', level: 4 },
    duration: { amount: 90, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Appeals Council (HHS Departmental Appeals Board)',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 405.1100(c)-(d)',
    citationUrl: 'https://lexbuild.dev/ecfr/title-42/chapter-IV/part-405/section-405.1100',
    confidence: 'verified',
    outerLimit: {
      duration: { amount: 180, unit: 'calendar-days' },
      reason: 'when the appeal was escalated from OMHA without an ALJ decision',
    },
    whenPayerLate: 'Council is late: the appellant may ask to escalate the appeal to federal district court.',
  },
  medicare_judicial_review_filing: {
    id: 'medicare_judicial_review_filing',
    meaning: 'File in federal district court within 60 days of receiving the Council decision.',
    planTypes: ['medicare', 'medicare-advantage'],
    trigger: { event: 'appeal-decision-notice', level: 4 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the appellant',
    clockStart: 'presumed-receipt-5d',
    citation: '42 CFR 405.1130, 405.1136; 422.612; amount in controversy 90 FR 55869',
    citationUrl:
      'https://www.cms.gov/Medicare/Appeals-and-Grievances/OrgMedFFSAppeals/Review-Federal-District-Court.html',
    confidence: 'verified',
    caveat: 'The amount in controversy must be at least $1,960 for filings in 2026 ($1,900 in 2025).',
  },
  // ---------------- Medicare Advantage (Part C) ----------------
  ma_od_expedited: {
    id: 'ma_od_expedited',
    meaning:
      'The Medicare Advantage plan must make an expedited organization determination within 72 hours of receiving the request.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'request-received' },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.572(a)-(b); CMS-0057-F, 89 FR 8758',
    citationUrl: 'http://laws9.com/cfr/text/42/422/572',
    confidence: 'verified',
    caveat:
      'The plan may extend by up to 14 days if you ask or if it justifies needing more information; Part B drugs ' +
      'have shorter clocks (24 hours expedited) that these rules do not compute.',
  },
  ma_od_standard: {
    id: 'ma_od_standard',
    meaning:
      'From 2026 the Medicare Advantage plan must make a standard prior-authorization decision within 7 calendar days.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'request-received' },
    duration: { amount: 7, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.568(b)(1) as amended by CMS-0057-F, 89 FR 8758',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-422.568',
    confidence: 'corroborated',
    inForce: { from: cms0057Start },
    caveat:
      'The plan may extend by up to 14 days if you ask or if it justifies needing more information (the 2026 ' +
      'text is taken to keep this; confirm in the regulation before relying on it). Part B drugs: 72 hours, ' +
      'not computed here.',
  },
  ma_od_standard_before_2026: {
    id: 'ma_od_standard_before_2026',
    meaning:
      'Before 2026 the Medicare Advantage plan had 14 calendar days for a standard organization determination.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'request-received' },
    duration: { amount: 14, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.568(b)(1) (text before 2026-01-01)',
    citationUrl: 'https://revassurance.com/reva-laws/42-cfr-%c2%a7422-568b-1/',
    confidence: 'verified',
    inForce: { through: '2025-12-31' },
    caveat: 'The plan may extend by up to 14 days if you ask or if it justifies needing more information.',
  },
  ma_payment_od: {
    id: 'ma_payment_od',
    meaning: 'The Medicare Advantage plan decides a request for payment within 60 calendar days.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'request-received' },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.568 (payment requests; not re-read, see reference §10 item 7)',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-422.568',
    confidence: 'unverified',
  },
  ma_reconsideration_request: {
    id: 'ma_reconsideration_request',
    meaning:
      'Ask the Medicare Advantage plan for reconsideration within 60 days of the date on the denial notice.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'denial-notice' },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the enrollee, a representative or the physician',
    clockStart: 'date-on-notice',
    citation: '42 CFR 422.582(b)',
    citationUrl: maReconsiderationUrl,
    confidence: 'unverified',
    outerLimit: {
      duration: { amount: 65, unit: 'calendar-days' },
      reason:
        'current CMS wording: 60 days after receipt, presumed 5 days after the notice date; older CMS and ' +
        'medicare.gov pages say 60 days from the notice date (sources conflict)',
    },
  },
  ma_reconsideration_decision_expedited: {
    id: 'ma_reconsideration_decision_expedited',
    meaning:
      'The Medicare Advantage plan must decide an expedited reconsideration within 72 hours of receiving it.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.590',
    citationUrl: maReconsiderationUrl,
    confidence: 'verified',
    caveat:
      'If the plan upholds the denial it must send the case to the Part C Independent Review Entity itself.',
  },
  ma_reconsideration_decision_preservice: {
    id: 'ma_reconsideration_decision_preservice',
    meaning:
      'The Medicare Advantage plan must decide a standard pre-service reconsideration within 30 calendar days.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 30, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.590; 422.592',
    citationUrl: maReconsiderationUrl,
    confidence: 'verified',
    caveat:
      'If the plan upholds the denial it must send the case to the Part C Independent Review Entity itself ' +
      '(Maximus through 2026-04-30, C2C Innovative Solutions from 2026-05-01). Part B drugs: 7 days, not computed here.',
  },
  ma_reconsideration_decision_payment: {
    id: 'ma_reconsideration_decision_payment',
    meaning:
      'The Medicare Advantage plan must decide a reconsideration of a payment denial within 60 calendar days.',
    planTypes: ['medicare-advantage'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicare Advantage organization',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 422.590',
    citationUrl: maReconsiderationUrl,
    confidence: 'verified',
    caveat:
      'If the plan upholds the denial it must send the case to the Part C Independent Review Entity itself.',
  },
  // ---------------- Medicaid fee-for-service ----------------
  medicaid_pa_expedited: {
    id: 'medicaid_pa_expedited',
    meaning:
      'From 2026 the state Medicaid agency must decide an expedited prior authorization within 72 hours.',
    planTypes: ['medicaid'],
    trigger: { event: 'request-received' },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the state Medicaid agency',
    clockStart: 'receipt-by-payer',
    citation: 'CMS-0057-F, 89 FR 8758; 42 CFR 440.230(e), 431.80',
    citationUrl: cms0057MedicaidBulletinUrl,
    confidence: 'verified',
    inForce: { from: cms0057Start },
    caveat: 'Items and services only, not drugs. CMS let states ask for a later start date.',
  },
  medicaid_pa_standard: {
    id: 'medicaid_pa_standard',
    meaning:
      'From 2026 the state Medicaid agency must decide a standard prior authorization within 7 calendar days.',
    planTypes: ['medicaid'],
    trigger: { event: 'request-received' },
    duration: { amount: 7, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the state Medicaid agency',
    clockStart: 'receipt-by-payer',
    citation: 'CMS-0057-F, 89 FR 8758; 42 CFR 440.230(e), 431.80',
    citationUrl: cms0057MedicaidBulletinUrl,
    confidence: 'verified',
    inForce: { from: cms0057Start },
    caveat: 'Items and services only, not drugs. CMS let states ask for a later start date.',
  },
  medicaid_ffs_fair_hearing_request: {
    id: 'medicaid_ffs_fair_hearing_request',
    meaning:
      "Ask the state for a fair hearing within the state's window, at most 90 days from the date the notice was mailed.",
    planTypes: ['medicaid'],
    trigger: { event: 'denial-notice' },
    duration: { amount: 90, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the applicant or beneficiary',
    clockStart: 'date-on-notice',
    citation: '42 CFR 431.221(d)',
    citationUrl: 'https://lexbuild.dev/ecfr/title-42/chapter-IV/part-431/section-431.221',
    confidence: 'verified',
    caveat:
      "90 days is the most a state may allow; the state's number on the notice controls, and it may be shorter. " +
      'Counted from the date on the notice, taken as the mailing date.',
  },
  medicaid_ffs_continue_benefits: {
    id: 'medicaid_ffs_continue_benefits',
    meaning:
      'To keep services going during the hearing, ask for the hearing within 10 days of receiving a notice that reduces or stops them.',
    planTypes: ['medicaid'],
    trigger: { event: 'denial-notice' },
    duration: { amount: 10, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the beneficiary',
    clockStart: 'presumed-receipt-5d',
    citation: '42 CFR 431.231(c)',
    citationUrl: 'https://law.lawstack.com/cfr/42/431.231/',
    confidence: 'verified',
    caveat: 'Only for a reduction, suspension or end of services already approved; other conditions apply.',
  },
  medicaid_fair_hearing_final_action: {
    id: 'medicaid_fair_hearing_final_action',
    meaning:
      'The state ordinarily takes final action on a fair hearing within 90 days of receiving the request.',
    planTypes: ['medicaid'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 90, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the state Medicaid agency',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 431.244(f)',
    citationUrl: 'https://law.lawstack.com/cfr/42/431.244/',
    confidence: 'verified',
    caveat:
      '"Ordinarily": expedited hearings run on shorter clocks (431.244(f)) that these rules do not compute.',
  },
  // ---------------- Medicaid managed care (MCO / PIHP / PAHP) ----------------
  medicaid_mco_pa_expedited: {
    id: 'medicaid_mco_pa_expedited',
    meaning: 'The Medicaid managed care plan must make an expedited authorization decision within 72 hours.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'request-received' },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the Medicaid managed care plan',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 438.210(d)(2); CMS-0057-F',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-438.210',
    confidence: 'verified',
    caveat: 'May be extended by up to 14 days.',
  },
  medicaid_mco_pa_standard: {
    id: 'medicaid_mco_pa_standard',
    meaning:
      'For rating periods from 2026 the Medicaid managed care plan must make a standard authorization decision within 7 calendar days.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'request-received' },
    duration: { amount: 7, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicaid managed care plan',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 438.210(d)(1) as amended by CMS-0057-F',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-438.210',
    confidence: 'verified',
    inForce: { from: cms0057Start },
    outerLimit: {
      duration: { amount: 14, unit: 'calendar-days' },
      reason:
        "if the plan's contract rating period began before 2026-01-01, it keeps 14 days until its next rating period",
    },
    caveat: 'May be extended by up to 14 more days.',
  },
  medicaid_mco_pa_standard_before_2026: {
    id: 'medicaid_mco_pa_standard_before_2026',
    meaning:
      'Before 2026 the Medicaid managed care plan had 14 calendar days for a standard authorization decision.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'request-received' },
    duration: { amount: 14, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicaid managed care plan',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 438.210(d)(1) (text before CMS-0057-F)',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-438.210',
    confidence: 'verified',
    inForce: { through: '2025-12-31' },
    caveat: 'May be extended by up to 14 more days.',
  },
  medicaid_mco_appeal_request: {
    id: 'medicaid_mco_appeal_request',
    meaning: 'Appeal to the Medicaid managed care plan within 60 days of the date on the denial notice.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'denial-notice' },
    duration: { amount: 60, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the enrollee or an authorized provider',
    clockStart: 'date-on-notice',
    citation: '42 CFR 438.402(c)(2)(ii)',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-438.402',
    confidence: 'corroborated',
    caveat: 'An oral standard appeal must be followed in writing unless it is expedited.',
  },
  medicaid_mco_continue_benefits: {
    id: 'medicaid_mco_continue_benefits',
    meaning:
      'To keep services going during the appeal, appeal within 10 days of the plan sending a notice that reduces or stops them.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'denial-notice' },
    duration: { amount: 10, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the enrollee',
    clockStart: 'date-on-notice',
    citation: '42 CFR 438.420(a)',
    citationUrl: 'https://www.ecfr.gov/current/title-42/section-438.420',
    confidence: 'corroborated',
    caveat:
      'Or by the intended effective date of the change, if that is later; counted from the date on the notice, taken as the day it was sent.',
  },
  medicaid_mco_appeal_decision_standard: {
    id: 'medicaid_mco_appeal_decision_standard',
    meaning:
      'The Medicaid managed care plan must resolve a standard appeal within 30 calendar days of receiving it.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 30, unit: 'calendar-days' },
    actor: 'payer',
    actingParty: 'the Medicaid managed care plan',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 438.408(b)(2), (c)',
    citationUrl: medicaidManagedCareAppealsUrl,
    confidence: 'corroborated',
    caveat: 'The plan may extend by up to 14 days with written notice (438.408(c)).',
    whenPayerLate: medicaidManagedCarePayerLate,
  },
  medicaid_mco_appeal_decision_expedited: {
    id: 'medicaid_mco_appeal_decision_expedited',
    meaning:
      'The Medicaid managed care plan must resolve an expedited appeal within 72 hours of receiving it.',
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'appeal-received', level: 1 },
    duration: { amount: 72, unit: 'hours' },
    actor: 'payer',
    actingParty: 'the Medicaid managed care plan',
    clockStart: 'receipt-by-payer',
    citation: '42 CFR 438.408(b)(3)',
    citationUrl: medicaidManagedCareAppealsUrl,
    confidence: 'corroborated',
    caveat: 'The plan may extend by up to 14 days with written notice (438.408(c)).',
    whenPayerLate: medicaidManagedCarePayerLate,
  },
  medicaid_mco_state_fair_hearing_request: {
    id: 'medicaid_mco_state_fair_hearing_request',
    meaning:
      "After the plan upholds the denial, ask the state for a fair hearing within 90 days of the date on the plan's appeal decision (safe date).",
    planTypes: ['medicaid-managed-care'],
    trigger: { event: 'appeal-decision-notice', level: 1 },
    duration: { amount: 90, unit: 'calendar-days' },
    actor: 'claimant',
    actingParty: 'the enrollee',
    clockStart: 'date-on-notice',
    citation: '42 CFR 438.408(f)(2)',
    citationUrl: medicaidManagedCareAppealsUrl,
    confidence: 'unverified',
    outerLimit: {
      duration: { amount: 120, unit: 'calendar-days' },
      reason:
        'the 2016 rule reads "no later than 120 calendar days"; one source describes a state-chosen window of 90 ' +
        "to 120 days (sources conflict); the state's number on the notice controls",
    },
  },
} as const satisfies Record<string, DeadlineRule>;

export type RuleId = keyof typeof deadlineRules;

/** True when the rule's clock was in force on the day its trigger happened. */
export function isRuleInForce(rule: DeadlineRule, triggerDate: CivilDate): boolean {
  const from = rule.inForce?.from;
  const through = rule.inForce?.through;
  return (from === undefined || triggerDate >= from) && (through === undefined || triggerDate <= through);
}
