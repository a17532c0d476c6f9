import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { billingIncrements, describeRounding } from '@shared/domain/billing';
import {
  setClientRateInputSchema,
  updateBillingSettingsInputSchema,
  type BillingSettings,
} from '@shared/schemas/time';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import { MoneyField } from '../../components/MoneyField';
import { DialogForm } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import { refreshTime } from './time-queries';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly client: { readonly id: number; readonly name: string };
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (message: string) => void;
};

function centsOrText(text: string): number | string | null {
  const cents = parseDollarsToCents(text);
  return cents === undefined ? text : cents;
}

/** Rates and rounding: this client's own rate, the default rate, and the billing increment. */
export function BillingSettingsDialog({ client, open, onOpenChange, onSaved }: Props) {
  const settings = useQuery({
    queryKey: queryKeys.billing.settings,
    queryFn: () => callApi('billing.getSettings', {}),
    enabled: open,
  });
  const clientRate = useQuery({
    queryKey: queryKeys.billing.ofClient(client.id),
    queryFn: () => callApi('billing.getClientRate', { clientId: client.id }),
    enabled: open,
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Rates and rounding">
      {open && settings.data && clientRate.data && (
        <BillingSettingsForm
          client={client}
          settings={settings.data}
          clientRateCents={clientRate.data.rateCents}
          onOpenChange={onOpenChange}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function BillingSettingsForm({
  client,
  settings,
  clientRateCents,
  onOpenChange,
  onSaved,
}: Omit<Props, 'open'> & { readonly settings: BillingSettings; readonly clientRateCents: number | null }) {
  const [clientRate, setClientRate] = useState(centsToDollarsInput(clientRateCents));
  const [defaultRate, setDefaultRate] = useState(centsToDollarsInput(settings.defaultRateCents));
  const [increment, setIncrement] = useState(settings.incrementMinutes);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: async (input: { clientRateCents: number | null; defaultRateCents: number | null }) => {
      await callApi('billing.setClientRate', { clientId: client.id, rateCents: input.clientRateCents });
      await callApi('billing.updateSettings', {
        defaultRateCents: input.defaultRateCents,
        incrementMinutes: increment,
      });
    },
    onSuccess: async () => {
      await refreshTime();
      onSaved('Rates saved. New time uses them; time already recorded keeps its rate.');
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['rateCents', 'defaultRateCents'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const clientInput = { clientId: client.id, rateCents: centsOrText(clientRate) };
    const defaultInput = { defaultRateCents: centsOrText(defaultRate), incrementMinutes: increment };
    const parsedClient = setClientRateInputSchema.safeParse(clientInput);
    const parsedDefault = updateBillingSettingsInputSchema.safeParse(defaultInput);
    const fields = {
      ...(parsedClient.success ? {} : formErrorsFromZod(parsedClient.error).fields),
      ...(parsedDefault.success ? {} : formErrorsFromZod(parsedDefault.error).fields),
    };
    if (!parsedClient.success || !parsedDefault.success) return setErrors({ fields });
    setErrors(noErrors);
    save.mutate({
      clientRateCents: parsedClient.data.rateCents,
      defaultRateCents: parsedDefault.data.defaultRateCents ?? null,
    });
  }

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
      submitLabel="Save rates"
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <MoneyField
        label={`Hourly rate for ${client.name}`}
        optional
        error={errors.fields.rateCents}
        hint="Empty: your default rate applies."
        value={clientRate}
        onChange={setClientRate}
      />
      <MoneyField
        label="Default hourly rate"
        optional
        error={errors.fields.defaultRateCents}
        hint="For clients without their own rate."
        value={defaultRate}
        onChange={setDefaultRate}
      />
      <Field label="Billing increment" hint={describeRounding(increment)}>
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={increment}
            onChange={(event) => setIncrement(Number(event.target.value))}
          >
            {billingIncrements.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes === 1 ? 'No rounding (bill each minute)' : `${minutes} minutes`}
              </option>
            ))}
          </select>
        )}
      </Field>
    </DialogForm>
  );
}
