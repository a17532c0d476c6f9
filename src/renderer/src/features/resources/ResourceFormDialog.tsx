import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { resourceKindLabels, resourceKinds } from '@shared/domain/resource-kinds';
import { usStateCodes } from '@shared/domain/us-states';
import { resourceFieldsSchema, type Resource, type ResourceFields } from '@shared/schemas/resources';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName, textareaClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { DialogForm } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import {
  formErrorsFromAddOrEditFailure,
  formErrorsFromZod,
  noErrors,
  type FormErrors,
} from '../../lib/form-errors';
import { refreshResources } from './resource-queries';
import styles from './Resources.module.css';

type Props = {
  /** Null to add a resource. */
  readonly resource: Resource | null;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (message: string) => void;
};

type TextKey = 'name' | 'state' | 'website' | 'phone' | 'email' | 'address' | 'notes' | 'tags' | 'sourceUrl';

function initialValues(resource: Resource | null) {
  return {
    name: resource?.name ?? '',
    kind: resource?.kind ?? '',
    state: resource?.state ?? '',
    website: resource?.website ?? '',
    phone: resource?.phone ?? '',
    email: resource?.email ?? '',
    address: resource?.address ?? '',
    notes: resource?.notes ?? '',
    tags: resource?.tags.join(', ') ?? '',
    sourceUrl: resource?.sourceUrl ?? '',
    needsVerification: resource?.needsVerification ?? false,
  };
}

const fieldNames = [
  'name',
  'kind',
  'state',
  'website',
  'phone',
  'email',
  'address',
  'notes',
  'tags',
  'sourceUrl',
];

export function ResourceFormDialog({ resource, open, onOpenChange, onSaved }: Props) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={resource ? `Edit ${resource.name}` : 'Add a resource'}
    >
      {open && (
        <ResourceForm
          key={resource?.id ?? 'new'}
          resource={resource}
          onOpenChange={onOpenChange}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function ResourceForm({ resource, onOpenChange, onSaved }: Omit<Props, 'open'>) {
  const [values, setValues] = useState(() => initialValues(resource));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const set = (key: keyof typeof values, value: string | boolean) =>
    setValues((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (fields: ResourceFields) =>
      resource
        ? callApi('resources.update', { resourceId: resource.id, changes: fields })
        : callApi('resources.create', fields),
    onSuccess: async (saved) => {
      await refreshResources();
      onSaved(resource ? `${saved.name} saved.` : `${saved.name} added to your resources.`);
      onOpenChange(false);
    },
    onError: (error) => setErrors(formErrorsFromAddOrEditFailure(error, fieldNames)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      ...values,
      kind: values.kind || undefined,
      tags: values.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    };
    const parsed = resourceFieldsSchema.safeParse(fields);
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  const textField = (
    key: TextKey,
    label: string,
    options: { optional?: boolean; hint?: string; wide?: boolean } = {},
  ) => (
    <div className={options.wide ? styles.wide : undefined}>
      <Field label={label} optional={options.optional ?? true} hint={options.hint} error={errors.fields[key]}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={values[key]}
            onChange={(event) => set(key, event.target.value)}
          />
        )}
      </Field>
    </div>
  );

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
      submitLabel={resource ? 'Save' : 'Add resource'}
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <div className={styles.formGrid}>
        {textField('name', 'Name', { optional: false, wide: true })}
        <Field label="Kind" error={errors.fields.kind}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={values.kind}
              onChange={(event) => set('kind', event.target.value)}
            >
              <option value="">Choose…</option>
              {resourceKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {resourceKindLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="State" optional error={errors.fields.state} hint="Empty for a national resource.">
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={values.state}
              onChange={(event) => set('state', event.target.value)}
            >
              <option value="">National</option>
              {usStateCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </Field>
        {textField('website', 'Website', { hint: 'The full address, starting with https://' })}
        {textField('phone', 'Phone')}
        {textField('email', 'Email')}
        {textField('tags', 'Tags', { hint: 'Separated by commas, e.g. ERISA, appeals' })}
        <div className={styles.wide}>
          <Field label="Address" optional error={errors.fields.address}>
            {(ids) => (
              <textarea
                {...ids}
                rows={2}
                className={textareaClassName}
                value={values.address}
                onChange={(event) => set('address', event.target.value)}
              />
            )}
          </Field>
        </div>
        <div className={styles.wide}>
          <Field
            label="Notes"
            optional
            error={errors.fields.notes}
            hint="What they help with, who to ask for, what worked."
          >
            {(ids) => (
              <textarea
                {...ids}
                rows={3}
                className={textareaClassName}
                value={values.notes}
                onChange={(event) => set('notes', event.target.value)}
              />
            )}
          </Field>
        </div>
        {textField('sourceUrl', 'Source', { hint: 'Where these facts come from.', wide: true })}
        <label className={`${formStyles.choice} ${styles.wide}`}>
          <input
            type="checkbox"
            checked={values.needsVerification}
            onChange={(event) => set('needsVerification', event.target.checked)}
          />
          Show “Verify before use” (untick once you have checked it against the source)
        </label>
      </div>
    </DialogForm>
  );
}
