/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** part ÷ whole, or null when there is nothing to divide by (shown as "no data", never as 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
