import type { HandlersOf } from '../../../shared/contract';
import { renderInvoicePdf } from '../../time/invoice-pdf';
import {
  createInvoice,
  listInvoiceCandidates,
  listInvoices,
  loadInvoiceDocument,
  previewInvoice,
  setInvoiceStatus,
} from '../../time/invoices-service';
import type { HandlerContext } from './handler-context';

export function invoicesHandlers({ session }: HandlerContext): HandlersOf<'invoices'> {
  const render = (invoiceId: number) =>
    session.useStore(async ({ db }) => {
      const document = await loadInvoiceDocument(db, invoiceId);
      return { number: document.invoice.number, ...(await renderInvoicePdf(document)) };
    });
  return {
    'invoices.candidates': () => session.useStore(({ db }) => listInvoiceCandidates(db)),
    'invoices.preview': (period) => session.useStore(({ db }) => previewInvoice(db, period)),
    'invoices.create': (input) => session.useStore(({ db }) => createInvoice(db, session.actor, input)),
    'invoices.list': ({ clientId }) => session.useStore(({ db }) => listInvoices(db, clientId)),
    'invoices.setStatus': ({ invoiceId, status }) =>
      session.useStore(({ db }) => setInvoiceStatus(db, session.actor, invoiceId, status)),
    'invoices.pdf': async ({ invoiceId }) => {
      const { number, bytes, pageCount } = await render(invoiceId);
      return { fileName: `invoice-${number}.pdf`, pageCount, data: bytes.toString('base64') };
    },
  };
}
