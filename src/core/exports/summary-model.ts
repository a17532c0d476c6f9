import { authorizationKindLabels } from '../../shared/domain/authorizations';
import { dayOnlyOf } from '../../shared/domain/day-only-events';
import { formatLongDate } from '../../shared/domain/long-date';
import { caseOutcomeLabels, caseStageLabels } from '../../shared/domain/case-stages';
import { claimTypeLabels, planTypeLabels, type PlanType } from '../../shared/domain/plan-types';
import {
  submissionEventTypes,
  timelineEventTypeLabels,
  type TimelineEventType,
} from '../../shared/domain/timeline-event-types';
import { describeTreatment } from '../../shared/domain/treatments';
import { deadlineStatusLabels, payerRequestKindLabels } from '../../shared/schemas/deadlines';
import type { TimelineEvent } from '../../shared/schemas/events';
import type { ExportSelection } from '../../shared/schemas/exports';
import { redactableFieldLabels } from '../../shared/domain/redactable-fields';
import type { CaseFacts, Dossier } from './case-dossier';
import type { Exhibit } from './exhibits';
import { numberExhibits } from './exhibits';
import { createRedactor, type Redactor } from './redaction';

/**
 * The summary as plain rows of text, selected and redacted: the PDF lays this out and nothing
 * else, so what an attorney reads is decided here, in one place that tests can read.
 */

export type KeyValue = readonly [label: string, value: string];

export type ChronologyRow = {
  readonly eventId: number;
  readonly date: string;
  readonly time: string;
  readonly type: string;
  readonly who: string;
  readonly what: string;
  readonly references: string;
  readonly exhibits: string;
};

export type CallRow = {
  readonly date: string;
  readonly direction: string;
  readonly withWhom: string;
  readonly rep: string;
  readonly reference: string;
  readonly said: string;
};

export type DecisionRow = {
  readonly date: string;
  readonly event: string;
  readonly detail: string;
  readonly references: string;
};

export type DeadlineRow = {
  readonly what: string;
  readonly dueOn: string;
  readonly status: string;
  readonly settled: string;
  readonly citation: string;
};

export type CaseSection = {
  readonly caseNumber: string;
  readonly heading: string;
  readonly coverage: readonly KeyValue[];
  readonly treatment: readonly KeyValue[];
  readonly chronology: readonly ChronologyRow[];
  readonly calls: readonly CallRow[];
  readonly decisions: readonly DecisionRow[];
  readonly deadlines: readonly DeadlineRow[];
  readonly deadlinesAsOf: string;
  readonly openQuestions: readonly string[];
};

export type SummaryModel = {
  readonly title: string;
  readonly caseNumbers: readonly string[];
  readonly preparedOn: string;
  readonly cover: readonly KeyValue[];
  readonly scopeNote: string;
  readonly parties: readonly KeyValue[];
  readonly casesParties: ReadonlyArray<{ readonly caseNumber: string; readonly rows: readonly KeyValue[] }>;
  readonly authorizations: ReadonlyArray<readonly [string, string, string]>;
  readonly cases: readonly CaseSection[];
  readonly exhibits: readonly Exhibit[];
  /** The exhibits' source file names, scrubbed of redacted values. */
  readonly exhibitSources: ReadonlyMap<number, string>;
};

/** Whether ERISA governs the plan: it decides the attorney's forum, remedies and standard of review. */
export function describeErisaStatus(planType: PlanType | null): string {
  switch (planType) {
    case 'employer-self-funded':
      return 'ERISA plan (self-funded): state insurance law largely preempted';
    case 'employer-fully-insured':
      return 'ERISA plan (fully insured): state insurance law also applies to the insurer';
    case 'governmental-group':
      return 'Not ERISA: governmental plan (ERISA §4(b)(1)); state law applies';
    case 'individual':
      return 'Not ERISA: individual or Marketplace policy; state law applies';
    case 'medicare':
    case 'medicare-advantage':
      return 'Not ERISA: Medicare appeal process (42 CFR part 405 / 422)';
    case 'medicaid':
    case 'medicaid-managed-care':
      return 'Not ERISA: Medicaid appeals and state fair hearing';
    case 'tricare':
    case 'va':
      return 'Not ERISA: federal program';
    case 'other':
      return 'Not determined: check the plan documents';
    case null:
      return 'Not recorded: check the plan documents';
  }
}

function dateParts(instant: string, timeZone: string): { date: string; time: string } {
  const when = new Date(instant);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(when);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** An entry's day and time where it happened; a day-only entry (a notice's date) has no time. */
function whenOf(event: TimelineEvent, timeZone: string): { date: string; time: string } {
  const dayOnly = dayOnlyOf(event);
  return dayOnly === null ? dateParts(event.occurredAt, timeZone) : { date: dayOnly, time: '' };
}

function money(cents: number | null): string | null {
  return cents === null
    ? null
    : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function text(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const words = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value.replace(/_/g, ' ') : null;

function deliveryProofOf(details: Record<string, unknown>): Record<string, unknown> | null {
  const proof = details['deliveryProof'];
  return proof && typeof proof === 'object' ? (proof as Record<string, unknown>) : null;
}

/** Every reference number an event carries, labelled. */
function referencesOf(event: TimelineEvent): string[] {
  const labelled: Array<[string, string]> = [
    ['referenceNumber', 'Ref.'],
    ['confirmationNumber', 'Conf.'],
    ['claimNumber', 'Claim'],
    ['complaintNumber', 'Complaint'],
  ];
  const found = labelled
    .map(([key, label]) => [label, text(event.details, key)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([label, value]) => `${label} ${value}`);
  const proof = deliveryProofOf(event.details);
  const proofReference = proof ? text(proof, 'reference') : null;
  if (proofReference) found.push(`Proof ${proofReference}`);
  return found;
}

function whoOf(event: TimelineEvent, facts: CaseFacts, redactor: Redactor): string {
  const details = event.details;
  const person = (key: string) => redactor.field('otherNames', text(details, key));
  const payer = facts.coverage?.payer ?? facts.detail.payer ?? 'Payer';
  switch (event.type) {
    case 'phone_call':
      return [text(details, 'withWhom') ?? payer, person('repName')].filter(Boolean).join(', ');
    case 'correspondence':
      return `${details['direction'] === 'received' ? 'From' : 'To'} ${text(details, 'counterpart') ?? payer}`;
    case 'payer_decision':
    case 'eob_received':
      return payer;
    case 'peer_to_peer':
      return [facts.provider?.name ?? 'Treating provider', person('reviewerName')]
        .filter(Boolean)
        .join(' / ');
    case 'external_review_requested':
      return text(details, 'reviewer') ?? 'Independent review';
    case 'regulator_complaint':
      return text(details, 'regulator') ?? 'Regulator';
    case 'prior_auth_submitted':
    case 'claim_submitted':
    case 'appeal_filed':
      return `To ${payer}`;
    case 'letter_sent':
      return `To ${text(details, 'sentTo') ?? payer}`;
    case 'note':
    case 'letter_drafted':
      return 'Advocate';
  }
}

/** The summary line, then the facts of the event's type that an attorney would ask about. */
function whatOf(event: TimelineEvent, timeZone: string): string {
  const d = event.details;
  const extra: string[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) extra.push(`${label}: ${value}`);
  };
  switch (event.type) {
    case 'phone_call':
      add('Direction', words(d['direction']));
      add('Minutes', typeof d['durationMinutes'] === 'number' ? String(d['durationMinutes']) : null);
      break;
    case 'correspondence':
      add('Channel', words(d['channel']));
      break;
    case 'prior_auth_submitted':
      add('Method', words(d['method']));
      if (d['isExpedited'] === true) extra.push('Expedited');
      add(
        'Received by payer',
        text(d, 'receivedByPayerAt') && dateParts(String(d['receivedByPayerAt']), timeZone).date,
      );
      break;
    case 'payer_decision':
      add('Decision', words(d['decision']));
      add(
        'Level',
        typeof d['level'] === 'number' ? (d['level'] === 0 ? 'initial' : `appeal ${d['level']}`) : null,
      );
      add('Notice dated', text(d, 'noticeDate'));
      add('Received', text(d, 'receivedOn'));
      add('Reason', text(d, 'reason'));
      if (d['isFinal'] === true) extra.push('Final internal decision');
      break;
    case 'claim_submitted':
      add('Date of service', text(d, 'dateOfService'));
      add('Codes', Array.isArray(d['codes']) ? (d['codes'] as string[]).join(', ') : null);
      add('Amount', money(typeof d['amountCents'] === 'number' ? d['amountCents'] : null));
      break;
    case 'eob_received':
      add('Billed', money(typeof d['billedCents'] === 'number' ? d['billedCents'] : null));
      add('Paid', money(typeof d['paidCents'] === 'number' ? d['paidCents'] : null));
      add('Patient owes', money(typeof d['patientOwesCents'] === 'number' ? d['patientOwesCents'] : null));
      break;
    case 'appeal_filed':
      add('Level', typeof d['level'] === 'number' ? String(d['level']) : null);
      add('Method', words(d['method']));
      if (d['isExpedited'] === true) extra.push('Expedited');
      add('Received by payer', text(d, 'receivedByPayerOn'));
      break;
    case 'peer_to_peer':
      add('Status', words(d['status']));
      add('Outcome', text(d, 'outcome'));
      break;
    case 'external_review_requested':
      if (d['isExpedited'] === true) extra.push('Expedited');
      add('Received', text(d, 'receivedOn'));
      break;
    case 'letter_drafted':
      add('Letter', text(d, 'letterTitle'));
      break;
    case 'letter_sent':
      add('Letter', text(d, 'letterTitle'));
      add('Sent via', words(d['sentVia']));
      break;
    case 'regulator_complaint':
    case 'note':
      break;
  }
  const proof = deliveryProofOf(d);
  if (proof) add('Proof of delivery', words(proof['method']));
  return extra.length === 0 ? event.summary : `${event.summary}\n${extra.join(' · ')}`;
}

function isInRange(date: string, selection: ExportSelection): boolean {
  return (!selection.from || date >= selection.from) && (!selection.to || date <= selection.to);
}

function openQuestionsOf(facts: CaseFacts, timeZone: string): string[] {
  const questions: string[] = [];
  if (!facts.detail.planType) {
    questions.push('Plan type is not recorded: whether ERISA governs the plan cannot be told from the file.');
  }
  if (facts.detail.authorizationWarning) questions.push(facts.detail.authorizationWarning);
  for (const fact of facts.deadlines.missingFacts) questions.push(`Deadline engine: ${fact}`);
  for (const event of facts.events) {
    if (!submissionEventTypes.includes(event.type) || deliveryProofOf(event.details)) continue;
    const date = dateParts(event.occurredAt, timeZone).date;
    questions.push(
      `${timelineEventTypeLabels[event.type]} on ${date}: no proof of delivery is recorded (fax confirmation, certified mail, portal confirmation).`,
    );
  }
  for (const request of facts.deadlines.payerRequests) {
    if (request.answeredOn !== null) continue;
    questions.push(
      `${payerRequestKindLabels[request.kind]} requested ${request.sentOn}: not answered after ${request.daysOutstanding ?? 0} days.`,
    );
  }
  return questions;
}

function caseSection(
  facts: CaseFacts,
  selection: ExportSelection,
  exhibits: readonly Exhibit[],
  redactor: Redactor,
  timeZone: string,
): CaseSection {
  const { detail, coverage, deadlines } = facts;
  const scrub = redactor.scrub;
  const exhibitsOfEvent = new Map<number, string[]>();
  for (const exhibit of exhibits) {
    for (const eventId of exhibit.document.eventIds) {
      exhibitsOfEvent.set(eventId, [
        ...(exhibitsOfEvent.get(eventId) ?? []),
        String(exhibit.number).padStart(3, '0'),
      ]);
    }
  }
  const types = selection.eventTypes ? new Set<TimelineEventType>(selection.eventTypes) : null;
  const chosenEvents = facts.events
    .map((event) => ({ event, ...whenOf(event, timeZone) }))
    .filter(({ event, date }) => (types === null || types.has(event.type)) && isInRange(date, selection));

  const chronology: ChronologyRow[] = chosenEvents.map(({ event, date, time }) => ({
    eventId: event.id,
    date,
    time,
    type: timelineEventTypeLabels[event.type],
    who: scrub(whoOf(event, facts, redactor)),
    what: scrub(whatOf(event, timeZone)),
    references: scrub(referencesOf(event).join('\n')),
    exhibits: (exhibitsOfEvent.get(event.id) ?? []).join(', '),
  }));

  const calls: CallRow[] = chosenEvents
    .filter(({ event }) => event.type === 'phone_call')
    .map(({ event, date, time }) => {
      const d = event.details;
      const answers = Array.isArray(d['answers'])
        ? (d['answers'] as Array<{ question: string; answer: string | null }>)
            .filter((entry) => entry.answer)
            .map((entry) => `${entry.question} ${entry.answer}`)
        : [];
      return {
        date: `${date} ${time}`,
        direction: d['direction'] === 'inbound' ? 'Inbound' : 'Outbound',
        withWhom: scrub(text(d, 'withWhom') ?? coverage?.payer ?? detail.payer ?? ''),
        rep: redactor.field('otherNames', text(d, 'repName')) ?? 'not recorded',
        reference: scrub(text(d, 'referenceNumber') ?? 'none given'),
        said: scrub([event.summary, ...answers].join('\n')),
      };
    });

  const decisionTypes = new Set<TimelineEventType>([
    'payer_decision',
    'appeal_filed',
    'peer_to_peer',
    'external_review_requested',
    'regulator_complaint',
  ]);
  const decisions: DecisionRow[] = chosenEvents
    .filter(({ event }) => decisionTypes.has(event.type))
    .map(({ event, date }) => ({
      date,
      event: timelineEventTypeLabels[event.type],
      detail: scrub(whatOf(event, timeZone)),
      references: scrub(referencesOf(event).join('\n')),
    }));

  const deadlineRows: DeadlineRow[] = deadlines.deadlines
    .map((deadline) => ({
      what: `${deadline.meaning}${deadline.override ? `\nDate set by hand: ${deadline.override.reason}` : ''}`,
      dueOn: deadline.dueAt ? `${deadline.dueOn} ${deadline.dueAt.slice(11, 16)}` : deadline.dueOn,
      status: deadlineStatusLabels[deadline.status],
      settled: deadline.doneAt ? `Done ${deadline.doneAt.slice(0, 10)}` : '',
      citation: deadline.citationText,
    }))
    .map((row) => ({ ...row, what: scrub(row.what) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  const memberId = redactor.field('memberId', coverage?.memberId ?? detail.memberId);
  const coverageRows: KeyValue[] = [
    ['Payer', coverage?.payer ?? detail.payer ?? 'Not recorded'],
    ['Plan', coverage?.planName ?? 'Not recorded'],
    ['Plan type', detail.planType ? planTypeLabels[detail.planType] : 'Not recorded'],
    ['ERISA', describeErisaStatus(detail.planType)],
    ['Member ID', memberId ?? 'Not recorded'],
    ['Group number', redactor.field('memberId', coverage?.groupNumber ?? null) ?? 'Not recorded'],
    ['Coverage period', describeCoveragePeriod(coverage?.effectiveOn ?? null, coverage?.endsOn ?? null)],
  ];
  if (coverage?.networkType) coverageRows.push(['Network', coverage.networkType]);
  const deductible = money(coverage?.deductibleCents ?? null);
  if (deductible)
    coverageRows.push([
      'Deductible',
      `${deductible} (met: ${money(coverage?.deductibleMetCents ?? null) ?? 'not recorded'})`,
    ]);
  const outOfPocket = money(coverage?.outOfPocketMaxCents ?? null);
  if (outOfPocket)
    coverageRows.push([
      'Out-of-pocket maximum',
      `${outOfPocket} (met: ${money(coverage?.outOfPocketMetCents ?? null) ?? 'not recorded'})`,
    ]);
  if (coverage?.priorAuthRules)
    coverageRows.push(['Prior-authorization rules', scrub(coverage.priorAuthRules)]);
  if (coverage?.exclusions) coverageRows.push(['Exclusions', scrub(coverage.exclusions)]);
  if (coverage?.appealsAddress) coverageRows.push(['Appeals address', scrub(coverage.appealsAddress)]);

  const treatmentRows: KeyValue[] = [
    ['Treatment', describeTreatment(detail.treatment, detail.treatmentDetail)],
    ['Procedure codes (CPT/HCPCS)', detail.procedureCodes.join(', ') || 'Not recorded'],
    ['Diagnosis codes (ICD-10-CM)', detail.diagnosisCodes.join(', ') || 'Not recorded'],
    ['Claim type', detail.claimType ? claimTypeLabels[detail.claimType] : 'Not recorded'],
    ['Urgent', detail.isUrgent ? 'Yes' : 'No'],
    ['Treating provider', facts.provider ? providerLine(facts.provider) : 'Not recorded'],
    ['Stage', caseStageLabels[detail.stage]],
    ['Outcome', detail.outcome ? caseOutcomeLabels[detail.outcome] : 'Open'],
  ];
  for (const [label, cents] of [
    ['Billed', detail.billedCents],
    ['Allowed', detail.allowedCents],
    ['Paid', detail.paidCents],
  ] as const) {
    const amount = money(cents);
    if (amount) treatmentRows.push([label, amount]);
  }

  return {
    caseNumber: detail.caseNumber,
    heading: `Case ${detail.caseNumber}: ${describeTreatment(detail.treatment, detail.treatmentDetail)}, ${coverage?.payer ?? detail.payer ?? 'payer not recorded'}`,
    coverage: coverageRows,
    treatment: treatmentRows,
    chronology,
    calls,
    decisions,
    deadlines: deadlineRows,
    deadlinesAsOf: deadlines.asOf,
    openQuestions: openQuestionsOf(facts, timeZone).map(scrub),
  };
}

function providerLine(provider: { name: string; specialty: string | null; npi: string | null }): string {
  return [provider.name, provider.specialty, provider.npi ? `NPI ${provider.npi}` : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * Who the advocate is, for the cover and the parties: the advocates assigned on the cases, else
 * the profile's name and organization (data typed once is used everywhere).
 */
function advocateOf(dossier: Dossier): string {
  const assigned = [...new Set(dossier.cases.map((facts) => facts.detail.assignedAdvocate).filter(Boolean))];
  if (assigned.length > 0) return assigned.join(', ');
  const profile = dossier.advocate;
  if (!profile) return 'Not recorded';
  return profile.organization ? `${profile.name}, ${profile.organization}` : profile.name;
}

/** The advocate's phone, fax and email from the profile, for the attorney to reach them. */
function advocateContact(dossier: Dossier): string | null {
  const profile = dossier.advocate;
  if (!profile) return null;
  const parts = [
    profile.phone ? `Phone ${profile.phone}` : null,
    profile.fax ? `Fax ${profile.fax}` : null,
    profile.email,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function buildSummaryModel(
  dossier: Dossier,
  selection: ExportSelection,
  preparedOn: string,
): SummaryModel {
  const redactor = createRedactor(dossier, selection.redact);
  const exhibits = numberExhibits(dossier, selection.documentIds);
  const { client } = dossier;
  const caseNumbers = dossier.cases.map((facts) => facts.detail.caseNumber);
  const advocate = advocateOf(dossier);
  const contact = advocateContact(dossier);
  const cover: KeyValue[] = [
    ['Client', client.fullName],
    [caseNumbers.length === 1 ? 'Case' : 'Cases', caseNumbers.join(', ')],
    ['Advocate', advocate],
    ...(contact ? [['Advocate contact', contact] as KeyValue] : []),
  ];
  if (selection.attorneyName) cover.push(['Attorney', selection.attorneyName]);
  cover.push(['Date prepared', formatLongDate(preparedOn)]);

  const scope: string[] = [];
  scope.push(
    selection.eventTypes && selection.eventTypes.length > 0
      ? `Events of these types only: ${selection.eventTypes.map((type) => timelineEventTypeLabels[type]).join(', ')}.`
      : 'Events of every type.',
  );
  if (selection.from || selection.to) {
    scope.push(`Events dated ${selection.from ?? 'the start'} to ${selection.to ?? 'today'} only.`);
  }
  scope.push(
    `${exhibits.length} exhibit${exhibits.length === 1 ? '' : 's'} of ${dossier.documents.length} documents on file.`,
  );
  if (selection.redact.length > 0) {
    scope.push(`Redacted: ${selection.redact.map((field) => redactableFieldLabels[field]).join('; ')}.`);
    // docs/security.md §2: what redaction reaches in the bundle, said once rather than per exhibit.
    scope.push(
      'In the exhibit bundle, letters and packets Advocase made are made again without these fields; documents from outside are exhibits as filed, not redacted.',
    );
  }
  scope.push(`Dates and times are in ${dossier.timeZone}.`);

  const parties: KeyValue[] = [
    ['Client (member)', client.fullName],
    ['Date of birth', redactor.field('dateOfBirth', client.dateOfBirth) ?? 'Not recorded'],
    ['State', client.state ?? 'Not recorded'],
    ['Address', redactor.field('address', client.address) ?? 'Not recorded'],
    ['Advocate', advocate],
  ];
  if (selection.attorneyName) parties.push(['Attorney', selection.attorneyName]);

  return {
    title:
      caseNumbers.length === 1
        ? `Case summary ${caseNumbers[0]}`
        : `Case summary, ${caseNumbers.length} cases`,
    caseNumbers,
    preparedOn,
    cover,
    scopeNote: scope.join(' '),
    parties,
    casesParties: dossier.cases.map((facts) => ({
      caseNumber: facts.detail.caseNumber,
      rows: [
        ['Payer', facts.coverage?.payer ?? facts.detail.payer ?? 'Not recorded'],
        [
          'Plan and type',
          `${facts.coverage?.planName ?? 'Plan name not recorded'}; ${facts.detail.planType ? planTypeLabels[facts.detail.planType] : 'type not recorded'}`,
        ],
        ['ERISA', describeErisaStatus(facts.detail.planType)],
        ['Treating provider', facts.provider ? providerLine(facts.provider) : 'Not recorded'],
      ] as KeyValue[],
    })),
    authorizations: dossier.authorizations.map((authorization) => [
      authorizationKindLabels[authorization.kind],
      `Signed ${authorization.signedOn}${authorization.expiresOn ? `, expires ${authorization.expiresOn}` : ', no expiry stated'}`,
      authorization.isExpired ? 'Expired' : 'In force',
    ]),
    cases: dossier.cases.map((facts) => caseSection(facts, selection, exhibits, redactor, dossier.timeZone)),
    exhibits,
    exhibitSources: new Map(
      exhibits.map((exhibit) => [exhibit.number, redactor.scrub(exhibit.document.fileName)]),
    ),
  };
}

/** A plan's dates as an attorney reads them: no question marks standing in for unknowns. */
function describeCoveragePeriod(effectiveOn: string | null, endsOn: string | null): string {
  if (!effectiveOn && !endsOn) return 'Not recorded';
  return `${effectiveOn ?? 'start not recorded'} to ${endsOn ?? 'no end date recorded'}`;
}
