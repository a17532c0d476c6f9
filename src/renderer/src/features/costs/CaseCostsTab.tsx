import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { costEstimateInputsSchema, type CaseCostEstimate } from '@shared/schemas/cost-estimates';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { formatInstant } from '../../lib/format-date';
import { callApi } from '../../lib/api';
import { formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { CitationLink } from '../deadlines/CitationLink';
import { CostFieldset } from './CostFieldset';
import {
  costSharingFields,
  courseFields,
  formStateFrom,
  priceFields,
  writeFormState,
  type CostField,
} from './cost-form-state';
import { formErrorsAt, shownFormErrors } from './form-errors-at';
import { ScenarioTable } from './ScenarioTable';
import styles from './Costs.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

const estimateFields: readonly CostField[] = [
  ...courseFields,
  ...priceFields,
  ...costSharingFields('inNetwork'),
  ...costSharingFields('outOfNetwork'),
];

type Props = { readonly caseId: number; readonly onAnnounce: (message: string) => void };

export function CaseCostsTab({ caseId, onAnnounce }: Props) {
  const estimate = useQuery({
    queryKey: queryKeys.costs.estimate(caseId),
    queryFn: () => callApi('costs.getEstimate', { caseId }),
  });
  if (estimate.isPending) return <p className={styles.muted}>Working out the estimate…</p>;
  if (estimate.isError) return <FormError message={estimate.error.message} />;
  // A new key after each save starts the form again from what was saved.
  return (
    <CostEstimate
      key={estimate.data.updatedAt ?? 'prefilled'}
      saved={estimate.data}
      onAnnounce={onAnnounce}
    />
  );
}

function CostEstimate({
  saved,
  onAnnounce,
}: {
  readonly saved: CaseCostEstimate;
  readonly onAnnounce: (message: string) => void;
}) {
  const [state, setState] = useState(() => formStateFrom(estimateFields, saved.inputs));
  // A team's viewer sees the figures the estimate was made from, without changing or saving them.
  const canEdit = useCanEditRecords();
  const [hasOutOfNetworkBenefit, setHasOutOfNetworkBenefit] = useState(saved.inputs.hasOutOfNetworkBenefit);
  const [copayCountsTowardDeductible, setCopayCounts] = useState(saved.inputs.copayCountsTowardDeductible);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  // Out-of-network amounts are hidden while the plan pays nothing there; a message for one goes to the form.
  const shownPaths = estimateFields
    .filter((field) => hasOutOfNetworkBenefit || !field.path.startsWith('outOfNetwork.'))
    .map((field) => field.path);
  const save = useMutation({
    mutationFn: (inputs: unknown) =>
      callApi('costs.saveEstimateInputs', { caseId: saved.caseId, inputs: inputs as never }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.costs.estimate(saved.caseId), updated);
      onAnnounce('Cost estimate saved.');
    },
    onError: (error) => setErrors(shownFormErrors(formErrorsAt('inputs', error), shownPaths)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const inputs = writeFormState(
      { hasOutOfNetworkBenefit, copayCountsTowardDeductible },
      estimateFields,
      state,
    );
    const parsed = costEstimateInputsSchema.safeParse(inputs);
    if (!parsed.success) {
      return setErrors(shownFormErrors(formErrorsFromZod(parsed.error), shownPaths));
    }
    setErrors(noErrors);
    save.mutate(inputs);
  }

  const fieldsetProps = {
    state,
    errors: errors.fields,
    onChange: (path: string, text: string) => setState((current) => ({ ...current, [path]: text })),
  };

  return (
    <div className={styles.stack}>
      <section className={styles.card} aria-labelledby="cost-results-title">
        <h2 id="cost-results-title" className={styles.cardTitle}>
          What the client would pay
        </h2>
        <p className={styles.caveat} role="note">
          Estimate, not a quote: the prices are the ones you entered, from the clinic&apos;s fee schedule or
          Good Faith Estimate. Confirm the cost sharing with the plan.
        </p>
        {saved.isSaved ? (
          <>
            <p className={styles.muted}>
              {saved.estimate.totalSessions} sessions · saved {formatInstant(saved.updatedAt)}
            </p>
            <ScenarioTable estimate={saved.estimate} />
            <h3 className={styles.subTitle}>Assumptions</h3>
            <ul className={styles.notes}>
              {saved.estimate.assumptions.map((assumption) => (
                <li key={assumption}>{assumption}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className={styles.empty}>
            Enter the course of treatment and the prices per session below, then save: the estimate for each
            scenario appears here.
            {saved.coverageLabel ? ` The cost sharing is prefilled from ${saved.coverageLabel}.` : ''}
          </p>
        )}
        <p className={styles.sources}>
          Sources:{' '}
          <CitationLink url="https://www.cms.gov/nosurprises/consumers" text="No Surprises Act (CMS)" /> ·{' '}
          <CitationLink
            url="https://www.learnempowerthrive.com/blog/out-of-network"
            text="Out-of-network reimbursement"
          />{' '}
          ·{' '}
          <CitationLink
            url="https://www.thehealinggroup.com/blog/singlecaseagreements"
            text="Single-case agreements"
          />
        </p>
      </section>
      <form
        className={`${styles.card} ${formStyles.form}`}
        onSubmit={submit}
        noValidate
        aria-labelledby="cost-inputs-title"
      >
        <h2 id="cost-inputs-title" className={styles.cardTitle}>
          Course, prices and cost sharing
        </h2>
        <fieldset disabled={!canEdit} className={styles.fieldsetGrid}>
          <CostFieldset legend="Course of treatment" fields={courseFields} {...fieldsetProps} />
          <CostFieldset legend="Price per session" fields={priceFields} {...fieldsetProps} />
          <CostFieldset legend="In network" fields={costSharingFields('inNetwork')} {...fieldsetProps}>
            <label className={formStyles.choice}>
              <input
                type="checkbox"
                checked={copayCountsTowardDeductible}
                onChange={(event) => setCopayCounts(event.target.checked)}
              />
              Copays count toward the deductible (most plans: no)
            </label>
          </CostFieldset>
          <CostFieldset
            legend="Out of network"
            fields={hasOutOfNetworkBenefit ? costSharingFields('outOfNetwork') : []}
            {...fieldsetProps}
          >
            <label className={formStyles.choice}>
              <input
                type="checkbox"
                checked={hasOutOfNetworkBenefit}
                onChange={(event) => setHasOutOfNetworkBenefit(event.target.checked)}
              />
              The plan pays something out of network (HMOs and EPOs often do not)
            </label>
          </CostFieldset>
        </fieldset>
        <FormError message={errors.form} />
        {canEdit && (
          <div className={formStyles.actions}>
            <Button variant="primary" type="submit" disabled={save.isPending}>
              Save and estimate
            </Button>
          </div>
        )}
      </form>
    </div>
  );
}
