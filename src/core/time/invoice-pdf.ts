import { describeRounding, formatHours } from '../../shared/domain/billing';
import type { Invoice, InvoiceLine } from '../../shared/schemas/invoices';
import { configuredPdfmake } from '../exports/pdfmake-setup';

export type InvoiceDocument = {
  readonly invoice: Invoice;
  readonly lines: readonly InvoiceLine[];
  /** The client's postal address, when one is on file. */
  readonly billToAddress: string | null;
};

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const longDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

function formatMoney(cents: number): string {
  return money.format(cents / 100);
}

/** A calendar date (YYYY-MM-DD) as "Mar 2, 2026": an invoice goes to a US client. */
function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return longDate.format(new Date(Date.UTC(year!, month! - 1, day)));
}

type Cell = Record<string, unknown>;

function labelled(label: string, value: string): Cell[] {
  return [
    { text: label, color: '#555555', alignment: 'right' },
    { text: value, alignment: 'right' },
  ];
}

/** The invoice as a one- or few-page PDF: from, bill to, the lines, the total and the terms. */
export async function renderInvoicePdf({
  invoice,
  lines,
  billToAddress,
}: InvoiceDocument): Promise<{ bytes: Buffer; pageCount: number }> {
  const pdfmake = await configuredPdfmake();
  let pageCount = 0;
  const definition = {
    pageSize: 'LETTER',
    pageMargins: [54, 54, 54, 54],
    info: { title: `Invoice ${invoice.number}`, author: invoice.fromName, creator: 'Advocase' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      from: { fontSize: 12, bold: true },
      title: { fontSize: 20, bold: true, alignment: 'right', color: '#1f3a5f' },
      label: { color: '#555555', fontSize: 8.5, margin: [0, 0, 0, 2] },
      tableHeader: { bold: true, fontSize: 8.5 },
      note: { fontSize: 8.5, color: '#333333' },
    },
    footer: (currentPage: number, total: number) => {
      pageCount = Math.max(pageCount, total);
      return {
        columns: [
          { text: `Invoice ${invoice.number}`, fontSize: 8, color: '#555555' },
          { text: `Page ${currentPage} of ${total}`, fontSize: 8, color: '#555555', alignment: 'right' },
        ],
        margin: [54, 20, 54, 0],
      };
    },
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: invoice.fromName, style: 'from' },
              { text: invoice.fromAddress, margin: [0, 2, 0, 0] },
            ],
          },
          {
            width: 'auto',
            stack: [
              { text: 'INVOICE', style: 'title', margin: [0, 0, 0, 6] },
              {
                table: {
                  body: [
                    labelled('Invoice number', invoice.number),
                    labelled('Invoice date', formatDate(invoice.issuedOn)),
                    ...(invoice.dueOn ? [labelled('Due date', formatDate(invoice.dueOn))] : []),
                    labelled('Period', `${formatDate(invoice.periodFrom)} – ${formatDate(invoice.periodTo)}`),
                  ],
                },
                layout: 'facts',
              },
            ],
          },
        ],
      },
      { text: 'Bill to', style: 'label', margin: [0, 24, 0, 2] },
      { text: invoice.clientName, bold: true },
      ...(billToAddress ? [{ text: billToAddress }] : []),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [62, 48, '*', 34, 58, 62],
          body: [
            ['Date', 'Case', 'Description', 'Hours', 'Rate', 'Amount'].map((text, index) => ({
              text,
              style: 'tableHeader',
              alignment: index >= 3 ? 'right' : 'left',
            })),
            ...lines.map((line) => [
              formatDate(line.workedOn),
              line.caseNumber,
              line.description,
              { text: formatHours(line.billedMinutes), alignment: 'right' },
              { text: `${formatMoney(line.rateCents)}/h`, alignment: 'right' },
              { text: formatMoney(line.amountCents), alignment: 'right' },
            ]),
          ],
        },
        layout: 'ruled',
        margin: [0, 20, 0, 8],
      },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            table: {
              body: [
                labelled('Subtotal', formatMoney(invoice.totalCents)),
                [
                  { text: 'Total due', bold: true, alignment: 'right' },
                  { text: formatMoney(invoice.totalCents), bold: true, alignment: 'right' },
                ],
              ],
            },
            layout: 'facts',
          },
        ],
      },
      { text: 'Payment terms', style: 'label', margin: [0, 20, 0, 2] },
      { text: invoice.paymentTerms },
      { text: describeRounding(invoice.incrementMinutes), style: 'note', margin: [0, 16, 0, 0] },
    ],
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pageCount };
}
