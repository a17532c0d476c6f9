import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  authorizationKindLabels,
  authorizationKinds,
  type AuthorizationKind,
} from '@shared/domain/authorizations';
import { addAuthorizationInputSchema } from '@shared/schemas/clients';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';

export function AuthorizationForm({ clientId, onSaved }: { clientId: number; onSaved: () => Promise<void> }) {
  const [kind, setKind] = useState<AuthorizationKind>('hipaa_authorization');
  const [signedOn, setSignedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: () =>
      callApi('clients.addAuthorization', { clientId, kind, signedOn, expiresOn: expiresOn || null }),
    onSuccess: async () => {
      setSignedOn('');
      setExpiresOn('');
      await onSaved();
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['signedOn', 'expiresOn'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = addAuthorizationInputSchema.safeParse({
      clientId,
      kind,
      signedOn,
      expiresOn: expiresOn || null,
    });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate();
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate aria-label="Record an authorization">
      <Field label="Form">
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={kind}
            onChange={(event) => setKind(event.target.value as AuthorizationKind)}
          >
            {authorizationKinds.map((candidate) => (
              <option key={candidate} value={candidate}>
                {authorizationKindLabels[candidate]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className={formStyles.row}>
        <Field label="Signed on" error={errors.fields.signedOn}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="date"
              value={signedOn}
              onChange={(event) => setSignedOn(event.target.value)}
            />
          )}
        </Field>
        <Field label="Expires on" optional error={errors.fields.expiresOn}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="date"
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
            />
          )}
        </Field>
      </div>
      <div className={formStyles.actions}>
        <Button type="submit" disabled={save.isPending}>
          Record authorization
        </Button>
      </div>
    </form>
  );
}
