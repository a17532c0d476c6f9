/**
 * Billing arithmetic for hourly advocacy work, in whole cents and whole minutes so that totals
 * never drift. Each entry is rounded up to the billing increment on its own (6 minutes = a tenth
 * of an hour is the common convention); the invoice total is the sum of the rounded lines.
 */

/** The increments a user can bill in; 1 means "bill the minutes as worked". */
export const billingIncrements = [1, 6, 10, 15, 30] as const;
export type BillingIncrement = (typeof billingIncrements)[number];
export const defaultBillingIncrement: BillingIncrement = 6;

export const invoiceStatuses = ['issued', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
export const invoiceStatusLabels: Readonly<Record<InvoiceStatus, string>> = {
  issued: 'Issued',
  paid: 'Paid',
  void: 'Void',
};

/** Minutes rounded up to the next whole increment (7 minutes at 6 → 12). */
export function roundUpToIncrement(minutes: number, incrementMinutes: number): number {
  if (minutes <= 0) return 0;
  return Math.ceil(minutes / incrementMinutes) * incrementMinutes;
}

/** The amount for some minutes at an hourly rate, to the nearest cent (half a cent rounds up). */
export function amountForMinutes(minutes: number, hourlyRateCents: number): number {
  return Math.round((minutes * hourlyRateCents) / 60);
}

/** 90 → "1.50": hours with two decimals, as invoices show them. */
export function formatHours(minutes: number): string {
  return (minutes / 60).toFixed(2);
}

/** 95 → "1 h 35 min"; for lists, where a decimal reads poorly. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** What the user is told about rounding, beside every figure it changes. */
export function describeRounding(incrementMinutes: number): string {
  return incrementMinutes === 1
    ? 'Minutes are billed as worked, without rounding.'
    : `Each entry is rounded up to the next ${incrementMinutes} minutes (${formatHours(incrementMinutes)} h) before its amount is worked out.`;
}
