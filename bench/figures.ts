/**
 * What the bench reports: each figure's samples (cold, warm or both) with min / median / max,
 * the goal beside it and whether it is met. Shared by the console table, the JSON output and
 * docs/performance.md.
 */

export type Stats = {
  readonly samples: readonly number[];
  readonly min: number;
  readonly median: number;
  readonly max: number;
  /** The 95th percentile, for figures of many calls judged on it (the team bench's load). */
  readonly p95?: number;
};

export type Figure = {
  readonly id: string;
  readonly name: string;
  /** The unit of every sample: ms, MB, GB/s, × (a ratio). */
  readonly unit: string;
  /** After the file was evicted from the OS page cache, in a process that had not read it. */
  readonly cold: Stats | null;
  /** Repeated in a process that has just done the same work. */
  readonly warm: Stats | null;
  /** The goal as a reader sees it (“≤ 50 ms median”), or “—” when printed without one. */
  readonly goal: string;
  /** Null when there is no goal or nothing could be measured. */
  readonly passed: boolean | null;
  readonly detail?: string;
};

export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? sorted[middle]!
        : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { samples, min: sorted[0] ?? Number.NaN, median, max: sorted.at(-1) ?? Number.NaN };
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
}

/** Runs `work` `count` times, one after another, and returns each duration in ms. */
export async function sampleMs(count: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < count; run += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** A figure measured only where the goal needs it: `passed` compares the chosen statistic with the goal. */
export function judged(
  figure: Omit<Figure, 'passed'>,
  rule: {
    readonly on: 'cold' | 'warm';
    readonly statistic: 'median' | 'max';
    readonly atMost?: number;
    readonly atLeast?: number;
  },
): Figure {
  const stats = figure[rule.on];
  if (!stats || Number.isNaN(stats[rule.statistic])) return { ...figure, passed: null };
  const value = stats[rule.statistic];
  const passed =
    (rule.atMost === undefined || value <= rule.atMost) &&
    (rule.atLeast === undefined || value >= rule.atLeast);
  return { ...figure, passed };
}

export function notMeasured(id: string, name: string, goal: string, reason: string): Figure {
  return {
    id,
    name,
    unit: '',
    cold: null,
    warm: null,
    goal,
    passed: null,
    detail: `not measured: ${reason}`,
  };
}

const digits = (value: number, unit: string) =>
  unit === '×'
    ? value.toFixed(2)
    : unit === 'GB/s'
      ? value.toFixed(2)
      : value >= 100
        ? value.toFixed(0)
        : value.toFixed(1);

export function formatStats(stats: Stats | null, unit: string): string {
  if (!stats) return '—';
  const format = (value: number) => digits(value, unit);
  const p95 = stats.p95 === undefined ? '' : `, p95 ${format(stats.p95)}`;
  return stats.samples.length === 1
    ? `${format(stats.median)} ${unit}`
    : `${format(stats.min)} / ${format(stats.median)} / ${format(stats.max)} ${unit}${p95}`;
}

export const verdictOf = (figure: Figure) => (figure.passed === null ? '—' : figure.passed ? 'pass' : 'FAIL');

/** A plain-text table: figure, cold and warm min / median / max, goal, verdict. */
export function figureTable(figures: readonly Figure[]): string[] {
  const rows = [
    ['figure', 'cold (min / median / max)', 'warm (min / median / max)', 'goal', 'result'],
    ...figures.map((figure) => [
      figure.name,
      formatStats(figure.cold, figure.unit),
      formatStats(figure.warm, figure.unit),
      figure.goal,
      verdictOf(figure),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)];
}
