import { findBillingCode } from '../../shared/domain/billing-codes';
import { unfilledPrompt } from '../../shared/domain/letter-prompts';
import { renderFieldMarkers } from '../../shared/domain/letter-render-fields';
import { planTypeLabels } from '../../shared/domain/plan-types';
import {
  clinicalFactLabels,
  drugClassLabels,
  trialKindLabels,
  trialOutcomeLabels,
} from '../../shared/domain/treatment-history';
import type { CaseDeadline } from '../../shared/schemas/deadlines';
import { formatLongDate } from '../../shared/domain/long-date';
import { datesOfServiceSpan } from '../../shared/schemas/notice-dates-of-service';
import type { EvidenceSource, TreatmentTrial } from '../medical-necessity/case-clinical-facts';
import { decisionRuleForLetter } from './decision-rule-for-letter';
import { answerDenialReasons, criteriaArguedAgainstReasons } from './answer-denial-reasons';
import { noticeDefectArguments, noticeOmissionRequests } from './notice-defects';
import type { LetterContext } from './letter-context';
import { escapeMarkdownText } from './letter-markdown';
import {
  bulleted,
  citeEvidence,
  describeCriterion,
  isUrgentRequest,
  numbered,
  withLetterDates,
} from './letter-phrases';

/**
 * Every `{{placeholder}}` a template may use, what fills it, and what the letter shows when the
 * case does not hold the fact. docs/letter-placeholders.md is checked against this list by a test,
 * so the documentation cannot drift from the code.
 *
 * A fill returns Markdown, or null when the fact is missing: the letter then shows `whenMissing`,
 * a bracketed prompt, never a blank. An empty string is a real answer (no urgency statement for a
 * standard request) and is documented as such.
 */
export type Placeholder = {
  readonly name: string;
  readonly filledFrom: string;
  /** True when it expands to whole paragraphs or lists and must stand on a line of its own. */
  readonly isBlock: boolean;
  readonly whenMissing: string;
  readonly fill: (context: LetterContext, letter: LetterBeingFilled) => string | null;
};

/** What a placeholder may know of the letter it fills, so two parts never say the same thing twice. */
export type LetterBeingFilled = { readonly placeholders: ReadonlySet<string> };

const text = (value: string | null | undefined): string | null =>
  value && value.trim() ? escapeMarkdownText(value.trim()) : null;

const oneLine = (value: string | null | undefined): string | null =>
  value && value.trim() ? escapeMarkdownText(value.trim().replace(/\s*\n\s*/g, ', ')) : null;

const joined = (values: readonly string[]): string | null =>
  values.length > 0 ? escapeMarkdownText(values.join(', ')) : null;

/** The code with its label, without our "(CPT; our wording)" note, which is for the picker only. */
function describeCode(code: string): string {
  const label = findBillingCode(code)?.label.replace(/\s*\([^()]*\)\s*$/, '');
  return label ? `${code} (${label})` : code;
}

/** A class label without its examples: "Atypical", not "Atypical (bupropion, mirtazapine)". */
const className = (trial: TreatmentTrial) =>
  trial.drugClass ? drugClassLabels[trial.drugClass].replace(/\s*\([^()]*\)$/, '') : null;

function describeTrial(context: LetterContext, trial: TreatmentTrial): string {
  const kind = className(trial) ?? (trial.kind === 'medication' ? null : trialKindLabels[trial.kind]);
  const name = trial.name.charAt(0).toUpperCase() + trial.name.slice(1);
  const parts = [`**${escapeMarkdownText(name)}**${kind ? ` (${kind})` : ''}`];
  if (trial.peakDose) parts.push(`up to ${escapeMarkdownText(trial.peakDose)}`);
  if (trial.startedOn) {
    parts.push(
      trial.endedOn
        ? `${formatLongDate(trial.startedOn)} to ${formatLongDate(trial.endedOn)}`
        : `from ${formatLongDate(trial.startedOn)}`,
    );
  }
  if (trial.weeksAtTherapeuticDose !== null)
    parts.push(`${trial.weeksAtTherapeuticDose} weeks at a therapeutic dose`);
  const outcome = `${parts.join(', ')}: ${trialOutcomeLabels[trial.outcome].toLowerCase()}.`;
  const notes = trial.notes ? ` ${escapeMarkdownText(trial.notes)}` : '';
  return `${outcome}${notes}${sourceSentence(context, trial.source)}`;
}

function sourceSentence(context: LetterContext, source: EvidenceSource | null): string {
  return source ? ` Source: ${escapeMarkdownText(citeEvidence(context, source))}.` : '';
}

/** The treatment as a sentence names it: "esketamine (Spravato)", not the list label "Esketamine (Spravato)". */
function treatmentInSentence(context: LetterContext): string {
  return context.treatmentKind === 'esketamine' ? 'esketamine (Spravato)' : context.treatment;
}

const outstandingStatuses: ReadonlySet<CaseDeadline['status']> = new Set(['open', 'due-soon', 'due-today']);

/** Rules that open the next review outside the plan, as opposed to an appeal to the plan itself. */
const isOutsideReviewRule = (rule: string) => /external_review|fair_hearing|alj|council|judicial/.test(rule);

/**
 * The claimant's own deadline this letter answers: the external-review window for an external
 * review request, the appeal window for every other letter. The engine's earliest open date, or
 * else the latest one already missed, which the letter must not present as met.
 */
function filingDeadline(context: LetterContext): CaseDeadline | null {
  const wantsOutsideReview = context.letterKind === 'external_review';
  const candidates = context.deadlines
    .filter((deadline) => deadline.actor === 'claimant' && deadline.kind === 'rule')
    .filter((deadline) => isOutsideReviewRule(deadline.rule) === wantsOutsideReview)
    .sort((left, right) => left.dueOn.localeCompare(right.dueOn));
  return (
    candidates.find((deadline) => outstandingStatuses.has(deadline.status)) ??
    candidates.filter((deadline) => deadline.status === 'missed').at(-1) ??
    null
  );
}

/**
 * The date and the rule that sets it, which is what the payer needs to see the request is on time.
 * The rule's meaning is left out: it is written for the advocate ("Ask the plan for… within 60
 * days"), and a letter argues to the payer rather than instructing whoever files it.
 */
function describeDeadline(deadline: CaseDeadline): string {
  return `${formatLongDate(deadline.dueOn)} (${escapeMarkdownText(deadline.citationText)}).`;
}

const latestOf = (values: readonly string[]) => (values.length > 0 ? [...values].sort().at(-1) : undefined);

function placeholder(
  name: string,
  filledFrom: string,
  whenMissing: string,
  fill: Placeholder['fill'],
  isBlock = false,
): Placeholder {
  return { name, filledFrom, whenMissing, fill, isBlock };
}

export const letterPlaceholders: readonly Placeholder[] = [
  // Filled when the letter is printed, not when drafted: a draft printed a week later carries that day.
  placeholder(
    'today',
    'The day the letter is printed, written out ("March 2, 2026").',
    '—',
    () => renderFieldMarkers.letterDate,
  ),
  placeholder('case_number', "The case's number in Advocase.", '—', (context) => context.caseNumber),
  placeholder('client_name', 'Client → full name.', unfilledPrompt('client name'), (context) =>
    text(context.client.name),
  ),
  placeholder(
    'client_dob',
    'Client → date of birth, written out.',
    unfilledPrompt('date of birth'),
    (context) => (context.client.dateOfBirth ? formatLongDate(context.client.dateOfBirth) : null),
  ),
  placeholder(
    'client_address',
    'Client → address, on one line.',
    unfilledPrompt('client address'),
    (context) => oneLine(context.client.address),
  ),
  placeholder('client_phone', 'Client → phone.', unfilledPrompt('client phone'), (context) =>
    text(context.client.phone),
  ),
  placeholder(
    'payer_name',
    "The case's coverage → payer (or the payer typed on the case).",
    unfilledPrompt('payer'),
    (context) => text(context.coverage.payer),
  ),
  placeholder('plan_name', 'Coverage → plan name.', unfilledPrompt('plan name'), (context) =>
    text(context.coverage.planName),
  ),
  placeholder(
    'plan_type',
    'Coverage → plan type ("Employer plan, self-funded (ERISA)", "Medicare Advantage"…).',
    unfilledPrompt('plan type'),
    (context) => (context.coverage.planType ? planTypeLabels[context.coverage.planType] : null),
  ),
  placeholder('member_id', 'Coverage → member ID.', unfilledPrompt('member ID'), (context) =>
    text(context.coverage.memberId),
  ),
  placeholder('group_number', 'Coverage → group number.', unfilledPrompt('group number'), (context) =>
    text(context.coverage.groupNumber),
  ),
  placeholder(
    'payer_appeals_address',
    'Coverage → appeals mailing address, line by line.',
    unfilledPrompt('appeals address'),
    (context) => text(context.coverage.appealsAddress),
  ),
  placeholder('payer_fax', 'Coverage → payer fax.', unfilledPrompt('payer fax'), (context) =>
    text(context.coverage.payerFax),
  ),
  placeholder(
    'claim_number',
    'Timeline → claim numbers on "claim submitted" and "EOB received" entries.',
    unfilledPrompt('claim number'),
    (context) => joined(context.claimNumbers),
  ),
  placeholder(
    'reference_number',
    'The denial notice read into the case → its reference number, then timeline → claim numbers, then prior-authorization confirmation numbers ("Reference R-9; Claim 123; authorization PA-77").',
    unfilledPrompt('claim or authorization number'),
    (context) => {
      const noticeReference = context.denialNotice?.referenceNumber;
      const others = [
        ...context.claimNumbers.map((number) => `Claim ${number}`),
        ...context.authorizationNumbers.map((number) => `authorization ${number}`),
      ];
      // The notice's own number alone needs no "Reference" before it (the line's label says it).
      const references =
        noticeReference && others.length === 0
          ? [noticeReference]
          : [...(noticeReference ? [`Reference ${noticeReference}`] : []), ...others];
      return references.length > 0 ? escapeMarkdownText(references.join('; ')) : null;
    },
  ),
  placeholder(
    'dates_of_service',
    'Timeline → date of service on "claim submitted" entries, else the dates the denial notice read into the case names.',
    unfilledPrompt('date(s) of service or requested start'),
    (context) => {
      if (context.datesOfService.length > 0) return context.datesOfService.map(formatLongDate).join(', ');
      const noticeDates = context.denialNotice?.datesOfService;
      if (!noticeDates) return null;
      const { from, to } = datesOfServiceSpan(noticeDates);
      return to === null ? formatLongDate(from) : `${formatLongDate(from)} to ${formatLongDate(to)}`;
    },
  ),
  placeholder(
    'treatment',
    'Case → treatment as a sentence names it ("TMS", "IV ketamine", "esketamine (Spravato)").',
    '—',
    (context) => text(treatmentInSentence(context)),
  ),
  placeholder(
    'procedure_codes',
    'Case → CPT/HCPCS codes, each with its plain-language label.',
    unfilledPrompt('CPT/HCPCS codes'),
    (context) => joined(context.procedureCodes.map(describeCode)),
  ),
  placeholder(
    'diagnosis_codes',
    'Case → ICD-10-CM codes, each with its published descriptor.',
    unfilledPrompt('ICD-10-CM diagnosis codes'),
    (context) => joined(context.diagnosisCodes.map(describeCode)),
  ),
  placeholder(
    'provider_name',
    "Case → provider's name, else the requesting provider the denial notice read into the case names.",
    unfilledPrompt('treating provider'),
    (context) => text(context.provider?.name ?? context.denialNotice?.requestingProvider),
  ),
  placeholder('provider_npi', 'Provider → NPI.', unfilledPrompt('provider NPI'), (context) =>
    text(context.provider?.npi),
  ),
  placeholder(
    'provider_specialty',
    'Provider → specialty.',
    unfilledPrompt('provider specialty'),
    (context) => text(context.provider?.specialty),
  ),
  placeholder(
    'provider_address',
    'Provider → address, on one line.',
    unfilledPrompt('provider address'),
    (context) => oneLine(context.provider?.address),
  ),
  placeholder('provider_phone', 'Provider → phone.', unfilledPrompt('provider phone'), (context) =>
    text(context.provider?.phone),
  ),
  placeholder('provider_fax', 'Provider → fax.', unfilledPrompt('provider fax'), (context) =>
    text(context.provider?.fax),
  ),
  // From Settings → Profile when the letter is printed, so a profile filled in later reaches every draft.
  placeholder(
    'advocate_name',
    'Settings → Profile → name under the signature (else your name), when the letter is printed.',
    '—',
    () => renderFieldMarkers.signerName,
  ),
  placeholder(
    'authorization_enclosure',
    "New letter dialog → the enclosed document of type 'Authorization form': a sentence saying the client's signed authorization for the advocate is enclosed, with its enclosure number.",
    unfilledPrompt("client's signed authorization for you to act", 'none chosen'),
    (context) => {
      const position = context.enclosures.findIndex(
        (enclosure) => enclosure.documentType === 'authorization_form',
      );
      return position < 0
        ? null
        : `A signed authorization for me to act on this matter is enclosed (Enclosure ${position + 1}).`;
    },
  ),
  placeholder(
    'request_type',
    'Case → urgent: "Urgent (expedited)" when the case is marked urgent or its claim type is urgent, and always in an expedited review request; else "Standard".',
    '—',
    (context) => (isUrgentRequest(context) ? 'Urgent (expedited)' : 'Standard'),
  ),
  placeholder(
    'urgency_statement',
    "Case → urgent: the physician's certification that a standard decision could seriously jeopardize life, health or the ability to regain maximum function, and the request for a 72-hour decision and simultaneous expedited external review (29 CFR 2560.503-1(m)(1); denial-and-appeal-content.md §5.1 item 4). Empty for a standard request.",
    '—',
    (context) =>
      isUrgentRequest(context)
        ? `This request is urgent. ${context.provider ? `The treating provider, ${escapeMarkdownText(context.provider.name)},` : 'The treating physician'} certifies that waiting for a standard decision could seriously jeopardize ${escapeMarkdownText(context.client.name)}'s life, health or ability to regain maximum function. Under 29 CFR 2560.503-1(m)(1), when a physician with knowledge of the claimant's condition says a claim is urgent, the plan must treat it as urgent. Please decide within 72 hours, and treat this letter also as a request for simultaneous expedited external review if the plan is eligible.`
        : '',
    true,
  ),
  placeholder(
    'denial_notice_date',
    'Timeline → the latest "payer decision": date on the notice.',
    unfilledPrompt('date on the denial notice'),
    (context) => (context.denial ? formatLongDate(context.denial.noticeDate) : null),
  ),
  placeholder(
    'denial_received_date',
    'Timeline → the latest "payer decision": date the notice arrived.',
    unfilledPrompt('date the denial notice arrived'),
    (context) => (context.denial?.receivedOn ? formatLongDate(context.denial.receivedOn) : null),
  ),
  placeholder(
    'denial_reason',
    'Timeline → the latest "payer decision": the stated reason, word for word.',
    unfilledPrompt("the denial's stated reason"),
    (context) => oneLine(context.denial?.reason),
  ),
  placeholder(
    'denial_reasons_answered',
    "Timeline → the denial's stated reason, split into its separate reasons; each is quoted and answered with the criteria it concerns (criteria check) and the records that meet them.",
    unfilledPrompt("the denial's stated reason"),
    answerDenialReasons,
    true,
  ),
  placeholder(
    'criteria_policy',
    'Criteria check → the payer policy the criteria come from: name, number and date.',
    unfilledPrompt('payer policy used'),
    (context) => {
      const criteria = context.criteria;
      if (!criteria) return null;
      // "Aetna CPB 0938 — Ketamine…" already carries its number: it is not written twice.
      const number =
        criteria.policyNumber && !criteria.setName.includes(criteria.policyNumber)
          ? ` ${criteria.policyNumber}`
          : '';
      const date = criteria.policyDate ? ` (version of ${formatLongDate(criteria.policyDate)})` : '';
      return escapeMarkdownText(`${criteria.setName}${number}${date}`);
    },
  ),
  placeholder(
    'criteria_met',
    "Criteria check → each criterion met, with why and the records that show it (numbered as enclosures where enclosed); in a letter that answers the denial's reasons, only those not argued there.",
    unfilledPrompt('criteria met, with evidence'),
    (context, letter) => {
      const met = context.criteria?.results.filter((result) => result.status === 'met') ?? [];
      if (met.length === 0) return null;
      // A criterion already argued against the denial's reasons in this letter is not listed again.
      const argued = letter.placeholders.has('denial_reasons_answered')
        ? criteriaArguedAgainstReasons(context)
        : new Set<string>();
      const left = met.filter((result) => !argued.has(result.criterionId));
      if (left.length === 0)
        return 'Each one the records meet is set out above, under the reason of the notice it answers.';
      const lead =
        left.length < met.length ? 'Those set out above, under the reasons they answer, and:\n\n' : '';
      return `${lead}${bulleted(left.map((result) => describeCriterion(context, result)))}`;
    },
    true,
  ),
  placeholder(
    'criteria_open',
    'Criteria check → each criterion not yet shown as met, with the facts still to record. For drafts the physician reviews; keep it out of letters to the payer.',
    unfilledPrompt('criteria check'),
    (context) => {
      if (!context.criteria) return null;
      const open = context.criteria.results.filter((result) => result.status !== 'met');
      if (open.length === 0) return 'Every criterion of the policy is met on the records above.';
      return bulleted(
        open.map((result) => {
          const needed =
            result.missingFacts.length > 0 ? ` To record: ${result.missingFacts.join('; ')}.` : '';
          const status = result.status === 'not_met' ? 'not met' : 'not yet shown';
          return escapeMarkdownText(
            withLetterDates(`${result.text} — ${status}. ${result.explanation}${needed}`),
          );
        }),
      );
    },
    true,
  ),
  placeholder(
    'treatment_history',
    'Treatment history → every prior trial, oldest first: drug or therapy, class, dose, dates, weeks at a therapeutic dose, outcome and source.',
    unfilledPrompt('treatment history'),
    (context) => {
      const trials = context.clinical?.trials ?? [];
      return trials.length > 0 ? numbered(trials.map((trial) => describeTrial(context, trial))) : null;
    },
    true,
  ),
  placeholder(
    'symptom_scores',
    'Symptom scores → each score with its scale, date and source, oldest first.',
    unfilledPrompt('symptom scores'),
    (context) => {
      const scores = context.clinical?.scores ?? [];
      return scores.length > 0
        ? bulleted(
            scores.map((score) => {
              return `${score.instrument}: ${score.score} on ${formatLongDate(score.takenOn)}.${sourceSentence(context, score.source)}`;
            }),
          )
        : null;
    },
    true,
  ),
  placeholder(
    'clinical_facts',
    'Clinical facts → each recorded yes/no fact (REMS site, monitoring plan, psychiatrist…) with its source.',
    unfilledPrompt('clinical facts'),
    (context) => {
      const facts = (context.clinical?.facts ?? []).filter((fact) => fact.answer !== 'unknown');
      return facts.length > 0
        ? bulleted(
            facts.map((fact) => {
              return `${clinicalFactLabels[fact.key]}: ${fact.answer}.${sourceSentence(context, fact.source)}`;
            }),
          )
        : null;
    },
    true,
  ),
  placeholder(
    'filing_deadline',
    "Deadline engine → the claimant's earliest open deadline this letter meets (the external-review window for an external review request, the appeal window otherwise), as its date and citation (the rule's meaning is written for the advocate, not the payer). A deadline already missed is shown as a prompt to check the plan's own date, never as met.",
    unfilledPrompt('filing deadline', 'not computed'),
    (context) => {
      const deadline = filingDeadline(context);
      if (!deadline) return null;
      if (deadline.status !== 'missed') return describeDeadline(deadline);
      return unfilledPrompt(
        `filing deadline: the computed date, ${formatLongDate(deadline.dueOn)} (${deadline.citationText}), has passed; check the plan's own deadline`,
      );
    },
  ),
  placeholder(
    'decision_deadline',
    'Deadline rules → how long the payer has to decide what this letter asks (the initial decision for a prior-authorization request, the appeal decision otherwise), chosen by plan type, claim type and urgency, as a sentence with its citation.',
    unfilledPrompt("the plan's decision deadline", 'not computed'),
    (context) => {
      const rule = decisionRuleForLetter(context);
      return rule
        ? `${escapeMarkdownText(rule.meaning.replace(/\.$/, ''))} (${escapeMarkdownText(rule.citation)}).`
        : null;
    },
  ),
  placeholder(
    'procedural_issues',
    'Deadline engine → each payer deadline the payer missed, with its rule and citation, and the deemed-exhaustion point the rule gives. Empty when the payer met every deadline.',
    '—',
    (context) => {
      const missed = context.deadlines.filter(
        (deadline) => deadline.actor === 'payer' && deadline.status === 'missed',
      );
      if (missed.length === 0) return '';
      return [
        '**Procedural issues.** The plan did not follow the claims rules:',
        '',
        bulleted(
          missed.map(
            (deadline) =>
              `${escapeMarkdownText(deadline.meaning)} The decision was due ${formatLongDate(deadline.dueOn)} (${escapeMarkdownText(deadline.citationText)}) and was late.`,
          ),
        ),
        '',
        'I reserve the right to treat internal remedies as exhausted and to proceed to external review.',
      ].join('\n');
    },
    true,
  ),
  placeholder(
    'notice_defects',
    "The denial notice read into the case → each element the law requires that the notice left out, and each finding (such as an appeal window shorter than the law's), with its citation. Empty when the notice gave everything or none was read.",
    '—',
    noticeDefectArguments,
    true,
  ),
  placeholder(
    'notice_omissions_requested',
    'The denial notice read into the case → a request for each element the notice failed to give, with its citation. Empty when the notice gave everything or none was read.',
    '—',
    noticeOmissionRequests,
    true,
  ),
  placeholder(
    'previous_appeal_date',
    'Timeline → the date the latest earlier appeal was filed.',
    unfilledPrompt('date the first appeal was filed'),
    (context) => {
      const filedOn = latestOf(context.appealsFiled.map((appeal) => appeal.filedOn));
      return filedOn ? formatLongDate(filedOn) : null;
    },
  ),
  placeholder(
    'enclosures',
    'New letter dialog → the vault documents chosen as enclosures, numbered in the order chosen, each with its type and date.',
    unfilledPrompt('enclosures', 'none chosen'),
    (context) =>
      context.enclosures.length > 0
        ? numbered(
            context.enclosures.map((enclosure) => {
              const date = enclosure.documentDate ? `, dated ${formatLongDate(enclosure.documentDate)}` : '';
              return `${escapeMarkdownText(enclosure.title)}${date}`;
            }),
          )
        : null,
    true,
  ),
];

export const placeholdersByName: ReadonlyMap<string, Placeholder> = new Map(
  letterPlaceholders.map((entry) => [entry.name, entry]),
);
