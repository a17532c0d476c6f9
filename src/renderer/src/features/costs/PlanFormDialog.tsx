import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { networkStatusLabels, networkStatuses, type NetworkStatus } from '@shared/domain/coverage';
import {
  candidatePlanFieldsSchema,
  type CandidatePlan,
  type PlanComparison,
  type TreatingProvider,
} from '@shared/schemas/plan-comparison';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { CostFieldset } from './CostFieldset';
import { formStateFrom, writeFormState, type CostField } from './cost-form-state';
import { formErrorsAt, shownFormErrors } from './form-errors-at';
import styles from './Costs.module.css';

const benefitFields: readonly CostField[] = [
  { path: 'premiumMonthlyCents', label: 'Monthly premium', kind: 'money', hint: "The client's share." },
  { path: 'deductibleCents', label: 'Deductible', kind: 'money' },
  { path: 'outOfPocketMaxCents', label: 'Out-of-pocket maximum', kind: 'money' },
  { path: 'coinsurancePercent', label: 'Coinsurance %', kind: 'percent' },
  { path: 'copayCents', label: 'Copay per session', kind: 'money' },
];

const outOfNetworkFields: readonly CostField[] = [
  { path: 'outOfNetworkDeductibleCents', label: 'Out-of-network deductible', kind: 'money' },
  { path: 'outOfNetworkOutOfPocketMaxCents', label: 'Out-of-network out-of-pocket maximum', kind: 'money' },
  { path: 'outOfNetworkCoinsurancePercent', label: 'Out-of-network coinsurance %', kind: 'percent' },
];

const amountFields = [...benefitFields, ...outOfNetworkFields];

type Props = {
  readonly clientId: number;
  /** Null to add a plan. */
  readonly plan: CandidatePlan | null;
  readonly treatingProviders: readonly TreatingProvider[];
  readonly onClose: () => void;
  readonly onSaved: (comparison: PlanComparison, message: string) => void;
};

export function PlanFormDialog({ clientId, plan, treatingProviders, onClose, onSaved }: Props) {
  const [name, setName] = useState(plan?.name ?? '');
  const [amounts, setAmounts] = useState(() => formStateFrom(amountFields, plan));
  const [hasOutOfNetworkBenefit, setHasOutOfNetworkBenefit] = useState(plan?.hasOutOfNetworkBenefit ?? false);
  const [isTreatmentExcluded, setIsTreatmentExcluded] = useState(plan?.isTreatmentExcluded ?? false);
  const [priorAuthNotes, setPriorAuthNotes] = useState(plan?.priorAuthNotes ?? '');
  const [exclusionNotes, setExclusionNotes] = useState(plan?.exclusionNotes ?? '');
  const [networks, setNetworks] = useState<Record<number, NetworkStatus>>(() =>
    Object.fromEntries(
      treatingProviders.map((provider) => [
        provider.id,
        plan?.providerNetworks.find((answer) => answer.providerId === provider.id)?.status ?? 'unknown',
      ]),
    ),
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const shownPaths = [
    'name',
    'priorAuthNotes',
    'exclusionNotes',
    ...(hasOutOfNetworkBenefit ? amountFields : benefitFields).map((field) => field.path),
  ];
  const save = useMutation({
    mutationFn: (fields: Record<string, unknown>) =>
      plan
        ? callApi('plans.update', { planId: plan.id, changes: fields })
        : callApi('plans.add', { ...fields, clientId } as never),
    onSuccess: (comparison, fields) => onSaved(comparison, `Plan ${String(fields.name)} saved.`),
    onError: (error) => setErrors(shownFormErrors(formErrorsAt(plan ? 'changes' : '', error), shownPaths)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = writeFormState(
      {
        name,
        hasOutOfNetworkBenefit,
        isTreatmentExcluded,
        priorAuthNotes,
        exclusionNotes,
        providerNetworks: Object.entries(networks).map(([providerId, status]) => ({
          providerId: Number(providerId),
          status,
        })),
      },
      amountFields,
      amounts,
    );
    const parsed = candidatePlanFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      return setErrors(shownFormErrors(formErrorsFromZod(parsed.error), shownPaths));
    }
    setErrors(noErrors);
    save.mutate(fields);
  }

  const fieldsetProps = {
    state: amounts,
    errors: errors.fields,
    onChange: (path: string, text: string) => setAmounts((current) => ({ ...current, [path]: text })),
  };

  return (
    <FormDialog
      open
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={plan ? `Edit ${plan.name}` : 'Add a plan to compare'}
      description="Amounts from the plan's summary of benefits and coverage."
      size="wide"
      onSubmit={submit}
      submitLabel="Save plan"
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <Field label="Plan name" error={errors.fields.name}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <CostFieldset legend="Premium and cost sharing" fields={benefitFields} {...fieldsetProps} />
      <CostFieldset
        legend="Out of network"
        fields={hasOutOfNetworkBenefit ? outOfNetworkFields : []}
        {...fieldsetProps}
      >
        <label className={formStyles.choice}>
          <input
            type="checkbox"
            checked={hasOutOfNetworkBenefit}
            onChange={(event) => setHasOutOfNetworkBenefit(event.target.checked)}
          />
          The plan pays something out of network
        </label>
      </CostFieldset>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>The treatment under this plan</legend>
        {treatingProviders.length === 0 && (
          <p className={styles.muted}>
            No treating provider on the client&apos;s cases yet: add one on a case.
          </p>
        )}
        {treatingProviders.map((provider) => (
          <Field key={provider.id} label={`${provider.name}: network`}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={networks[provider.id] ?? 'unknown'}
                onChange={(event) =>
                  setNetworks((current) => ({
                    ...current,
                    [provider.id]: event.target.value as NetworkStatus,
                  }))
                }
              >
                {networkStatuses.map((status) => (
                  <option key={status} value={status}>
                    {networkStatusLabels[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <label className={formStyles.choice}>
          <input
            type="checkbox"
            checked={isTreatmentExcluded}
            onChange={(event) => setIsTreatmentExcluded(event.target.checked)}
          />
          The plan excludes this treatment
        </label>
        <Field label="Prior-authorization notes" optional error={errors.fields.priorAuthNotes}>
          {(ids) => (
            <textarea
              {...ids}
              rows={2}
              className={textareaClassName}
              value={priorAuthNotes}
              onChange={(event) => setPriorAuthNotes(event.target.value)}
            />
          )}
        </Field>
        <Field label="Exclusion notes" optional error={errors.fields.exclusionNotes}>
          {(ids) => (
            <textarea
              {...ids}
              rows={2}
              className={textareaClassName}
              value={exclusionNotes}
              onChange={(event) => setExclusionNotes(event.target.value)}
            />
          )}
        </Field>
      </fieldset>
    </FormDialog>
  );
}
