import { describe, expect, it } from 'vitest';
import { eventPayloadSchema } from './events';

/** The first message a form would show for `payload`, or null when it is accepted. */
function refusal(payload: unknown): { message: string; path: string } | null {
  const parsed = eventPayloadSchema.safeParse(payload);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  return { message: issue!.message, path: issue!.path.join('.') };
}

const filed = (receivedByPayerOn: string | null) => ({
  type: 'appeal_filed',
  occurredAt: '2026-12-07T15:00:00.000Z',
  summary: 'First-level appeal faxed',
  details: { level: 1, method: 'fax', receivedByPayerOn },
});

describe('a date the payer received something', () => {
  it('cannot come before it was sent: it would start the payer’s clock days early', () => {
    expect(refusal(filed('2026-12-05'))).toEqual({
      message: 'The payer cannot have received it before it was sent. Check this date and "When".',
      path: 'details.receivedByPayerOn',
    });
  });

  it('may be the day it was sent, or later, or not known yet', () => {
    expect(refusal(filed('2026-12-07'))).toBeNull();
    expect(refusal(filed('2026-12-09'))).toBeNull();
    expect(refusal(filed(null))).toBeNull();
  });

  it('is compared with the day it was sent where the advocate works: filed at 8 pm in New York is 01:00 UTC the next day', () => {
    expect(refusal({ ...filed('2026-12-07'), occurredAt: '2026-12-08T01:00:00.000Z' })).toBeNull();
  });

  it('holds for an external review request and a prior authorization too', () => {
    expect(
      refusal({
        type: 'external_review_requested',
        occurredAt: '2026-12-07T15:00:00.000Z',
        summary: 'External review requested',
        details: { receivedOn: '2026-12-01' },
      }),
    ).toMatchObject({ path: 'details.receivedOn' });
    expect(
      refusal({
        type: 'prior_auth_submitted',
        occurredAt: '2026-12-07T15:00:00.000Z',
        summary: 'Prior authorization faxed',
        details: { method: 'fax', receivedByPayerAt: '2026-12-03T15:00:00.000Z' },
      }),
    ).toMatchObject({ path: 'details.receivedByPayerAt' });
  });
});
