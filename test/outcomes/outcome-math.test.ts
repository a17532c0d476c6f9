import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/core/outcomes/outcome-math';

describe('groupBy', () => {
  it('keeps every record under its key, in the order the records came', () => {
    const deadlines = [
      { payer: 'Aetna', id: 1 },
      { payer: 'Cigna', id: 2 },
      { payer: 'Aetna', id: 3 },
    ];
    const byPayer = groupBy(deadlines, (deadline) => deadline.payer);
    expect([...byPayer.keys()]).toEqual(['Aetna', 'Cigna']);
    expect(byPayer.get('Aetna')!.map((deadline) => deadline.id)).toEqual([1, 3]);
    expect(byPayer.get('Cigna')!.map((deadline) => deadline.id)).toEqual([2]);
  });

  it('gives no groups for no records', () => {
    expect(groupBy([], (record: { payer: string }) => record.payer).size).toBe(0);
  });
});
