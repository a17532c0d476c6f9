import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { providerKinds, type ProviderKind } from '@shared/domain/coverage';
import { createProviderInputSchema, type Provider } from '@shared/schemas/coverages';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { FormDialog } from '../../components/FormDialog';

const textFields = [
  { key: 'name', label: 'Name', optional: false },
  { key: 'npi', label: 'NPI (10 digits)', optional: true },
  { key: 'specialty', label: 'Specialty', optional: true },
  { key: 'phone', label: 'Phone', optional: true },
  { key: 'fax', label: 'Fax', optional: true },
] as const;

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (provider: Provider) => void;
};

export function ProviderFormDialog({ open, onOpenChange, onSaved }: Props) {
  const [kind, setKind] = useState<ProviderKind>('clinician');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => callApi('providers.create', input as never),
    onSuccess: (provider) => {
      onSaved(provider);
      setValues({});
      onOpenChange(false);
    },
    onError: (error) =>
      setErrors(
        formErrorsFromFailure(
          error,
          textFields.map((field) => field.key),
        ),
      ),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      kind,
      ...Object.fromEntries(textFields.map((field) => [field.key, values[field.key]?.trim() || null])),
    };
    const parsed = createProviderInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(input);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Add a provider"
      description="A treating clinician or a facility."
      onSubmit={submit}
      submitLabel="Save provider"
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <div className={formStyles.choices} role="radiogroup" aria-label="Kind of provider">
        {providerKinds.map((candidate) => (
          <label key={candidate} className={formStyles.choice}>
            <input
              type="radio"
              name="providerKind"
              checked={kind === candidate}
              onChange={() => setKind(candidate)}
            />
            {candidate === 'clinician' ? 'Clinician' : 'Facility'}
          </label>
        ))}
      </div>
      {textFields.map((field) => (
        <Field key={field.key} label={field.label} optional={field.optional} error={errors.fields[field.key]}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={values[field.key] ?? ''}
              onChange={(event) => setValues((current) => ({ ...current, [field.key]: event.target.value }))}
            />
          )}
        </Field>
      ))}
    </FormDialog>
  );
}
