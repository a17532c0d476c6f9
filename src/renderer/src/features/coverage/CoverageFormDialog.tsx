import { useState, type FormEvent } from 'react';
import { networkTypeLabels, networkTypes } from '@shared/domain/coverage';
import { planTypeLabels, planTypes } from '@shared/domain/plan-types';
import type { MethodInput } from '@shared/contract';
import { coverageFieldsSchema, type Coverage } from '@shared/schemas/coverages';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import {
  coverageFieldGroups as fieldGroups,
  coverageFieldLabel,
  formatCoverageValue,
} from './coverage-fields';
import { compareFields, EditConflictDialog } from '../edit-conflicts/EditConflictDialog';
import { useConflictAwareSave } from '../edit-conflicts/use-conflict-aware-save';
import styles from './Coverage.module.css';
import { FormDialog } from '../../components/FormDialog';

type FormState = Record<string, string>;

/** The fields this form edits, as the conflict dialog lists them. */
const comparedFields = [
  'planType',
  'networkType',
  ...fieldGroups.flatMap((group) => group.fields.map((field) => field.key)),
].map((key) => ({ key, label: coverageFieldLabel(key) }));

function initialState(coverage: Coverage | null, suggestedPayer: string | null): FormState {
  const state: FormState = { planType: coverage?.planType ?? '', networkType: coverage?.networkType ?? '' };
  for (const { fields } of fieldGroups) {
    for (const field of fields) {
      const value = coverage?.[field.key] ?? null;
      state[field.key] =
        field.kind === 'money'
          ? centsToDollarsInput(value as number | null)
          : value === null
            ? ''
            : String(value);
    }
  }
  // A new coverage starts from the payer already named on the case.
  if (!coverage && suggestedPayer) state.payer = suggestedPayer;
  return state;
}

function toInput(state: FormState): Record<string, unknown> {
  const input: Record<string, unknown> = {
    planType: state.planType || undefined,
    networkType: state.networkType || null,
  };
  for (const { fields } of fieldGroups) {
    for (const field of fields) {
      const text = (state[field.key] ?? '').trim();
      if (field.kind === 'money') {
        // Text that is not an amount goes on as text, so the schema reports it at this field.
        const cents = parseDollarsToCents(text);
        input[field.key] = cents === undefined ? text : cents;
      } else if (field.kind === 'percent')
        input[field.key] = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;
      else input[field.key] = text === '' ? null : text;
    }
  }
  return input;
}

type Props = {
  readonly clientId: number;
  /** Null to add a coverage. */
  readonly coverage: Coverage | null;
  /** For a new coverage: the payer the case already names. */
  readonly suggestedPayer?: string | null;
  /**
   * Adding from a case: whether the new coverage becomes the case's is the user's explicit choice,
   * on at first only when the case has none (`currentPayer` null), so a second plan never moves
   * the case by surprise.
   */
  readonly forCase?: { readonly currentPayer: string | null };
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (coverage: Coverage, isUsedForCase: boolean) => void;
  /** "Keep theirs, discard mine": nothing was saved; the coverage as saved last is shown again. */
  readonly onKeptTheirs: () => void;
};

export function CoverageFormDialog({
  clientId,
  coverage,
  suggestedPayer = null,
  forCase,
  open,
  onOpenChange,
  onSaved,
  onKeptTheirs,
}: Props) {
  const [state, setState] = useState<FormState>(() => initialState(coverage, suggestedPayer));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [isUsedForCase, setIsUsedForCase] = useState(forCase !== undefined && forCase.currentPayer === null);
  const save = useConflictAwareSave({
    editedFrom: coverage?.version ?? 0,
    // The form's values were checked against coverageFieldsSchema just before; the core checks again.
    save: (input: Record<string, unknown>, version) =>
      coverage
        ? callApi('coverages.update', { coverageId: coverage.id, version, changes: input })
        : callApi('coverages.create', {
            ...(input as Omit<MethodInput<'coverages.create'>, 'clientId'>),
            clientId,
          }),
    onSaved: (saved) => {
      onSaved(saved, forCase !== undefined && !coverage && isUsedForCase);
      onOpenChange(false);
    },
    onFailed: (error) => {
      const failure = formErrorsFromFailure(error, Object.keys(state));
      setErrors({
        ...failure,
        fields: Object.fromEntries(
          Object.entries(failure.fields).map(([key, value]) => [key.replace(/^changes\./, ''), value]),
        ),
      });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = toInput(state);
    const parsed = coverageFieldsSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.submit(input);
  }

  const set = (key: string, value: string) => setState((current) => ({ ...current, [key]: value }));

  return (
    <>
      <FormDialog
        open={open}
        onOpenChange={onOpenChange}
        title={coverage ? 'Edit coverage' : 'Add coverage'}
        description="Copy what the member card and the plan documents say. Changes are kept in this coverage's history."
        onSubmit={submit}
        submitLabel={save.isPending ? 'Saving…' : 'Save coverage'}
        submitDisabled={save.isPending}
        error={errors.form}
      >
        {forCase && !coverage && (
          <label className={formStyles.choice}>
            <input
              type="checkbox"
              checked={isUsedForCase}
              onChange={(event) => setIsUsedForCase(event.target.checked)}
            />
            Use for this case
            {forCase.currentPayer && ` (instead of the coverage with ${forCase.currentPayer} it uses now)`}
          </label>
        )}
        <div className={formStyles.row}>
          <Field
            label="Kind of plan"
            error={errors.fields.planType}
            hint="Decides which appeal rules and deadlines apply."
          >
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={state.planType}
                onChange={(event) => set('planType', event.target.value)}
              >
                <option value="">Choose…</option>
                {planTypes.map((planType) => (
                  <option key={planType} value={planType}>
                    {planTypeLabels[planType]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Network type" optional error={errors.fields.networkType}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={state.networkType}
                onChange={(event) => set('networkType', event.target.value)}
              >
                <option value="">Not known</option>
                {networkTypes.map((networkType) => (
                  <option key={networkType} value={networkType}>
                    {networkTypeLabels[networkType]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {fieldGroups.map((group) => (
          <fieldset key={group.legend} className={formStyles.fieldset}>
            <legend className={formStyles.legend}>{group.legend}</legend>
            <div className={styles.fieldGrid}>
              {group.fields.map((field) => (
                <div key={field.key} className={field.kind === 'textarea' ? styles.wide : undefined}>
                  <Field
                    label={field.label}
                    optional={field.key !== 'payer'}
                    error={errors.fields[field.key]}
                    hint={field.hint}
                  >
                    {(ids) =>
                      field.kind === 'textarea' ? (
                        <textarea
                          {...ids}
                          className={textareaClassName}
                          rows={2}
                          value={state[field.key]}
                          onChange={(event) => set(field.key, event.target.value)}
                        />
                      ) : (
                        <input
                          {...ids}
                          className={inputClassName}
                          type={field.kind === 'date' ? 'date' : 'text'}
                          inputMode={
                            field.kind === 'money' || field.kind === 'percent' ? 'decimal' : undefined
                          }
                          value={state[field.key]}
                          onChange={(event) => set(field.key, event.target.value)}
                        />
                      )
                    }
                  </Field>
                </div>
              ))}
            </div>
          </fieldset>
        ))}
      </FormDialog>
      <EditConflictDialog
        conflict={save.conflict}
        recordKind="coverage"
        fields={compareFields(
          comparedFields,
          save.unsavedChanges ?? {},
          save.conflict?.current ?? {},
          formatCoverageValue,
        )}
        isSaving={save.isPending}
        onSaveMine={save.saveMineOverTheirs}
        onBackToEditing={save.backToEditing}
        onKeepTheirs={() => {
          save.keepTheirs();
          onKeptTheirs();
          onOpenChange(false);
        }}
      />
    </>
  );
}
