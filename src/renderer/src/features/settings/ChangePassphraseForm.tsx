import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePassphraseInputSchema } from '@shared/schemas/session';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { describeConfirmationMismatch, NewPassphraseFields } from '../session/NewPassphraseFields';
import { FormError } from '../../components/FormError';

export function ChangePassphraseForm({ onSaved }: { onSaved: (announcement: string) => void }) {
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const change = useMutation({
    mutationFn: (input: { currentPassphrase: string; newPassphrase: string }) =>
      callApi('session.changePassphrase', input),
    onSuccess: () => onSaved('Passphrase changed. Your recovery key still works.'),
    onError: (error) => setErrors(formErrorsFromFailure(error, ['currentPassphrase', 'newPassphrase'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = changePassphraseInputSchema.safeParse({ currentPassphrase, newPassphrase });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    const mismatch = describeConfirmationMismatch(newPassphrase, confirmation);
    if (mismatch) return setErrors({ fields: { confirmation: mismatch } });
    setErrors(noErrors);
    change.mutate(parsed.data);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Change passphrase</legend>
        <Field label="Current passphrase" error={errors.fields.currentPassphrase}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="password"
              autoComplete="current-password"
              value={currentPassphrase}
              onChange={(event) => setCurrentPassphrase(event.target.value)}
            />
          )}
        </Field>
        <NewPassphraseFields
          label="New passphrase"
          passphrase={newPassphrase}
          onPassphraseChange={setNewPassphrase}
          confirmation={confirmation}
          onConfirmationChange={setConfirmation}
          passphraseError={errors.fields.newPassphrase}
          confirmationError={errors.fields.confirmation}
        />
        <FormError message={errors.form} />
        <div className={formStyles.actions}>
          <Button type="submit" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change passphrase'}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
