import { z } from 'zod';
import { invoiceStatuses } from '../domain/billing';
import { calendarDate, optionalCalendarDate, recordId, requiredText } from './fields';

const invoicePeriodShape = {
  clientId: recordId('Client'),
  from: calendarDate('From'),
  to: calendarDate('To'),
};

function checkPeriod(period: { from: string; to: string }, context: z.RefinementCtx): void {
  if (period.to < period.from) {
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end of the period must be on or after its start.',
    });
  }
}

/** Which client and period: what the invoice dialog previews before anything is billed. */
export const invoicePeriodInputSchema = z.strictObject(invoicePeriodShape).superRefine(checkPeriod);

export const createInvoiceInputSchema = z
  .strictObject({
    ...invoicePeriodShape,
    issuedOn: calendarDate('Invoice date'),
    dueOn: optionalCalendarDate('Due date'),
    paymentTerms: requiredText('Payment terms', 500),
    fromName: requiredText('Your name or business name', 200),
    fromAddress: requiredText('Your address', 500),
  })
  .superRefine(checkPeriod)
  .superRefine((invoice, context) => {
    if (invoice.dueOn !== null && invoice.dueOn < invoice.issuedOn) {
      context.addIssue({
        code: 'custom',
        path: ['dueOn'],
        message: 'The due date cannot be before the invoice date.',
      });
    }
  });
export type CreateInvoiceInput = z.output<typeof createInvoiceInputSchema>;

export const invoiceLineSchema = z.object({
  entryId: z.number().int(),
  workedOn: z.string(),
  caseNumber: z.string(),
  description: z.string(),
  minutes: z.number().int(),
  billedMinutes: z.number().int(),
  rateCents: z.number().int(),
  amountCents: z.number().int(),
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoicePreviewSchema = z.object({
  clientName: z.string(),
  lines: z.array(invoiceLineSchema),
  totalCents: z.number().int(),
  incrementMinutes: z.number().int(),
  roundingNote: z.string(),
});
export type InvoicePreview = z.infer<typeof invoicePreviewSchema>;

export const invoiceSchema = z.object({
  id: recordId('Invoice'),
  number: z.string(),
  clientId: z.number().int(),
  clientName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuedOn: z.string(),
  dueOn: z.string().nullable(),
  paymentTerms: z.string(),
  incrementMinutes: z.number().int(),
  totalCents: z.number().int(),
  status: z.enum(invoiceStatuses),
  fromName: z.string(),
  fromAddress: z.string(),
  entryCount: z.number().int(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const listInvoicesInputSchema = z.strictObject({ clientId: recordId('Client').optional() });

export const setInvoiceStatusInputSchema = z.strictObject({
  invoiceId: recordId('Invoice'),
  status: z.enum(invoiceStatuses, { error: 'Status must be issued, paid or void.' }),
});

export const invoicePdfInputSchema = z.strictObject({ invoiceId: recordId('Invoice') });
export const invoiceFileSchema = z.object({
  fileName: z.string(),
  pageCount: z.number().int(),
  data: z.string(),
});

/** Clients with billable time not yet invoiced, for the invoice dialog's client list. */
export const invoiceCandidateSchema = z.object({
  clientId: z.number().int(),
  clientName: z.string(),
  entryCount: z.number().int(),
  firstWorkedOn: z.string(),
  lastWorkedOn: z.string(),
});
