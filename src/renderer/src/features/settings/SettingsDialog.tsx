import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePassphraseInputSchema } from '@shared/schemas/session';
import { autoLockMinutesRange, settingsSchema } from '@shared/schemas/settings';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { describeConfirmationMismatch, NewPassphraseFields } from '../session/NewPassphraseFields';
import { VaultIntegrityCheck } from '../vault/VaultIntegrityCheck';
import { AuditLogCheck } from '../audit/AuditLogCheck';
import { RotateKeyForm } from '../security/RotateKeyForm';
import { VerificationScriptEditor } from '../verification/VerificationScriptEditor';
import { FormError } from '../../components/FormError';
import { AdvocateProfileForm } from './AdvocateProfileForm';
import { BackupSettings } from '../backup/BackupSettings';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (announcement: string) => void;
};

export function SettingsDialog({ open, onOpenChange, onSaved }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Settings">
      <AdvocateProfileForm onSaved={onSaved} />
      <AutoLockForm onSaved={onSaved} />
      <VerificationScriptEditor onSaved={onSaved} />
      <VaultIntegrityCheck />
      <AuditLogCheck />
      <BackupSettings onSaved={onSaved} />
      <RotateKeyForm />
      <ChangePassphraseForm
        onSaved={(message) => {
          onSaved(message);
          onOpenChange(false);
        }}
      />
    </Dialog>
  );
}

function AutoLockForm({ onSaved }: { onSaved: (announcement: string) => void }) {
  const settings = useQuery({
    queryKey: queryKeys.settings.current,
    queryFn: () => callApi('settings.get', {}),
  });
  const [minutes, setMinutes] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const shown = minutes ?? String(settings.data?.autoLockMinutes ?? '');
  const save = useMutation({
    mutationFn: (autoLockMinutes: number) => callApi('settings.update', { autoLockMinutes }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings.current, saved);
      setMinutes(null);
      onSaved(`Advocase now locks after ${saved.autoLockMinutes} minutes without use.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['autoLockMinutes'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = settingsSchema.shape.autoLockMinutes.safeParse(shown === '' ? undefined : Number(shown));
    if (!parsed.success)
      return setErrors({ fields: { autoLockMinutes: parsed.error.issues[0]?.message ?? '' } });
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Auto-lock</legend>
        <Field
          label="Lock after this many minutes without use"
          error={errors.fields.autoLockMinutes}
          hint={`Between ${autoLockMinutesRange.min} and ${autoLockMinutesRange.max}. Locking forgets the key until the passphrase is typed again.`}
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              type="number"
              inputMode="numeric"
              min={autoLockMinutesRange.min}
              max={autoLockMinutesRange.max}
              value={shown}
              onChange={(event) => setMinutes(event.target.value)}
            />
          )}
        </Field>
        <div className={formStyles.actions}>
          <Button type="submit" disabled={save.isPending || minutes === null}>
            Save auto-lock
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

function ChangePassphraseForm({ onSaved }: { onSaved: (announcement: string) => void }) {
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
