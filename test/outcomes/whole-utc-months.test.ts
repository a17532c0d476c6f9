import { describe, expect, it } from 'vitest';
import { splitAtWholeUtcMonths } from '../../src/core/outcomes/outcome-events';

/** Where the kept month counts (migration 0205) take over from the events, and where they cannot. */
describe('a period cut at whole UTC months', () => {
  it('gives the whole months inside it, and the instants either side to the events', () => {
    // A New York year: from 05:00 UTC on its first day to 05:00 UTC after its last.
    expect(
      splitAtWholeUtcMonths({ start: '2025-11-24T05:00:00.000Z', end: '2026-11-24T05:00:00.000Z' }),
    ).toEqual({
      months: { first: '2025-12', last: '2026-10' },
      outside: [
        { start: '2025-11-24T05:00:00.000Z', end: '2025-12-01T00:00:00.000Z' },
        { start: '2026-11-01T00:00:00.000Z', end: '2026-11-24T05:00:00.000Z' },
      ],
    });
  });

  it('leaves nothing outside a period of whole UTC months, across a year end', () => {
    expect(
      splitAtWholeUtcMonths({ start: '2025-12-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' }),
    ).toEqual({ months: { first: '2025-12', last: '2026-01' }, outside: [] });
  });

  it('gives a period with no whole month to the events alone', () => {
    const newYorkMarch = { start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z' };
    expect(splitAtWholeUtcMonths(newYorkMarch)).toEqual({ months: null, outside: [newYorkMarch] });
    const oneDay = { start: '2026-03-15T04:00:00.000Z', end: '2026-03-16T04:00:00.000Z' };
    expect(splitAtWholeUtcMonths(oneDay)).toEqual({ months: null, outside: [oneDay] });
  });
});
