import { useMutation, useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { invoiceStatusLabels, type InvoiceStatus } from '@shared/domain/billing';
import type { Invoice } from '@shared/schemas/invoices';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formatCents } from '../../lib/money';
import { saveFile } from '../../lib/save-file';
import { refreshTime } from './time-queries';
import styles from './Time.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = {
  readonly clientId: number;
  readonly onAnnounce: (message: string) => void;
};

const statusClass: Readonly<Record<InvoiceStatus, string | undefined>> = {
  issued: styles.statusIssued,
  paid: styles.statusPaid,
  void: styles.statusVoid,
};

/** The client's invoices: download again, mark paid, or void (which frees the time to bill again). */
export function ClientInvoices({ clientId, onAnnounce }: Props) {
  const invoices = useQuery({
    queryKey: queryKeys.invoices.ofClient(clientId),
    queryFn: () => callApi('invoices.list', { clientId }),
  });
  const [voiding, setVoiding] = useState<Invoice | null>(null);
  const canEdit = useCanEditRecords();
  const setStatus = useMutation({
    mutationFn: ({ invoice, status }: { invoice: Invoice; status: InvoiceStatus }) =>
      callApi('invoices.setStatus', { invoiceId: invoice.id, status }),
    onSuccess: async (invoice) => {
      await refreshTime();
      setVoiding(null);
      onAnnounce(
        invoice.status === 'void'
          ? `Invoice ${invoice.number} is void; its time can be invoiced again.`
          : `Invoice ${invoice.number} marked ${invoiceStatusLabels[invoice.status].toLowerCase()}.`,
      );
    },
  });
  const download = useMutation({
    mutationFn: async (invoice: Invoice) => {
      const file = await saveFile('invoices.pdf', { invoiceId: invoice.id });
      if (file.savedAs) onAnnounce(`Invoice ${invoice.number} saved as ${file.savedAs} (not encrypted).`);
    },
  });

  if (!invoices.data || invoices.data.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="client-invoices">
      <h3 id="client-invoices" className={styles.sectionTitle}>
        Invoices to this client
      </h3>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Issued</th>
            <th scope="col">Period</th>
            <th scope="col" className={styles.number}>
              Total
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className={hiddenStyles.visuallyHidden}>Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.data.map((invoice) => (
            <tr key={invoice.id}>
              <td>{invoice.number}</td>
              <td>{formatCalendarDate(invoice.issuedOn)}</td>
              <td>
                {formatCalendarDate(invoice.periodFrom)} – {formatCalendarDate(invoice.periodTo)}
              </td>
              <td className={styles.number}>{formatCents(invoice.totalCents)}</td>
              <td>
                <span className={`${styles.status} ${statusClass[invoice.status] ?? ''}`}>
                  {invoiceStatusLabels[invoice.status]}
                </span>
              </td>
              <td className={styles.rowActions}>
                <Button
                  variant="quiet"
                  onClick={() => download.mutate(invoice)}
                  aria-label={`Download ${invoice.number} as PDF`}
                >
                  <Download aria-hidden size={14} /> PDF
                </Button>
                {canEdit && invoice.status === 'issued' && (
                  <>
                    <Button variant="quiet" onClick={() => setStatus.mutate({ invoice, status: 'paid' })}>
                      Mark paid
                    </Button>
                    <Button variant="quiet" onClick={() => setVoiding(invoice)}>
                      Void…
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={download.error?.message} />
      <Dialog
        open={voiding !== null}
        onOpenChange={(open) => !open && setVoiding(null)}
        title={`Void invoice ${voiding?.number ?? ''}?`}
        description="The invoice stays on record, marked void, with its number. Its time becomes billable again, so you can correct it and issue a new invoice."
      >
        <FormError message={setStatus.error?.message} />
        <div className={formStyles.actions}>
          <Button onClick={() => setVoiding(null)}>Keep it</Button>
          <Button
            variant="danger"
            disabled={setStatus.isPending}
            onClick={() => voiding && setStatus.mutate({ invoice: voiding, status: 'void' })}
          >
            Void invoice
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
