import { describe, expect, it } from 'vitest';
import type { RecordedDenialNotice } from '@shared/schemas/case-denial-notice';
import { formatCalendarDate } from '../../lib/format-date';
import { recordedMessage } from './recorded-message';

const recorded: Pick<RecordedDenialNotice, 'eventId' | 'noticeDate' | 'noticeCheck'> = {
  eventId: 7,
  noticeDate: '2026-03-03',
  noticeCheck: {
    planType: 'employer-fully-insured',
    elements: [{ id: 'external-review', status: 'missing', citation: 'x', quote: null }],
    findings: [],
  },
};
const day = formatCalendarDate('2026-03-03');

describe('the message after a denial notice is recorded', () => {
  it('points to the Deadlines tab only when the denial started an appeal deadline', () => {
    expect(
      recordedMessage(
        recorded,
        { deadlines: [{ sourceEventId: 7, actor: 'claimant' }], missingFacts: [] },
        { created: true },
      ),
    ).toBe(
      `Denial of ${day} recorded; the case's coverage was created from the notice; the appeal deadline is on the Deadlines tab; the notice has 1 problem.`,
    );
  });

  it('names the existing coverage a second case of the client was linked to', () => {
    expect(
      recordedMessage(
        recorded,
        { deadlines: [{ sourceEventId: 7, actor: 'claimant' }], missingFacts: [] },
        { existing: 'Maria’s existing coverage with Aetna (member W123456789)' },
      ),
    ).toBe(
      `Denial of ${day} recorded; the case now uses Maria’s existing coverage with Aetna (member W123456789); the appeal deadline is on the Deadlines tab; the notice has 1 problem.`,
    );
  });

  it('says what is missing for the deadline and how to get it when there is none', () => {
    const message = recordedMessage(
      recorded,
      {
        deadlines: [{ sourceEventId: 3, actor: 'claimant' }],
        missingFacts: ['Claim type (case details): not recorded'],
      },
      null,
    );
    expect(message).toBe(
      `Denial of ${day} recorded; no appeal deadline could be computed yet (Claim type (case details): not recorded; add it on the case and the deadline appears); the notice has 1 problem.`,
    );
    expect(message).not.toContain('Deadlines tab');
  });
});
