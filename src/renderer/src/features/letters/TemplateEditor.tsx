import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { letterKindLabels, letterKinds, type LetterKind } from '@shared/domain/letter-kinds';
import type { LetterTemplate } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import fieldStyles from '../../components/Field.module.css';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { PlaceholderReference } from './PlaceholderReference';
import styles from './Templates.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

function TemplateForm({
  template,
  onAnnounce,
}: {
  readonly template: LetterTemplate;
  readonly onAnnounce: (message: string) => void;
}) {
  const [title, setTitle] = useState(template.title);
  const [kind, setKind] = useState<LetterKind>(template.kind);
  const [description, setDescription] = useState(template.description);
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  // A team's viewer reads every template; a shipped one nobody changes (it is duplicated instead).
  const canEdit = useCanEditRecords();
  const isReadOnly = template.isShipped || !canEdit;
  const save = useMutation({
    mutationFn: () =>
      callApi('letterTemplates.save', { templateId: template.id, title, kind, description, body }),
    onSuccess: async (saved) => {
      setErrors(noErrors);
      queryClient.setQueryData(queryKeys.letterTemplates.template(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.letterTemplates.list, exact: true });
      onAnnounce(`Saved “${saved.title}”.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['title', 'kind', 'description', 'body'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      {template.isShipped && canEdit && (
        <p className={styles.note}>
          This template comes with Advocase and cannot be changed. Duplicate it to edit a copy.
        </p>
      )}
      <div className={formStyles.row}>
        <Field label="Title" error={errors.fields['title']}>
          {(ids) => (
            <input
              {...ids}
              className={fieldStyles.input}
              value={title}
              readOnly={isReadOnly}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <Field label="Kind" error={errors.fields['kind']}>
          {(ids) => (
            <select
              {...ids}
              className={fieldStyles.input}
              value={kind}
              disabled={isReadOnly}
              onChange={(event) => setKind(event.target.value as LetterKind)}
            >
              {letterKinds.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {letterKindLabels[candidate]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        label="Description"
        hint="One line, shown when choosing a template."
        error={errors.fields['description']}
      >
        {(ids) => (
          <input
            {...ids}
            className={fieldStyles.input}
            value={description}
            readOnly={isReadOnly}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Template text"
        hint="# heading, **bold**, *italic*, - bullet, 1. numbered; a blank line between paragraphs."
        error={errors.fields['body']}
      >
        {(ids) => (
          <textarea
            {...ids}
            className={styles.body}
            value={body}
            readOnly={isReadOnly}
            spellCheck={!isReadOnly}
            rows={24}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <FormError message={errors.form} />
      {!isReadOnly && (
        <div className={formStyles.actions}>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            Save template
          </Button>
        </div>
      )}
      <PlaceholderReference />
    </form>
  );
}

type Props = { readonly templateId: string; readonly onAnnounce: (message: string) => void };

export function TemplateEditor({ templateId, onAnnounce }: Props) {
  const template = useQuery({
    queryKey: queryKeys.letterTemplates.template(templateId),
    queryFn: () => callApi('letterTemplates.get', { templateId }),
  });
  if (template.isPending) return <p className={styles.muted}>Opening the template…</p>;
  if (template.isError) return <FormError message={template.error.message} />;
  return <TemplateForm template={template.data} onAnnounce={onAnnounce} />;
}
