import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { advocateProfileInputSchema, type AdvocateProfile } from '@shared/schemas/profile';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { queryKeys } from '../../lib/query-keys';

type ProfileField = keyof AdvocateProfile;
type Draft = Readonly<Record<ProfileField, string>>;

type FieldSpec = {
  readonly label: string;
  readonly hint?: string;
  readonly isMultiline?: boolean;
  readonly type?: 'email' | 'tel';
};

const fieldSpecs: Readonly<Record<ProfileField, FieldSpec>> = {
  name: {
    label: 'Your name',
    hint: 'Printed on the letterhead (and under your signature unless you give another name).',
  },
  organization: { label: 'Organization', hint: 'The letterhead’s title when given.' },
  address: { label: 'Address', isMultiline: true },
  phone: { label: 'Phone', type: 'tel', hint: 'e.g. (503) 555-0142' },
  fax: { label: 'Fax', type: 'tel', hint: 'Printed on fax cover sheets.' },
  email: { label: 'Email', type: 'email' },
  signatureName: { label: 'Name under the signature', hint: 'e.g. Jordan Reyes, CPHA' },
  signatureTitle: { label: 'Title under the signature', hint: 'e.g. Patient Advocate' },
};
// Short fields that belong together share a line: the form stays one screen tall.
const layout: readonly (readonly ProfileField[])[] = [
  ['name', 'organization'],
  ['address'],
  ['phone', 'fax'],
  ['email'],
  ['signatureName', 'signatureTitle'],
];
const fieldKeys = layout.flat();

function draftOf(profile: AdvocateProfile | null | undefined): Draft {
  return Object.fromEntries(fieldKeys.map((key) => [key, profile?.[key] ?? ''])) as Draft;
}

/** Settings → Profile: the letterhead and signature every letter, packet and fax cover is printed with. */
export function AdvocateProfileForm({ onSaved }: { onSaved: (announcement: string) => void }) {
  const stored = useQuery({ queryKey: queryKeys.profile.current, queryFn: () => callApi('profile.get', {}) });
  const [edits, setEdits] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const draft = edits ?? draftOf(stored.data?.profile);
  const save = useMutation({
    mutationFn: (profile: Draft) => callApi('profile.save', profile),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.profile.current, saved);
      setEdits(null);
      onSaved('Profile saved: new letters use this letterhead and signature.');
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, fieldKeys)),
  });

  function renderField(key: ProfileField) {
    const field = fieldSpecs[key];
    return (
      <Field
        key={key}
        label={field.label}
        hint={field.hint}
        optional={key !== 'name'}
        error={errors.fields[key]}
      >
        {(ids) =>
          field.isMultiline ? (
            <textarea
              {...ids}
              className={inputClassName}
              rows={3}
              value={draft[key]}
              onChange={(event) => setEdits({ ...draft, [key]: event.target.value })}
            />
          ) : (
            <input
              {...ids}
              className={inputClassName}
              type={field.type ?? 'text'}
              value={draft[key]}
              onChange={(event) => setEdits({ ...draft, [key]: event.target.value })}
            />
          )
        }
      </Field>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = advocateProfileInputSchema.safeParse(draft);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(draft);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate aria-label="Profile">
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Profile (letterhead and signature)</legend>
        {stored.data && !stored.data.profile && (
          <p>Fill this in before printing a letter: every letter and fax cover sheet carries it.</p>
        )}
        {layout.map((keys) => {
          const row = keys.map(renderField);
          return keys.length === 1 ? (
            row
          ) : (
            <div key={keys.join('-')} className={formStyles.row}>
              {row}
            </div>
          );
        })}
        <FormError message={errors.form} />
        <div className={formStyles.actions}>
          <Button type="submit" disabled={save.isPending || edits === null}>
            {save.isPending ? 'Saving…' : 'Save profile'}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
