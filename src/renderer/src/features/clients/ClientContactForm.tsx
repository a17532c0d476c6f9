import { useState, type FormEvent } from 'react';
import { usStateCodes } from '@shared/domain/us-states';
import { clientSchema, updateClientInputSchema, type Client } from '@shared/schemas/clients';
import { Button } from '../../components/Button';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './ClientPage.module.css';
import { FormError } from '../../components/FormError';
import { clientDetailFields, formatClientValue } from './client-detail-fields';
import { compareFields, EditConflictDialog, keptTheirsMessage } from '../edit-conflicts/EditConflictDialog';
import { useConflictAwareSave } from '../edit-conflicts/use-conflict-aware-save';
import type { Announce } from '../../app/announce';

type Key = (typeof clientDetailFields)[number]['key'];
type Changes = Record<Key, string> & { tags: string[] };

function formValuesOf(client: Client): Record<Key, string> {
  return {
    fullName: client.fullName,
    dateOfBirth: client.dateOfBirth ?? '',
    state: client.state ?? '',
    phone: client.phone ?? '',
    email: client.email ?? '',
    preferredLanguage: client.preferredLanguage ?? '',
    address: client.address ?? '',
    notes: client.notes ?? '',
  };
}

const comparedFields = [...clientDetailFields, { key: 'tags', label: 'Tags' }];

/** `onSaved` gets what to announce: saved, or the person's changes discarded for the saved version. */
export function ClientContactForm({
  client,
  onSaved,
}: {
  client: Client;
  onSaved: (...announcement: Parameters<Announce>) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<Key, string>>(() => formValuesOf(client));
  const [tags, setTags] = useState(client.tags.join(', '));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const tagList = () =>
    tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
  const save = useConflictAwareSave({
    editedFrom: client.version,
    save: (changes: Changes, version) => callApi('clients.update', { clientId: client.id, version, changes }),
    onSaved: () => onSaved('Client details saved.'),
    onFailed: (error) =>
      setErrors(
        formErrorsFromFailure(
          error,
          clientDetailFields.map((field) => `changes.${field.key}`),
        ),
      ),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateClientInputSchema.safeParse({
      clientId: client.id,
      changes: { ...values, tags: tagList() },
    });
    if (!parsed.success) {
      const zodErrors = formErrorsFromZod(parsed.error);
      return setErrors({
        fields: Object.fromEntries(
          Object.entries(zodErrors.fields).map(([key, value]) => [
            key.replace(/^changes\./, '').replace(/\.\d+$/, ''),
            value,
          ]),
        ),
      });
    }
    setErrors(noErrors);
    save.submit({ ...values, tags: tagList() });
  }

  function keepTheirs() {
    const theirs = clientSchema.safeParse(save.conflict?.current);
    save.keepTheirs();
    if (!theirs.success) return;
    setValues(formValuesOf(theirs.data));
    setTags(theirs.data.tags.join(', '));
    void onSaved(keptTheirsMessage('client'), { isUndoable: false });
  }

  return (
    <>
      <form
        className={`${styles.card} ${formStyles.form}`}
        onSubmit={submit}
        noValidate
        aria-labelledby="contact-title"
      >
        <h2 id="contact-title" className={styles.cardTitle}>
          Details, contact and notes
        </h2>
        {clientDetailFields.map((field) => (
          <Field
            key={field.key}
            label={field.label}
            optional={field.key !== 'fullName'}
            error={errors.fields[field.key] ?? errors.fields[`changes.${field.key}`]}
          >
            {(ids) =>
              field.kind === 'textarea' ? (
                <textarea
                  {...ids}
                  className={textareaClassName}
                  rows={3}
                  value={values[field.key]}
                  onChange={(event) =>
                    setValues((current) => ({ ...current, [field.key]: event.target.value }))
                  }
                />
              ) : field.kind === 'state' ? (
                <select
                  {...ids}
                  className={inputClassName}
                  value={values.state}
                  onChange={(event) => setValues((current) => ({ ...current, state: event.target.value }))}
                >
                  <option value="">Not known</option>
                  {usStateCodes.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...ids}
                  className={inputClassName}
                  type={field.kind === 'date' ? 'date' : 'text'}
                  value={values[field.key]}
                  onChange={(event) =>
                    setValues((current) => ({ ...current, [field.key]: event.target.value }))
                  }
                />
              )
            }
          </Field>
        ))}
        <Field
          label="Tags"
          optional
          hint="Separate with commas, e.g. veteran, Spanish-speaking, grant A"
          error={errors.fields.tags}
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={tags}
              onChange={(event) => setTags(event.target.value)}
            />
          )}
        </Field>
        <FormError message={errors.form} />
        <div className={formStyles.actions}>
          <Button type="submit" disabled={save.isPending}>
            Save details
          </Button>
        </div>
      </form>
      <EditConflictDialog
        conflict={save.conflict}
        recordKind="client"
        fields={compareFields(
          comparedFields,
          save.unsavedChanges ?? {},
          save.conflict?.current ?? {},
          formatClientValue,
        )}
        isSaving={save.isPending}
        onSaveMine={save.saveMineOverTheirs}
        onBackToEditing={save.backToEditing}
        onKeepTheirs={keepTheirs}
      />
    </>
  );
}
