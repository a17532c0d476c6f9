import { describe, expect, it } from 'vitest';
import { periodFor } from './outcome-period';

describe('period presets', () => {
  it.each([
    ['this-year', '2026-11-23', { from: '2026-01-01', to: '2026-11-23' }],
    ['last-year', '2026-11-23', { from: '2025-01-01', to: '2025-12-31' }],
    // Dec 2025 … Nov 2026: twelve months, the current one included.
    ['last-12-months', '2026-11-23', { from: '2025-12-01', to: '2026-11-23' }],
    ['last-12-months', '2026-12-05', { from: '2026-01-01', to: '2026-12-05' }],
    ['last-12-months', '2026-01-31', { from: '2025-02-01', to: '2026-01-31' }],
  ] as const)('%s on %s', (preset, today, expected) => {
    expect(periodFor(preset, today)).toEqual(expected);
  });
});
