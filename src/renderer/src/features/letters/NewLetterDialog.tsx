import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { letterTemplatesForPlan } from '@shared/domain/letter-templates-for-plan';
import { documentTypeLabels } from '@shared/schemas/vault';
import { queryClient } from '../../app/query-client';
import { navigate } from '../../app/routes';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Letters.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
};

/** Chooses a template and the enclosures (in order), then fills the letter from the case. */
export function NewLetterDialog({ caseId, open, onOpenChange }: Props) {
  const templates = useQuery({
    queryKey: queryKeys.letterTemplates.list,
    queryFn: () => callApi('letterTemplates.list', {}),
    enabled: open,
  });
  const caseDetail = useQuery({
    queryKey: queryKeys.cases.detail(caseId),
    queryFn: () => callApi('cases.get', { caseId }),
    enabled: open,
  });
  // A Medicare case's first appeal is its program's own, never the ERISA internal appeal.
  const offeredTemplates = letterTemplatesForPlan(templates.data ?? [], caseDetail.data?.planType ?? null);
  const documents = useQuery({
    queryKey: queryKeys.vault.list(caseId),
    queryFn: () => callApi('vault.list', { caseId }),
    enabled: open,
  });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [enclosureIds, setEnclosureIds] = useState<readonly number[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const create = useMutation({
    mutationFn: () =>
      callApi('letters.create', {
        caseId,
        templateId: templateId ?? '',
        enclosureDocumentIds: [...enclosureIds],
      }),
    onSuccess: async (letter) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.letters.ofCase(caseId) });
      onOpenChange(false);
      // The letter page opens next and lists what is still to fill.
      navigate({ name: 'letter', caseId, letterId: letter.id });
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['templateId', 'enclosureDocumentIds'])),
  });
  const documentsById = new Map((documents.data ?? []).map((document) => [document.id, document]));

  function toggleEnclosure(documentId: number) {
    setEnclosureIds((current) =>
      current.includes(documentId) ? current.filter((id) => id !== documentId) : [...current, documentId],
    );
  }

  function move(index: number, offset: -1 | 1) {
    setEnclosureIds((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + offset, 0, moved as number);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (templateId === null) {
      setErrors({ fields: { templateId: 'Choose the letter to write.' } });
      return;
    }
    create.mutate();
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New letter"
      size="wide"
      description="The letter is filled from this case: client, coverage, codes, the denial, deadlines, criteria and the enclosures you choose. You can edit every word before it goes out."
      onSubmit={submit}
      submitLabel={create.isPending ? 'Filling in…' : 'Create letter'}
      submitDisabled={create.isPending}
      error={errors.form}
      cancelVariant="quiet"
    >
      <fieldset
        className={formStyles.fieldset}
        aria-describedby={errors.fields['templateId'] ? 'template-error' : undefined}
      >
        <legend className={formStyles.legend}>Letter</legend>
        {templates.isPending && <p className={styles.muted}>Loading templates…</p>}
        <div className={styles.templateChoices}>
          {offeredTemplates.map((template) => (
            <label key={template.id} className={styles.templateChoice}>
              <input
                type="radio"
                name="template"
                value={template.id}
                checked={templateId === template.id}
                onChange={() => {
                  setTemplateId(template.id);
                  setErrors(noErrors);
                }}
              />
              <span>
                <span className={styles.templateTitle}>
                  {template.title}
                  {template.isShipped ? '' : ' (yours)'}
                </span>
                <span className={styles.templateDescription}>{template.description}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.fields['templateId'] && (
          <p id="template-error" className={styles.fieldError} role="alert">
            {errors.fields['templateId']}
          </p>
        )}
      </fieldset>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Enclosures</legend>
        {documents.data?.length === 0 && (
          <p className={styles.muted}>
            This case has no documents yet. Add them on the Documents tab to enclose them; the letter will
            show where the list goes.
          </p>
        )}
        <div className={styles.enclosurePicker}>
          <ul className={styles.documentChoices} aria-label="Case documents">
            {(documents.data ?? []).map((document) => (
              <li key={document.id}>
                <label className={formStyles.choice}>
                  <input
                    type="checkbox"
                    checked={enclosureIds.includes(document.id)}
                    onChange={() => toggleEnclosure(document.id)}
                  />
                  <span>
                    {document.fileName}
                    <span className={styles.muted}>
                      {' '}
                      · {documentTypeLabels[document.documentType]}
                      {document.documentDate ? ` · ${formatCalendarDate(document.documentDate)}` : ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {enclosureIds.length > 0 && (
            <ol className={styles.enclosureOrder} aria-label="Enclosure order">
              {enclosureIds.map((documentId, index) => {
                const name = documentsById.get(documentId)?.fileName ?? `Document ${documentId}`;
                return (
                  <li key={documentId}>
                    <span>{name}</span>
                    <Button
                      variant="quiet"
                      aria-label={`Move ${name} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUp aria-hidden size={14} />
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={`Move ${name} down`}
                      disabled={index === enclosureIds.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown aria-hidden size={14} />
                    </Button>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        {errors.fields['enclosureDocumentIds'] && (
          <p className={styles.fieldError} role="alert">
            {errors.fields['enclosureDocumentIds']}
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
