import { describe, expect, it } from 'vitest';
import { timelineEventTypes } from '@shared/domain/timeline-event-types';
import { eventPayloadSchema } from '@shared/schemas/events';
import {
  buildDetails,
  fieldsForType,
  joinDateSpan,
  splitDateSpan,
  type FormValues,
} from './event-form-fields';

/** What the add-event form sends, as EventFormDialog builds it. */
function payload(type: (typeof timelineEventTypes)[number], values: FormValues) {
  return {
    type,
    occurredAt: '2026-03-02T15:04:00.000Z',
    summary: 'Summary',
    details: buildDetails(type, values),
  };
}

/** The form as it opens: every select on its first choice, every other field empty. */
function openedForm(type: (typeof timelineEventTypes)[number]): FormValues {
  return Object.fromEntries(
    fieldsForType(type).flatMap((field) =>
      field.kind === 'select' ? [[field.key, field.options?.[0]?.value ?? '']] : [],
    ),
  );
}

describe('the add-event form', () => {
  it.each(timelineEventTypes)(
    'shows every refusal of a %s, sent as the form opens, beside a field of the form',
    (type) => {
      const keys = new Set(fieldsForType(type).map((field) => field.key));
      const refused = eventPayloadSchema.safeParse(payload(type, openedForm(type))).error?.issues ?? [];
      for (const issue of refused) expect(keys).toContain(issue.path.join('.').replace(/^details\./, ''));
    },
  );

  it('turns a call into the nested details of the contract: minutes as a number, the follow-up as a group', () => {
    const details = buildDetails('phone_call', {
      direction: 'outbound',
      withWhom: ' Blue Harbor ',
      repName: 'Dana',
      referenceNumber: 'R-42',
      durationMinutes: '12',
      'followUp.title': 'Call back for the decision',
      'followUp.dueOn': '2026-03-09',
    });
    expect(details).toEqual({
      direction: 'outbound',
      withWhom: 'Blue Harbor',
      repName: 'Dana',
      referenceNumber: 'R-42',
      durationMinutes: 12,
      followUp: { title: 'Call back for the decision', dueOn: '2026-03-09' },
    });
    expect(eventPayloadSchema.safeParse(payload('phone_call', details as FormValues)).success).toBe(true);
  });

  it('sends a group left wholly empty as null, not as a half-filled object', () => {
    const details = buildDetails('appeal_filed', { level: '1', 'deliveryProof.method': '' });
    expect(details.deliveryProof).toBeNull();
    expect(details.level).toBe(1);
  });

  it('reads dollars as cents and codes as a list; text that is no amount goes on, for the schema to refuse at its field', () => {
    expect(
      buildDetails('claim_submitted', { amountCents: '1,250.50', codes: '90867, F33.2 90868' }),
    ).toMatchObject({
      amountCents: 125050,
      codes: ['90867', 'F33.2', '90868'],
    });
    const wrong = eventPayloadSchema.safeParse(
      payload('claim_submitted', { dateOfService: '2026-03-02', amountCents: 'about 12' }),
    );
    expect(wrong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['details.amountCents']);
  });

  it('asks for approved dates only when something was approved, and for finality only on a denial', () => {
    const keys = (decision: string) =>
      fieldsForType('payer_decision', { decision }).map((field) => field.key);
    expect(keys('denied')).not.toContain('approvedFrom');
    expect(keys('denied')).toContain('isFinal');
    expect(keys('approved')).toEqual(
      expect.arrayContaining(['approvedUnits', 'approvedFrom', 'approvedUntil']),
    );
    expect(keys('approved')).not.toContain('isFinal');
    expect(keys('partially_approved')).toEqual(expect.arrayContaining(['approvedFrom', 'isFinal']));
  });

  it('asks every submission how its delivery can be proved, and nothing else', () => {
    const hasProof = (type: (typeof timelineEventTypes)[number]) =>
      fieldsForType(type).some((field) => field.key === 'deliveryProof.method');
    expect(hasProof('appeal_filed')).toBe(true);
    expect(hasProof('prior_auth_submitted')).toBe(true);
    expect(hasProof('phone_call')).toBe(false);
    expect(hasProof('note')).toBe(false);
  });
});

describe('the dates of service of a payer decision', () => {
  it('are two date controls, the first and the last day, sent as the one text the contract keeps', () => {
    const field = fieldsForType('payer_decision').find((candidate) => candidate.key === 'datesOfService');
    expect(field?.kind).toBe('dateSpan');
    const span = joinDateSpan('2026-03-01', '2026-05-31');
    expect(span).toBe('2026-03-01 to 2026-05-31');
    expect(splitDateSpan(span)).toEqual({ first: '2026-03-01', last: '2026-05-31' });
    expect(joinDateSpan('2026-03-01', '')).toBe('2026-03-01');
    expect(splitDateSpan('2026-03-01')).toEqual({ first: '2026-03-01', last: '' });
    expect(splitDateSpan(joinDateSpan('', '2026-05-31'))).toEqual({ first: '', last: '2026-05-31' });
    expect(
      buildDetails('payer_decision', { decision: 'denied', level: '0', datesOfService: span }),
    ).toMatchObject({ datesOfService: '2026-03-01 to 2026-05-31' });
  });

  it('a last day alone, or before the first, is refused beside the field, saying what to pick', () => {
    const refusal = (datesOfService: string) =>
      eventPayloadSchema
        .safeParse(
          payload('payer_decision', {
            decision: 'denied',
            level: '0',
            noticeDate: '2026-06-02',
            datesOfService,
          }),
        )
        .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(refusal(joinDateSpan('', '2026-05-31'))).toEqual([
      [
        'details.datesOfService',
        'Pick the first day of service too, or clear the last day: a last day alone is not a span.',
      ],
    ]);
    expect(refusal(joinDateSpan('2026-05-31', '2026-03-01'))).toEqual([
      ['details.datesOfService', 'The last day of service is before the first. Check both dates.'],
    ]);
  });
});

describe('what the add-event form marks optional', () => {
  it.each(timelineEventTypes)(
    'a %s: every field the contract refuses to leave empty is marked required, never "(optional)"',
    (type) => {
      const refused = eventPayloadSchema.safeParse(payload(type, openedForm(type))).error?.issues ?? [];
      const leftEmpty = new Set(refused.map((issue) => issue.path.join('.').replace(/^details\./, '')));
      for (const field of fieldsForType(type))
        if (leftEmpty.has(field.key))
          expect({ [field.key]: field.isRequired }).toEqual({ [field.key]: true });
    },
  );
});
