const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Whole cents as dollars ("$1,250.50"); the one formatter for screens and for the working sentences. */
export function formatCents(cents: number | null): string {
  return cents === null ? '—' : currency.format(cents / 100);
}
