/**
 * What each figure of the outcomes dashboard counts, in the words a grant funder reads. One text
 * for the screen's info notes, the funder PDF's footnote and docs/outcomes-definitions.md, so the
 * three can never disagree. "The period" is the chosen From–To range, both days included.
 */
export const outcomeFigureIds = [
  'clientsServed',
  'casesActive',
  'casesOpened',
  'casesClosed',
  'outcomeMix',
  'approvalRate',
  'decisionsApproved',
  'approvalByLevel',
  'medianDaysToDecision',
  'moneySaved',
  'deadlinesMet',
  'payerResponse',
  'overturnRate',
  'destinationsThatWorked',
  'denialReasons',
] as const;
export type OutcomeFigureId = (typeof outcomeFigureIds)[number];

export const outcomeFigureDefinitions: Readonly<
  Record<OutcomeFigureId, { readonly label: string; readonly definition: string }>
> = {
  clientsServed: {
    label: 'Clients served',
    definition:
      'Different clients with at least one case open at some time in the period (opened on or before its last day, and not closed before its first day).',
  },
  casesActive: {
    label: 'Cases worked',
    definition: 'Cases open at some time in the period, counted the same way as clients served.',
  },
  casesOpened: {
    label: 'Cases opened',
    definition: 'Cases whose "opened on" date falls in the period, by month.',
  },
  casesClosed: {
    label: 'Cases closed',
    definition:
      'Cases whose "closed on" date falls in the period, by month. A case is closed when its stage is Closed: closing sets that date and reopening clears it, so these are the cases the caseload shows as Closed.',
  },
  outcomeMix: {
    label: 'Outcome mix',
    definition:
      'Cases closed in the period, by the outcome recorded on the case; a closed case with no outcome shows as "Not recorded".',
  },
  approvalRate: {
    label: 'Approval rate',
    definition:
      'Of the cases closed in the period that the payer answered (closed as Approved, Partially approved or Denied (final)), the share closed as approved or partially approved. These are the cases and outcomes of \u201cHow closed cases ended\u201d, so the two agree; a case closed as self-pay, alternative funding or withdrawn, or with no outcome recorded, had no answer from the payer to count. Every payer decision on the timeline, a denial later overturned too, is counted under \u201cPayer decisions approved\u201d.',
  },
  decisionsApproved: {
    label: 'Payer decisions approved',
    definition:
      'Payer decisions recorded on the timeline dated in the period (by the date on the notice, whenever it was recorded) that approved or partially approved, divided by all payer decisions in the period: a case denied and then approved on appeal counts one of each. By payer and by treatment it uses the case\u2019s payer and treatment as the caseload shows them.',
  },
  approvalByLevel: {
    label: 'Payer decisions approved, by appeal level',
    definition:
      'Each payer decision at that level (initial decision, appeal level 1, 2, external review) that approved or partially approved, divided by all decisions at that level in the period. Decisions, not cases: a case denied and then approved on appeal counts once at each level.',
  },
  medianDaysToDecision: {
    label: 'Median days from intake to decision',
    definition:
      'For each case whose first payer decision on or after the day it was opened falls in the period: days from the case\u2019s "opened on" date to that decision\u2019s notice date; the middle value (the mean of the two middle values for an even count). A decision dated before the case was opened, such as a denial the client brings to intake, is not the one measured: the clock starts when the advocate takes the case, so it never runs backwards. The card says how many cases were left out for that.',
  },
  moneySaved: {
    label: 'Money saved for clients',
    definition:
      'The "saved for the client" amounts of cases closed in the period, plus the amounts of funding options (grants, assistance programs, discounts) granted in the period, dated by their decision date (or, without one, the day they were last saved). Amounts are as the advocate recorded them; they are not audited.',
  },
  deadlinesMet: {
    label: 'Deadlines met',
    definition:
      'The advocate\u2019s own legal deadlines (appeal and review windows, not the payer\u2019s and not Advocase\u2019s reminders) falling due in the period and already passed or answered: met when answered or marked done on or before the date that counts (the override if one was entered), missed otherwise. Deadlines still open are not counted, nor those no longer tracked because the case closed before they fell due.',
  },
  payerResponse: {
    label: 'Payer response time',
    definition:
      'The payer\u2019s decision deadlines falling due in the period: days from the submission that started the clock to the payer\u2019s answer (median), against the days the rule allowed (median); answered on time, answered late, or still unanswered after the date.',
  },
  overturnRate: {
    label: 'Overturn rate',
    definition:
      'Decisions on appeals (level 1 or higher) in the period that approved or partially approved, divided by all decisions on appeals in the period.',
  },
  destinationsThatWorked: {
    label: 'Fax numbers and addresses that worked',
    definition:
      'Submissions in the period with a proof of delivery, by where they went: for a fax, the payer fax on the case\u2019s coverage; for mail, the coverage\u2019s appeals address; for a letter, fax or email logged as correspondence, the "to" entered on it.',
  },
  denialReasons: {
    label: 'Recurring denial reasons',
    definition:
      'The stated reasons of denials in the period, compared without case, extra spaces or final punctuation; a reason is recurring when it appears on two or more denials.',
  },
};

export const outcomesPrivacyNote =
  'Aggregate figures only: no client names, dates of birth or case details appear in this report.';
