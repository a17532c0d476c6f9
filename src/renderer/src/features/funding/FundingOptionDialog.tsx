import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  fundingOptionTypeLabels,
  fundingOptionTypes,
  fundingStatusLabels,
  fundingStatuses,
  type FundingOptionType,
} from '@shared/domain/funding-options';
import {
  addFundingOptionInputSchema,
  type AddFundingOptionInput,
  type FundingOption,
} from '@shared/schemas/funding';
import { Field, inputClassName } from '../../components/Field';
import { MoneyField } from '../../components/MoneyField';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import styles from './Funding.module.css';
import { queryKeys } from '../../lib/query-keys';

const dateFields = [
  ['applyBy', 'Apply by', 'Joins the agenda until you record the application.'],
  ['appliedOn', 'Applied on', null],
  ['responseExpectedOn', 'Answer expected by', 'Joins the agenda until the decision is recorded.'],
  ['decidedOn', 'Decided on', null],
  ['renewalOn', 'Renewal date', 'For a grant: joins the agenda and the caseload\u2019s next deadline.'],
  ['nextStepOn', 'Next step due', null],
] as const;
type DateField = (typeof dateFields)[number][0];

type FormState = {
  optionType: FundingOptionType | '';
  programName: string;
  status: FundingOption['status'];
  eligibilityNotes: string;
  amountRequested: string;
  amountGranted: string;
  documentIds: number[];
  nextStep: string;
  notes: string;
} & Record<DateField, string>;

function initialState(option: FundingOption | null, presetType: FundingOptionType | null): FormState {
  return {
    optionType: option?.optionType ?? presetType ?? '',
    programName: option?.programName ?? '',
    status: option?.status ?? 'considering',
    eligibilityNotes: option?.eligibilityNotes ?? '',
    amountRequested: centsToDollarsInput(option?.amountRequestedCents ?? null),
    amountGranted: centsToDollarsInput(option?.amountGrantedCents ?? null),
    documentIds: option?.documents.map((document) => document.id) ?? [],
    nextStep: option?.nextStep ?? '',
    notes: option?.notes ?? '',
    applyBy: option?.applyBy ?? '',
    appliedOn: option?.appliedOn ?? '',
    responseExpectedOn: option?.responseExpectedOn ?? '',
    decidedOn: option?.decidedOn ?? '',
    renewalOn: option?.renewalOn ?? '',
    nextStepOn: option?.nextStepOn ?? '',
  };
}

/** Text that is not an amount goes on as text, so the schema reports it by its field. */
function amountInput(text: string): number | string | null {
  const cents = parseDollarsToCents(text.trim());
  return cents === undefined ? text : cents;
}

function toInput(state: FormState) {
  return {
    optionType: state.optionType || undefined,
    programName: state.programName,
    status: state.status,
    eligibilityNotes: state.eligibilityNotes,
    applyBy: state.applyBy || null,
    appliedOn: state.appliedOn || null,
    responseExpectedOn: state.responseExpectedOn || null,
    decidedOn: state.decidedOn || null,
    renewalOn: state.renewalOn || null,
    amountRequestedCents: amountInput(state.amountRequested),
    amountGrantedCents: amountInput(state.amountGranted),
    documentIds: state.documentIds,
    nextStep: state.nextStep,
    nextStepOn: state.nextStepOn || null,
    notes: state.notes,
  };
}

const knownFields = [
  'optionType',
  'programName',
  'status',
  'eligibilityNotes',
  'amountRequestedCents',
  'amountGrantedCents',
  'documentIds',
  'nextStep',
  'notes',
  ...dateFields.map(([key]) => key),
];

type Props = {
  readonly caseId: number;
  /** Null to add an option. */
  readonly option: FundingOption | null;
  /** For a new option: the type chosen from the "not yet considered" list. */
  readonly presetType: FundingOptionType | null;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (option: FundingOption) => void;
};

export function FundingOptionDialog({ caseId, option, presetType, open, onOpenChange, onSaved }: Props) {
  const [state, setState] = useState<FormState>(() => initialState(option, presetType));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const documents = useQuery({
    queryKey: queryKeys.vault.list(caseId),
    queryFn: () => callApi('vault.list', { caseId, inTrash: false }),
  });
  const save = useMutation({
    mutationFn: ({ caseId: _caseId, ...fields }: AddFundingOptionInput) =>
      option
        ? callApi('funding.update', { ...fields, fundingOptionId: option.id })
        : callApi('funding.add', { ...fields, caseId }),
    onSuccess: (saved) => {
      onSaved(saved);
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, knownFields)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The contract's own schema, so a mistake shows by its field before anything is sent.
    const parsed = addFundingOptionInputSchema.safeParse({ ...toInput(state), caseId });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((current) => ({ ...current, [key]: value }));
  const toggleDocument = (documentId: number, isSent: boolean) =>
    set(
      'documentIds',
      isSent ? [...state.documentIds, documentId] : state.documentIds.filter((id) => id !== documentId),
    );

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={option ? `Edit ${option.programName}` : 'Add a funding option'}
      description="One route tried when the plan will not pay. Its dates are yours, not legal deadlines; they join the agenda."
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
      }}
      submitLabel={option ? 'Save changes' : 'Add option'}
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <div className={formStyles.row}>
        <Field label="Type" error={errors.fields.optionType}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={state.optionType}
              onChange={(event) => set('optionType', event.target.value as FundingOptionType)}
            >
              <option value="">Choose…</option>
              {fundingOptionTypes.map((type) => (
                <option key={type} value={type}>
                  {fundingOptionTypeLabels[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Program name" error={errors.fields.programName} hint="As the program calls itself.">
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={state.programName}
              onChange={(event) => set('programName', event.target.value)}
            />
          )}
        </Field>
      </div>
      <div className={formStyles.row}>
        <Field label="Status" error={errors.fields.status}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={state.status}
              onChange={(event) => set('status', event.target.value as FundingOption['status'])}
            >
              {fundingStatuses.map((status) => (
                <option key={status} value={status}>
                  {fundingStatusLabels[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className={formStyles.row}>
          <MoneyField
            label="Amount requested"
            optional
            error={errors.fields.amountRequestedCents}
            value={state.amountRequested}
            onChange={(value) => set('amountRequested', value)}
          />
          <MoneyField
            label="Amount granted"
            error={errors.fields.amountGrantedCents}
            hint="Only for a granted option."
            optional
            value={state.amountGranted}
            onChange={(value) => set('amountGranted', value)}
          />
        </div>
      </div>
      <div className={styles.dateGrid}>
        {dateFields.map(([key, label, hint]) => (
          <Field key={key} label={label} optional error={errors.fields[key]} hint={hint ?? undefined}>
            {(ids) => (
              <input
                {...ids}
                type="date"
                className={inputClassName}
                value={state[key]}
                onChange={(event) => set(key, event.target.value)}
              />
            )}
          </Field>
        ))}
      </div>
      <Field label="Next step" optional error={errors.fields.nextStep}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={state.nextStep}
            onChange={(event) => set('nextStep', event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Eligibility notes"
        optional
        error={errors.fields.eligibilityNotes}
        hint="What the program asks for and what you checked."
      >
        {(ids) => (
          <textarea
            {...ids}
            rows={2}
            className={inputClassName}
            value={state.eligibilityNotes}
            onChange={(event) => set('eligibilityNotes', event.target.value)}
          />
        )}
      </Field>
      <fieldset className={formStyles.fieldset} aria-describedby="documents-sent-error">
        <legend className={formStyles.legend}>Documents sent</legend>
        {documents.isPending ? (
          <p className={styles.muted}>Reading the case’s documents…</p>
        ) : (documents.data ?? []).length === 0 ? (
          <p className={styles.muted}>
            No documents on this case yet. Add them on the Documents tab, then tick the ones sent.
          </p>
        ) : (
          <ul className={styles.documentList}>
            {(documents.data ?? []).map((document) => (
              <li key={document.id}>
                <label className={formStyles.choice}>
                  <input
                    type="checkbox"
                    checked={state.documentIds.includes(document.id)}
                    onChange={(event) => toggleDocument(document.id, event.target.checked)}
                  />
                  {document.fileName}
                </label>
              </li>
            ))}
          </ul>
        )}
        {errors.fields.documentIds && (
          <p id="documents-sent-error" className={styles.fieldError} role="alert">
            {errors.fields.documentIds}
          </p>
        )}
      </fieldset>
      <Field label="Notes" optional error={errors.fields.notes}>
        {(ids) => (
          <textarea
            {...ids}
            rows={2}
            className={inputClassName}
            value={state.notes}
            onChange={(event) => set('notes', event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
