import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatHours } from '@shared/domain/billing';
import { isRealCalendarDate, localToday } from '@shared/schemas/fields';
import { createInvoiceInputSchema, type CreateInvoiceInput } from '@shared/schemas/invoices';
import type { BillingSettings } from '@shared/schemas/time';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { DialogForm } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { formatCents } from '../../lib/money';
import { saveFile } from '../../lib/save-file';
import { refreshTime } from './time-queries';
import styles from './Time.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly client: { readonly id: number; readonly name: string };
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onIssued: (message: string) => void;
};

/** Wording the user can change; not a legal term, just a common one. */
const suggestedPaymentTerms = 'Payment due within 30 days of the invoice date.';

const fieldNames = ['from', 'to', 'issuedOn', 'dueOn', 'fromName', 'fromAddress', 'paymentTerms', 'clientId'];

export function InvoiceDialog({ client, open, onOpenChange, onIssued }: Props) {
  const settings = useQuery({
    queryKey: queryKeys.billing.settings,
    queryFn: () => callApi('billing.getSettings', {}),
    enabled: open,
  });
  const candidates = useQuery({
    queryKey: queryKeys.invoices.candidates,
    queryFn: () => callApi('invoices.candidates', {}),
    enabled: open,
  });
  const isReady = settings.data && candidates.data;
  const unbilled = candidates.data?.find((candidate) => candidate.clientId === client.id);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={`Invoice ${client.name}`}
      description="Bills the billable time in the period that is not on an invoice yet, and saves the PDF where you choose. The PDF is not encrypted: keep it somewhere safe."
    >
      {open && isReady && (
        <InvoiceForm
          client={client}
          settings={settings.data}
          period={unbilled ? { from: unbilled.firstWorkedOn, to: unbilled.lastWorkedOn } : null}
          onOpenChange={onOpenChange}
          onIssued={onIssued}
        />
      )}
    </Dialog>
  );
}

function InvoiceForm({
  client,
  settings,
  period,
  onOpenChange,
  onIssued,
}: Omit<Props, 'open'> & {
  readonly settings: BillingSettings;
  readonly period: { readonly from: string; readonly to: string } | null;
}) {
  const today = localToday();
  const [values, setValues] = useState({
    from: period?.from ?? `${today.slice(0, 8)}01`,
    to: period?.to ?? today,
    issuedOn: today,
    dueOn: '',
    fromName: settings.fromName ?? '',
    fromAddress: settings.fromAddress ?? '',
    paymentTerms: settings.paymentTerms ?? suggestedPaymentTerms,
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const set = (key: keyof typeof values, value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  const isPeriodValid =
    isRealCalendarDate(values.from) && isRealCalendarDate(values.to) && values.from <= values.to;
  const preview = useQuery({
    queryKey: queryKeys.invoices.preview(client.id, values.from, values.to),
    queryFn: () => callApi('invoices.preview', { clientId: client.id, from: values.from, to: values.to }),
    enabled: isPeriodValid,
    retry: false,
  });

  const issue = useMutation({
    mutationFn: async (input: CreateInvoiceInput) => {
      const invoice = await callApi('invoices.create', input);
      const file = await saveFile('invoices.pdf', { invoiceId: invoice.id });
      return { invoice, savedAs: file.savedAs };
    },
    onSuccess: async ({ invoice, savedAs }) => {
      await refreshTime();
      onIssued(
        `Invoice ${invoice.number} issued for ${formatCents(invoice.totalCents)}; ` +
          (savedAs
            ? `its PDF was saved as ${savedAs} (not encrypted).`
            : 'its PDF was not saved: save it from the client’s invoices.'),
      );
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, fieldNames)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { clientId: client.id, ...values };
    const parsed = createInvoiceInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    issue.mutate(parsed.data);
  }

  const dateField = (key: 'from' | 'to' | 'issuedOn' | 'dueOn', label: string, optional = false) => (
    <Field label={label} optional={optional} error={errors.fields[key]}>
      {(ids) => (
        <input
          {...ids}
          type="date"
          className={inputClassName}
          value={values[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
      submitLabel="Issue invoice and save PDF"
      submitDisabled={issue.isPending}
      error={errors.form ?? errors.fields.clientId}
    >
      <div className={styles.fourColumns}>
        {dateField('from', 'Period from')}
        {dateField('to', 'Period to')}
        {dateField('issuedOn', 'Invoice date')}
        {dateField('dueOn', 'Due date', true)}
      </div>
      <section aria-label="What the invoice will bill" className={styles.preview}>
        {!isPeriodValid ? (
          <p className={styles.muted}>Choose a period to see what it will bill.</p>
        ) : preview.isError ? (
          <p className={styles.inlineError} role="alert">
            {preview.error.message}
          </p>
        ) : !preview.data ? (
          <p className={styles.muted}>Adding up…</p>
        ) : preview.data.lines.length === 0 ? (
          <p className={styles.muted}>
            No billable time in this period that is not already invoiced. Choose another period, or record the
            time first.
          </p>
        ) : (
          <>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Case</th>
                  <th scope="col">Description</th>
                  <th scope="col" className={styles.number}>
                    Hours
                  </th>
                  <th scope="col" className={styles.number}>
                    Rate
                  </th>
                  <th scope="col" className={styles.number}>
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.data.lines.map((line) => (
                  <tr key={line.entryId}>
                    <td>{formatCalendarDate(line.workedOn)}</td>
                    <td>{line.caseNumber}</td>
                    <td>{line.description}</td>
                    <td className={styles.number}>{formatHours(line.billedMinutes)}</td>
                    <td className={styles.number}>{formatCents(line.rateCents)}/h</td>
                    <td className={styles.number}>{formatCents(line.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5} className={styles.number}>
                    Total
                  </th>
                  <td className={styles.number}>
                    <strong>{formatCents(preview.data.totalCents)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
            <p className={styles.assumption}>{preview.data.roundingNote}</p>
          </>
        )}
      </section>
      <div className={formStyles.row}>
        <Field label="Your name or business name" error={errors.fields.fromName}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={values.fromName}
              onChange={(event) => set('fromName', event.target.value)}
            />
          )}
        </Field>
        <Field label="Payment terms" error={errors.fields.paymentTerms}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={values.paymentTerms}
              onChange={(event) => set('paymentTerms', event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label="Your address"
        error={errors.fields.fromAddress}
        hint="Printed at the top of the invoice; remembered for the next one."
      >
        {(ids) => (
          <textarea
            {...ids}
            className={textareaClassName}
            rows={2}
            value={values.fromAddress}
            onChange={(event) => set('fromAddress', event.target.value)}
          />
        )}
      </Field>
    </DialogForm>
  );
}
