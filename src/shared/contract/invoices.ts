import { z } from 'zod';
import {
  createInvoiceInputSchema,
  invoiceCandidateSchema,
  invoiceFileSchema,
  invoicePdfInputSchema,
  invoicePeriodInputSchema,
  invoicePreviewSchema,
  invoiceSchema,
  listInvoicesInputSchema,
  setInvoiceStatusInputSchema,
} from '../schemas/invoices';
import { defineMethods, noInput } from './method-spec';

/** Invoices for hourly work. */
export const invoicesMethods = defineMethods({
  'invoices.candidates': {
    doc: 'Clients with billable time not yet invoiced, with the dates it spans.',
    input: noInput,
    output: z.array(invoiceCandidateSchema),
  },
  'invoices.preview': {
    doc: 'The lines an invoice for a client and period would hold (billable, stopped, not yet invoiced) and its total; nothing is saved.',
    input: invoicePeriodInputSchema,
    output: invoicePreviewSchema,
  },
  'invoices.create': {
    doc: 'Issues an invoice: numbers it, totals it and marks its entries invoiced so they are never billed twice.',
    input: createInvoiceInputSchema,
    output: invoiceSchema,
  },
  'invoices.list': {
    doc: 'Invoices, newest first, for one client or all.',
    input: listInvoicesInputSchema,
    output: z.array(invoiceSchema),
  },
  'invoices.setStatus': {
    doc: 'Marks an invoice paid, or void (which frees its entries to be invoiced again).',
    input: setInvoiceStatusInputSchema,
    output: invoiceSchema,
  },
  'invoices.pdf': {
    doc: 'The invoice PDF (base64) to download; the copy is not encrypted.',
    input: invoicePdfInputSchema,
    output: invoiceFileSchema,
  },
});
