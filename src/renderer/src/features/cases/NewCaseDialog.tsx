import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatCaseNumber } from '@shared/domain/case-number';
import { casePriorities, casePriorityLabels, type CasePriority } from '@shared/domain/case-stages';
import { treatmentKinds, treatmentLabels, type TreatmentKind } from '@shared/domain/treatments';
import { usStateCodes } from '@shared/domain/us-states';
import { clientsWithSameName } from '@shared/domain/same-client';
import type { ParsedInput } from '@shared/contract';
import { caseDetailsSchema, type CaseDetails } from '@shared/schemas/cases';
import { createClientInputSchema } from '@shared/schemas/clients';
import { queryClient } from '../../app/query-client';
import { navigate } from '../../app/routes';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { FormDialog } from '../../components/FormDialog';
import { Button } from '../../components/Button';
import { queryKeys } from '../../lib/query-keys';
import { formatCalendarDate } from '../../lib/format-date';
import styles from './NewCaseDialog.module.css';

type NewCaseForm = {
  clientMode: 'new' | 'existing';
  existingClientId: string;
  fullName: string;
  dateOfBirth: string;
  state: string;
  treatment: TreatmentKind;
  treatmentDetail: string;
  payer: string;
  priority: CasePriority;
};

const emptyForm: NewCaseForm = {
  clientMode: 'new',
  existingClientId: '',
  fullName: '',
  dateOfBirth: '',
  state: '',
  treatment: 'esketamine',
  treatmentDetail: '',
  payer: '',
  priority: 'normal',
};

const fieldNames = [
  'clientId',
  'fullName',
  'dateOfBirth',
  'state',
  'treatment',
  'treatmentDetail',
  'payer',
  'priority',
];

/** "Rosa Delgado (born Feb 11, 1984)": enough to tell two clients of the same name apart. */
function describeClient(client: { readonly fullName: string; readonly dateOfBirth: string | null }) {
  return `${client.fullName}${client.dateOfBirth ? ` (born ${formatCalendarDate(client.dateOfBirth)})` : ''}`;
}

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onCreated: (announcement: string) => void;
};

export function NewCaseDialog({ open, onOpenChange, onCreated }: Props) {
  const [form, setForm] = useState<NewCaseForm>(emptyForm);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const clients = useQuery({
    queryKey: queryKeys.clients.list,
    queryFn: () => callApi('clients.list', {}),
    enabled: open,
  });
  const update = <K extends keyof NewCaseForm>(key: K, value: NewCaseForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const save = useMutation({
    mutationFn: async (input: { client: ParsedInput<'clients.create'> | number; details: CaseDetails }) => {
      let clientId: number;
      if (typeof input.client === 'number') {
        clientId = input.client;
      } else {
        const client = await callApi('clients.create', input.client);
        clientId = client.id;
        // Should the case fail next, the client is already saved: switch the form to it so nothing is typed twice.
        setForm((current) => ({ ...current, clientMode: 'existing', existingClientId: String(client.id) }));
        await queryClient.invalidateQueries({ queryKey: queryKeys.clients.list });
      }
      return callApi('cases.create', { clientId, ...input.details });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      onCreated(`Case ${formatCaseNumber(created.id)} opened for ${created.clientName}.`);
      setForm(emptyForm);
      onOpenChange(false);
      // "Open case" opens it: the next thing to do (coverage, the first call) is on its page.
      navigate({ name: 'case', caseId: created.id, tab: 'timeline' });
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, fieldNames)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const details = caseDetailsSchema.safeParse({
      treatment: form.treatment,
      treatmentDetail: form.treatmentDetail,
      payer: form.payer,
      priority: form.priority,
    });
    let client: number | ParsedInput<'clients.create'>;
    if (form.clientMode === 'existing') {
      if (!form.existingClientId)
        return setErrors({ fields: { clientId: 'Choose the client this case is for.' } });
      client = Number(form.existingClientId);
    } else {
      const parsedClient = createClientInputSchema.safeParse({
        fullName: form.fullName,
        dateOfBirth: form.dateOfBirth,
        state: form.state,
      });
      if (!parsedClient.success) return setErrors(formErrorsFromZod(parsedClient.error));
      client = parsedClient.data;
    }
    if (!details.success) return setErrors(formErrorsFromZod(details.error));
    setErrors(noErrors);
    save.mutate({ client, details: details.data });
  }

  const hasClients = (clients.data?.length ?? 0) > 0;
  const sameNameClients =
    form.clientMode === 'new'
      ? clientsWithSameName(clients.data ?? [], form.fullName, form.dateOfBirth || null)
      : [];
  const chooseExistingClient = (clientId: number) =>
    setForm((current) => ({ ...current, clientMode: 'existing', existingClientId: String(clientId) }));

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setErrors(noErrors);
        onOpenChange(next);
      }}
      title="New case"
      description="One case is one treatment fought for with one payer."
      onSubmit={submit}
      submitLabel={save.isPending ? 'Saving…' : 'Open case'}
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Client</legend>
        {hasClients && (
          <div className={formStyles.choices} role="radiogroup" aria-label="Client">
            <label className={formStyles.choice}>
              <input
                type="radio"
                name="clientMode"
                checked={form.clientMode === 'new'}
                onChange={() => update('clientMode', 'new')}
              />
              New client
            </label>
            <label className={formStyles.choice}>
              <input
                type="radio"
                name="clientMode"
                checked={form.clientMode === 'existing'}
                onChange={() => update('clientMode', 'existing')}
              />
              Existing client
            </label>
          </div>
        )}
        {form.clientMode === 'existing' ? (
          <Field label="Client" error={errors.fields.clientId}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={form.existingClientId}
                onChange={(event) => update('existingClientId', event.target.value)}
              >
                <option value="">Choose a client…</option>
                {clients.data?.map((client) => (
                  <option key={client.id} value={client.id}>
                    {describeClient(client)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <>
            <Field label="Full name" error={errors.fields.fullName}>
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  autoComplete="off"
                  value={form.fullName}
                  onChange={(event) => update('fullName', event.target.value)}
                />
              )}
            </Field>
            {sameNameClients.length > 0 && (
              <div className={styles.sameName} role="note" aria-label="Clients with this name">
                <p>
                  {sameNameClients.length === 1
                    ? 'A client with this name is already here. Is this case for them?'
                    : `${sameNameClients.length} clients with this name are already here. Is this case for one of them?`}
                </p>
                <ul>
                  {sameNameClients.map((client) => (
                    <li key={client.id}>
                      <Button variant="quiet" onClick={() => chooseExistingClient(client.id)}>
                        Use {describeClient(client)}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className={formStyles.row}>
              <Field label="Date of birth" optional error={errors.fields.dateOfBirth}>
                {(ids) => (
                  <input
                    {...ids}
                    className={inputClassName}
                    type="date"
                    max="9999-12-31"
                    value={form.dateOfBirth}
                    onChange={(event) => update('dateOfBirth', event.target.value)}
                  />
                )}
              </Field>
              <Field
                label="State"
                optional
                error={errors.fields.state}
                hint="Decides which state rules apply."
              >
                {(ids) => (
                  <select
                    {...ids}
                    className={inputClassName}
                    value={form.state}
                    onChange={(event) => update('state', event.target.value)}
                  >
                    <option value="">Not known</option>
                    {usStateCodes.map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </>
        )}
      </fieldset>
      <div className={formStyles.row}>
        <Field label="Treatment" error={errors.fields.treatment}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={form.treatment}
              onChange={(event) => update('treatment', event.target.value as TreatmentKind)}
            >
              {treatmentKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {treatmentLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Priority" error={errors.fields.priority}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={form.priority}
              onChange={(event) => update('priority', event.target.value as CasePriority)}
            >
              {casePriorities.map((priority) => (
                <option key={priority} value={priority}>
                  {casePriorityLabels[priority]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {form.treatment === 'other' && (
        <Field label="Which treatment?" error={errors.fields.treatmentDetail}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={form.treatmentDetail}
              onChange={(event) => update('treatmentDetail', event.target.value)}
            />
          )}
        </Field>
      )}
      <Field
        label="Payer"
        optional
        error={errors.fields.payer}
        hint="The insurer or plan, as on the member's card."
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={form.payer}
            onChange={(event) => update('payer', event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
