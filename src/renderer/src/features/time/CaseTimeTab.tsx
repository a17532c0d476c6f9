import { useMutation, useQuery } from '@tanstack/react-query';
import { FileText, Pencil, Plus, Settings2, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { formatDuration, formatHours } from '@shared/domain/billing';
import type { CaseDetail } from '@shared/schemas/cases';
import type { TimeEntry } from '@shared/schemas/time';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formatCents } from '../../lib/money';
import { BillingSettingsDialog } from './BillingSettingsDialog';
import { ClientInvoices } from './ClientInvoices';
import { useCanEditRecords } from '../team/use-team-connection';
import { InvoiceDialog } from './InvoiceDialog';
import { TimeEntryDialog } from './TimeEntryDialog';
import { refreshTime } from './time-queries';
import styles from './Time.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly detail: CaseDetail;
  readonly onAnnounce: (message: string) => void;
};

const rateSourceLabels = {
  client: 'this client’s rate',
  default: 'your default rate',
  none: '',
} as const;

function entryStatus(entry: TimeEntry): { label: string; className: string | undefined } {
  if (entry.minutes === null) return { label: 'Running', className: styles.statusRunning };
  if (entry.invoiceNumber) return { label: `Invoiced ${entry.invoiceNumber}`, className: styles.statusPaid };
  if (!entry.isBillable) return { label: 'Not billable', className: styles.statusVoid };
  return { label: 'Not invoiced', className: styles.statusIssued };
}

/** The case's time: entries with totals as they will be billed, rates, and the client's invoices. */
export function CaseTimeTab({ detail, onAnnounce }: Props) {
  const time = useQuery({
    queryKey: queryKeys.time.ofCase(detail.id),
    queryFn: () => callApi('time.listForCase', { caseId: detail.id }),
  });
  const [editing, setEditing] = useState<TimeEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const [isInvoicing, setIsInvoicing] = useState(false);
  const [isEditingRates, setIsEditingRates] = useState(false);
  const canEdit = useCanEditRecords();
  const remove = useMutation({
    mutationFn: (entry: TimeEntry) => callApi('time.delete', { entryId: entry.id }),
    onSuccess: async ({ message }) => {
      await refreshTime();
      setDeleting(null);
      onAnnounce(message);
    },
  });
  const client = { id: detail.clientId, name: detail.clientName };

  if (time.isPending) return <p className={styles.muted}>Loading time…</p>;
  if (time.isError) return <FormError message={time.error.message} />;
  const { entries, totals, rateCents, rateSource, roundingNote } = time.data;

  return (
    <div className={styles.tab}>
      <div className={styles.toolbar}>
        <dl className={styles.totals}>
          <div>
            <dt>Time worked</dt>
            <dd>{formatDuration(totals.minutes)}</dd>
          </div>
          <div>
            <dt>Billable hours</dt>
            <dd>{formatHours(totals.billableMinutes)} h</dd>
          </div>
          <div>
            <dt>Amount</dt>
            <dd>{formatCents(totals.amountCents)}</dd>
          </div>
          <div>
            <dt>Not yet invoiced</dt>
            <dd>{formatCents(totals.uninvoicedAmountCents)}</dd>
          </div>
        </dl>
        {canEdit && (
          <div className={styles.toolbarActions}>
            <Button onClick={() => setEditing('new')}>
              <Plus aria-hidden size={16} /> Add time
            </Button>
            <Button onClick={() => setIsInvoicing(true)}>
              <FileText aria-hidden size={16} /> Invoice client…
            </Button>
          </div>
        )}
      </div>
      <p className={styles.rateLine}>
        {rateCents === null ? (
          <span className={styles.warningText}>No hourly rate set: set one before you invoice.</span>
        ) : (
          <>
            New time is billed at <strong>{formatCents(rateCents)}/h</strong> ({rateSourceLabels[rateSource]}
            ).
          </>
        )}
        {canEdit && (
          <>
            {' '}
            <button type="button" className={styles.linkButton} onClick={() => setIsEditingRates(true)}>
              <Settings2 aria-hidden size={12} /> Rates and rounding
            </button>
          </>
        )}
        <span className={styles.assumption}> {roundingNote}</span>
      </p>
      {entries.length === 0 ? (
        <div className={styles.empty}>
          <p>No time recorded on this case yet.</p>
          {canEdit && (
            <p className={styles.muted}>
              Press <kbd>T</kbd> or <strong>Start timer</strong> to time your work, or{' '}
              <strong>Add time</strong> to type it in.
            </p>
          )}
        </div>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What you did</th>
              <th scope="col" className={styles.number}>
                Worked
              </th>
              <th scope="col" className={styles.number}>
                Billed
              </th>
              <th scope="col" className={styles.number}>
                Rate
              </th>
              <th scope="col" className={styles.number}>
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className={hiddenStyles.visuallyHidden}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const status = entryStatus(entry);
              const isLocked = entry.invoiceNumber !== null || entry.minutes === null;
              return (
                <tr key={entry.id}>
                  <td>{formatCalendarDate(entry.workedOn)}</td>
                  <td>{entry.description || <span className={styles.muted}>(timer running)</span>}</td>
                  <td className={styles.number}>
                    {entry.minutes === null ? '—' : formatDuration(entry.minutes)}
                  </td>
                  <td className={styles.number}>
                    {entry.billedMinutes === null || !entry.isBillable
                      ? '—'
                      : `${formatHours(entry.billedMinutes)} h`}
                  </td>
                  <td className={styles.number}>
                    {entry.rateCents === null ? '—' : `${formatCents(entry.rateCents)}/h`}
                  </td>
                  <td className={styles.number}>{formatCents(entry.amountCents)}</td>
                  <td>
                    <span className={`${styles.status} ${status.className ?? ''}`}>{status.label}</span>
                  </td>
                  <td className={styles.rowActions}>
                    {canEdit && !isLocked && (
                      <>
                        <Button
                          variant="quiet"
                          onClick={() => setEditing(entry)}
                          aria-label={`Change the time entry of ${formatCalendarDate(entry.workedOn)}`}
                        >
                          <Pencil aria-hidden size={14} />
                        </Button>
                        <Button
                          variant="quiet"
                          onClick={() => setDeleting(entry)}
                          aria-label={`Delete the time entry of ${formatCalendarDate(entry.workedOn)}`}
                        >
                          <Trash2 aria-hidden size={14} />
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ClientInvoices clientId={detail.clientId} onAnnounce={onAnnounce} />
      <TimeEntryDialog
        caseId={detail.id}
        entry={editing === 'new' ? null : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={onAnnounce}
      />
      <InvoiceDialog client={client} open={isInvoicing} onOpenChange={setIsInvoicing} onIssued={onAnnounce} />
      <BillingSettingsDialog
        client={client}
        open={isEditingRates}
        onOpenChange={setIsEditingRates}
        onSaved={onAnnounce}
      />
      <Dialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this time entry?"
        description={
          deleting
            ? `${formatCalendarDate(deleting.workedOn)}: ${deleting.description} (${formatDuration(deleting.minutes ?? 0)}). Undo brings it back.`
            : undefined
        }
      >
        <FormError message={remove.error?.message} />
        <div className={formStyles.actions}>
          <Button onClick={() => setDeleting(null)}>Keep it</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => deleting && remove.mutate(deleting)}
          >
            Delete
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
