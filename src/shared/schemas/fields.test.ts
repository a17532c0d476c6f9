import { describe, expect, it } from 'vitest';
import { calendarDate, optionalCalendarDate } from './fields';

/** Every message a form would show for `value`, in order. */
function messages(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error!.issues.map((issue) => issue.message);
}

describe('a required date', () => {
  const arrival = calendarDate('Date the notice arrived', { notInFuture: true });

  it('left empty says it is required, not how to write a date the picker wrote for you', () => {
    expect(messages(arrival, '')).toEqual(['Date the notice arrived is required.']);
    expect(messages(arrival, '   ')).toEqual(['Date the notice arrived is required.']);
  });

  it('badly written still says how to write it', () => {
    expect(messages(arrival, '2026-02-30')).toEqual([
      'Date the notice arrived must be a real date written as YYYY-MM-DD, for example 1984-02-29.',
    ]);
  });

  it('an optional one may be left empty', () => {
    expect(messages(optionalCalendarDate('Received on'), '')).toEqual([]);
  });
});
