import { useMutation, useQuery } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { networkStatusLabels } from '@shared/domain/coverage';
import { costScenarioLabels } from '@shared/schemas/cost-estimates';
import {
  maximumCandidatePlans,
  plannedCourseSchema,
  type CandidatePlan,
  type PlanComparison,
} from '@shared/schemas/plan-comparison';
import { queryClient } from '../../app/query-client';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { formatCents } from '../../lib/money';
import clientStyles from '../clients/ClientPage.module.css';
import { CostFieldset } from './CostFieldset';
import { courseFields, formStateFrom, priceFields, writeFormState } from './cost-form-state';
import { formErrorsAt, shownFormErrors } from './form-errors-at';
import { PlanFormDialog } from './PlanFormDialog';
import { WorkingDisclosure } from './WorkingDisclosure';
import styles from './Costs.module.css';
import { useCanEditRecords } from '../team/use-team-connection';
import { queryKeys } from '../../lib/query-keys';

const plannedCourseFields = [...courseFields, ...priceFields];

type Props = { readonly clientId: number; readonly onAnnounce: (message: string) => void };

export function PlanComparisonPage({ clientId, onAnnounce }: Props) {
  const comparison = useQuery({
    queryKey: queryKeys.plans.comparison(clientId),
    queryFn: () => callApi('plans.compare', { clientId }),
  });
  if (comparison.isPending) return <p className={styles.muted}>Opening the comparison…</p>;
  if (comparison.isError) {
    return (
      <div role="alert">
        <p>{comparison.error.message}</p>
        <a href={hrefFor({ name: 'caseload' })}>Back to the caseload</a>
      </div>
    );
  }
  const data = comparison.data;
  const show = (updated: PlanComparison, message: string) => {
    queryClient.setQueryData(queryKeys.plans.comparison(clientId), updated);
    onAnnounce(message);
  };
  return (
    <article className={clientStyles.page} aria-labelledby="plans-title">
      <nav aria-label="Breadcrumb" className={clientStyles.breadcrumb}>
        <a href={hrefFor({ name: 'caseload' })}>Caseload</a> /{' '}
        <a href={hrefFor({ name: 'client', clientId })}>{data.clientName}</a> / <span>Compare plans</span>
      </nav>
      <header>
        <h1 id="plans-title" className={clientStyles.title}>
          Compare plans for {data.clientName}
        </h1>
        <p className={styles.caveat} role="note">
          Estimate, not a quote: the prices are the ones you entered, and each plan&apos;s amounts come from
          its summary of benefits. The yearly cost is 12 months of premium plus the client&apos;s share of the
          planned course, starting the plan year with nothing met.
        </p>
      </header>
      <div className={styles.stack}>
        <PlansTable comparison={data} onChanged={show} />
        <PlannedCourseForm
          key={data.isCourseSaved ? JSON.stringify(data.plannedCourse) : 'prefilled'}
          comparison={data}
          onSaved={show}
        />
      </div>
    </article>
  );
}

function PlannedCourseForm({
  comparison,
  onSaved,
}: {
  readonly comparison: PlanComparison;
  readonly onSaved: (comparison: PlanComparison, message: string) => void;
}) {
  const [state, setState] = useState(() => formStateFrom(plannedCourseFields, comparison.plannedCourse));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  // A team's viewer sees the course the plans were compared on, without changing or saving it.
  const canEdit = useCanEditRecords();
  const save = useMutation({
    mutationFn: (plannedCourse: unknown) =>
      callApi('plans.saveCourse', { clientId: comparison.clientId, plannedCourse: plannedCourse as never }),
    onSuccess: (updated) => onSaved(updated, 'Planned course saved; the yearly costs are updated.'),
    onError: (error) => setErrors(formErrorsAt('plannedCourse', error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const plannedCourse = writeFormState({}, plannedCourseFields, state);
    const parsed = plannedCourseSchema.safeParse(plannedCourse);
    if (!parsed.success) {
      return setErrors(
        shownFormErrors(
          formErrorsFromZod(parsed.error),
          plannedCourseFields.map((field) => field.path),
        ),
      );
    }
    setErrors(noErrors);
    save.mutate(plannedCourse);
  }
  const fieldsetProps = {
    state,
    errors: errors.fields,
    onChange: (path: string, text: string) => setState((current) => ({ ...current, [path]: text })),
  };
  return (
    <form
      className={`${styles.card} ${formStyles.form}`}
      onSubmit={submit}
      noValidate
      aria-labelledby="course-title"
    >
      <h2 id="course-title" className={styles.cardTitle}>
        Planned course of treatment
      </h2>
      {!comparison.isCourseSaved && (
        <p className={styles.muted}>
          Prefilled from the client&apos;s latest case estimate, if there is one. The same prices are used for
          every plan.
        </p>
      )}
      <fieldset disabled={!canEdit} className={styles.fieldsetGrid}>
        <CostFieldset legend="Course of treatment" fields={courseFields} {...fieldsetProps} />
        <CostFieldset legend="Price per session" fields={priceFields} {...fieldsetProps} />
      </fieldset>
      <FormError message={errors.form} />
      {canEdit && (
        <div className={formStyles.actions}>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            Save course
          </Button>
        </div>
      )}
    </form>
  );
}

function amountOrBlank(cents: number | null): string {
  return cents === null ? 'Not entered' : formatCents(cents);
}

function percentOrBlank(percent: number | null): string {
  return percent === null ? 'Not entered' : `${percent}%`;
}

function PlansTable({
  comparison,
  onChanged,
}: {
  readonly comparison: PlanComparison;
  readonly onChanged: (comparison: PlanComparison, message: string) => void;
}) {
  const [editing, setEditing] = useState<CandidatePlan | 'new' | null>(null);
  const [removing, setRemoving] = useState<CandidatePlan | null>(null);
  const canEdit = useCanEditRecords();
  const remove = useMutation({
    mutationFn: (plan: CandidatePlan) => callApi('plans.remove', { planId: plan.id }),
    onSuccess: (updated, plan) => {
      setRemoving(null);
      onChanged(updated, `Plan ${plan.name} removed from the comparison.`);
    },
  });
  const { plans, treatingProviders } = comparison;
  const isFull = plans.length >= maximumCandidatePlans;
  const isCheapest = (plan: CandidatePlan) => comparison.cheapestPlanIds.includes(plan.id);
  const cellClass = (plan: CandidatePlan) => (isCheapest(plan) ? styles.cheapest : undefined);
  const row = (label: string, cell: (entry: PlanComparison['plans'][number]) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {plans.map((entry) => (
        <td key={entry.plan.id} className={cellClass(entry.plan)}>
          {cell(entry)}
        </td>
      ))}
    </tr>
  );

  return (
    <section className={styles.card} aria-labelledby="candidates-title">
      <div className={styles.cardHeader}>
        <h2 id="candidates-title" className={styles.cardTitle}>
          Plans side by side
        </h2>
        {canEdit && (
          <Button
            onClick={() => setEditing('new')}
            disabled={isFull}
            title={isFull ? 'At most 5 plans' : undefined}
          >
            <Plus aria-hidden size={16} /> Add plan
          </Button>
        )}
      </div>
      {plans.length < 2 && (
        <p className={styles.empty}>
          {plans.length === 0 ? 'No plans yet.' : 'One plan so far.'}
          {canEdit &&
            ' Add two to five plans from the client’s open-enrollment or new-job options to compare them.'}
        </p>
      )}
      {plans.length > 0 && (
        <div className={styles.comparison}>
          <table className={styles.table} aria-label="Candidate plans">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                {plans.map(({ plan }) => (
                  <th key={plan.id} scope="col" className={cellClass(plan)}>
                    <div className={styles.planHeader}>
                      <span>{plan.name}</span>
                      {isCheapest(plan) && <span className={styles.cheapestBadge}>Lowest expected cost</span>}
                      {canEdit && (
                        <span className={`${styles.planActions} ${styles.noPrint}`}>
                          <Button
                            variant="quiet"
                            onClick={() => setEditing(plan)}
                            aria-label={`Edit ${plan.name}`}
                          >
                            <Pencil aria-hidden size={14} /> Edit
                          </Button>
                          <Button
                            variant="quiet"
                            onClick={() => setRemoving(plan)}
                            aria-label={`Remove ${plan.name}`}
                          >
                            <Trash2 aria-hidden size={14} /> Remove
                          </Button>
                        </span>
                      )}
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row('Expected yearly cost', ({ expected }) => (
                <strong className={styles.total}>
                  {expected.totalCents === null ? 'Not estimated' : formatCents(expected.totalCents)}
                </strong>
              ))}
              {row('Premiums for the year', ({ expected }) => amountOrBlank(expected.premiumYearCents))}
              {row('Treatment for the year', ({ expected }) => (
                <>
                  {expected.treatmentCents === null ? 'Not estimated' : formatCents(expected.treatmentCents)}
                  <div className={styles.muted}>{costScenarioLabels[expected.scenario]}</div>
                </>
              ))}
              {row('Why', ({ plan, expected }) => (
                <>
                  {expected.reasons.length > 0 && (
                    <ul className={styles.notes}>
                      {expected.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                  <WorkingDisclosure label={`Show the working: ${plan.name}`} lines={expected.working} />
                </>
              ))}
              {row('Monthly premium', ({ plan }) => amountOrBlank(plan.premiumMonthlyCents))}
              {row('Deductible', ({ plan }) => amountOrBlank(plan.deductibleCents))}
              {row('Out-of-pocket maximum', ({ plan }) => amountOrBlank(plan.outOfPocketMaxCents))}
              {row('Coinsurance', ({ plan }) => percentOrBlank(plan.coinsurancePercent))}
              {row('Copay per session', ({ plan }) => amountOrBlank(plan.copayCents))}
              {row('Out-of-network benefit', ({ plan }) =>
                plan.hasOutOfNetworkBenefit
                  ? `Yes: deductible ${amountOrBlank(plan.outOfNetworkDeductibleCents)}, coinsurance ${percentOrBlank(plan.outOfNetworkCoinsurancePercent)}`
                  : 'None',
              )}
              {treatingProviders.map((provider) => (
                <tr key={provider.id}>
                  <th scope="row">{provider.name}</th>
                  {plans.map(({ plan }) => {
                    const status =
                      plan.providerNetworks.find((answer) => answer.providerId === provider.id)?.status ??
                      'unknown';
                    return (
                      <td key={plan.id} className={cellClass(plan)}>
                        <span className={styles.status} data-status={status}>
                          {networkStatusLabels[status]}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
              {row('Treatment excluded', ({ plan }) => (plan.isTreatmentExcluded ? 'Yes' : 'No'))}
              {row('Prior authorization', ({ plan }) => (
                <span className={styles.preWrap}>{plan.priorAuthNotes ?? '—'}</span>
              ))}
              {row('Exclusion notes', ({ plan }) => (
                <span className={styles.preWrap}>{plan.exclusionNotes ?? '—'}</span>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <PlanFormDialog
          clientId={comparison.clientId}
          plan={editing === 'new' ? null : editing}
          treatingProviders={treatingProviders}
          onClose={() => setEditing(null)}
          onSaved={(updated, message) => {
            setEditing(null);
            onChanged(updated, message);
          }}
        />
      )}
      <Dialog
        open={removing !== null}
        onOpenChange={(isOpen) => !isOpen && setRemoving(null)}
        title={`Remove ${removing?.name ?? 'this plan'}?`}
        description="It leaves the comparison; its amounts are not kept."
      >
        <FormError message={remove.error?.message} />
        <div className={formStyles.actions}>
          <Button onClick={() => setRemoving(null)}>Keep it</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => removing && remove.mutate(removing)}
          >
            Remove plan
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
