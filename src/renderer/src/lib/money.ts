export { formatCents } from '@shared/domain/money';

/**
 * Reads a dollar amount as typed ("$1,250", "1250.5", "") into whole cents. Returns undefined for
 * text that is not an amount, so the form can say so; the schema then checks the range.
 */
export function parseDollarsToCents(text: string): number | null | undefined {
  const cleaned = text.replace(/[$,\s]/g, '');
  if (cleaned === '') return null;
  if (!/^-?\d+(\.\d{0,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

export function centsToDollarsInput(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}
