import { submissionEventTypes, timelineEventTypeLabels } from '@shared/domain/timeline-event-types';
import { dayOnlyOf } from '@shared/domain/day-only-events';
import { datesOfServiceSpan } from '@shared/schemas/notice-dates-of-service';
import type { TimelineEvent } from '@shared/schemas/events';
import { formatCalendarDate, formatInstant } from '../../lib/format-date';
import { formatCents } from '../../lib/money';
import styles from './Timeline.module.css';

type Fact = readonly [label: string, value: string];

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const cents = (value: unknown): string | null => (typeof value === 'number' ? formatCents(value) : null);
const day = (value: unknown): string | null =>
  typeof value === 'string' && value ? formatCalendarDate(value) : null;
const moment = (value: unknown): string | null =>
  typeof value === 'string' && value ? formatInstant(value) : null;

/** "2026-03-01 to 2026-05-31" in the user's locale, as the dates on either side show. */
const daySpan = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value) return null;
  const { from, to } = datesOfServiceSpan(value);
  return to === null ? formatCalendarDate(from) : `${formatCalendarDate(from)} – ${formatCalendarDate(to)}`;
};

const unlessInSummary = (value: string | null, summary: string): string | null =>
  value !== null && summary.includes(value) ? null : value;

const decisionLabels: Readonly<Record<string, string>> = {
  approved: 'Approved',
  partially_approved: 'Partially approved',
  denied: 'Denied',
};

/** The details worth seeing at a glance, per event type, in reading order. */
function factsOf(event: TimelineEvent): Fact[] {
  const details = event.details;
  const candidates: [string, string | null][] = [
    ['Rep', text(details.repName)],
    ['Ref #', text(details.referenceNumber)],
    ['With', text(details.withWhom) ?? text(details.counterpart)],
    ['Payer’s request #', text(details.confirmationNumber)],
    ['Decision', text(details.decision) ? (decisionLabels[details.decision as string] ?? null) : null],
    ['On the notice', day(details.noticeDate)],
    ['Arrived', day(details.receivedOn)],
    ['Dates of service', daySpan(details.datesOfService)],
    // A denial read from its notice quotes the reason in its summary already: not printed twice.
    ['Reason', unlessInSummary(text(details.reason), event.summary)],
    ['Approved until', day(details.approvedUntil)],
    ['Level', typeof details.level === 'number' && details.level > 0 ? String(details.level) : null],
    ['Claim #', text(details.claimNumber)],
    ['Date of service', day(details.dateOfService)],
    ['Amount', cents(details.amountCents)],
    ['Paid', cents(details.paidCents)],
    ['Patient owes', cents(details.patientOwesCents)],
    ['Reviewer', text(details.reviewerName) ?? text(details.reviewer)],
    ['Scheduled', moment(details.scheduledFor)],
    ['Regulator', text(details.regulator)],
    ['Complaint #', text(details.complaintNumber)],
    ['Letter', text(details.letterKind)],
    ['Sent to', text(details.sentTo)],
  ];
  return candidates.filter((candidate): candidate is [string, string] => candidate[1] !== null);
}

function ProofOfDelivery({ event }: { event: TimelineEvent }) {
  if (!submissionEventTypes.includes(event.type)) return null;
  const proof = event.details.deliveryProof as
    { method?: string; reference?: string | null } | null | undefined;
  if (!proof?.method) {
    return (
      <p className={styles.proofMissing}>
        No proof of delivery recorded. Add the fax confirmation or tracking number.
      </p>
    );
  }
  return (
    <p className={styles.proof}>
      Proof of delivery: {proof.method.replace(/_/g, ' ')}
      {proof.reference ? ` · ${proof.reference}` : ''}
    </p>
  );
}

function VerificationAnswers({ event }: { event: TimelineEvent }) {
  const answers = event.details.answers as { question: string; answer: string | null }[] | null | undefined;
  if (!answers?.length) return null;
  return (
    <details className={styles.answers}>
      <summary>Questions and answers</summary>
      <dl>
        {answers.map(({ question, answer }) => (
          <div key={question}>
            <dt>{question}</dt>
            <dd>{answer ?? 'Not answered'}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function TimelineEventItem({ event }: { event: TimelineEvent }) {
  const facts = factsOf(event);
  const dayOnly = dayOnlyOf(event);
  const when = dayOnly === null ? formatInstant(event.occurredAt) : formatCalendarDate(dayOnly);
  return (
    <li className={styles.item}>
      <div className={styles.marker} aria-hidden />
      <article className={styles.card} aria-label={`${timelineEventTypeLabels[event.type]}, ${when}`}>
        <header className={styles.cardHeader}>
          <span className={`${styles.typeBadge} ${styles[event.type] ?? ''}`}>
            {timelineEventTypeLabels[event.type]}
          </span>
          <time dateTime={dayOnly ?? event.occurredAt} className={styles.when}>
            {when}
          </time>
        </header>
        <p className={styles.summary}>{event.summary}</p>
        {facts.length > 0 && (
          <dl className={styles.facts}>
            {facts.map(([label, value]) => (
              <div key={label} className={styles.fact}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
        <VerificationAnswers event={event} />
        <ProofOfDelivery event={event} />
      </article>
    </li>
  );
}
