import { useMutation, useQuery } from '@tanstack/react-query';
import { Copy, Download, Trash2, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { letterKindLabels } from '@shared/domain/letter-kinds';
import type { LetterTemplateSummary } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { downloadBase64 } from '../vault/upload-files';
import { TemplateEditor } from './TemplateEditor';
import styles from './Templates.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

function base64OfText(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

type Props = { readonly onAnnounce: (message: string) => void };

/** Letter templates: the shipped ones to read and copy, the user's own to edit, import and export. */
export function LetterTemplatesPage({ onAnnounce }: Props) {
  const templates = useQuery({
    queryKey: queryKeys.letterTemplates.list,
    queryFn: () => callApi('letterTemplates.list', {}),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<FormErrors>(noErrors);
  const canEdit = useCanEditRecords();
  const [toDelete, setToDelete] = useState<LetterTemplateSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const selected =
    templates.data?.find((template) => template.id === selectedId) ?? templates.data?.[0] ?? null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.letterTemplates.all });
  const duplicate = useMutation({
    mutationFn: (templateId: string) => callApi('letterTemplates.duplicate', { templateId }),
    onSuccess: async (copy) => {
      await refresh();
      setSelectedId(copy.id);
      onAnnounce(`Made “${copy.title}”. Edit it below.`);
    },
  });
  const importFile = useMutation({
    mutationFn: async (file: File) => callApi('letterTemplates.import', { fileText: await file.text() }),
    onSuccess: async (imported) => {
      setImportErrors(noErrors);
      await refresh();
      setSelectedId(imported.id);
      onAnnounce(`Imported “${imported.title}”.`);
    },
    onError: (error) => setImportErrors(formErrorsFromFailure(error, [])),
  });
  const exportFile = useMutation({
    mutationFn: (templateId: string) => callApi('letterTemplates.export', { templateId }),
    onSuccess: (file) => {
      downloadBase64(file.fileName, 'text/markdown', base64OfText(file.text));
      onAnnounce(`Saved ${file.fileName}. The file is not encrypted: it holds whatever the template says.`);
    },
  });
  const remove = useMutation({
    mutationFn: (templateId: string) => callApi('letterTemplates.delete', { templateId }),
    onSuccess: async (_nothing, templateId) => {
      setToDelete(null);
      if (selectedId === templateId) setSelectedId(null);
      await refresh();
      onAnnounce('Template deleted. Letters made from it are kept.');
    },
  });

  return (
    <article className={styles.page} aria-labelledby="templates-title">
      <header className={styles.header}>
        <div>
          <h1 id="templates-title" className={styles.title}>
            Letter templates
          </h1>
          {canEdit && (
            <p className={styles.muted}>
              Templates that come with Advocase are read-only: duplicate one to make it yours. A template is a
              Markdown file with <code>{'{{placeholders}}'}</code>, so you can export it, edit it anywhere and
              import it back.
            </p>
          )}
        </div>
        {canEdit && (
          <div className={styles.headerActions}>
            <input
              ref={fileInput}
              type="file"
              accept=".md,text/markdown,text/plain"
              className="visually-hidden"
              aria-label="Template file to import"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) importFile.mutate(file);
                event.target.value = '';
              }}
            />
            <Button onClick={() => fileInput.current?.click()} disabled={importFile.isPending}>
              <Upload aria-hidden size={16} /> Import .md…
            </Button>
          </div>
        )}
      </header>
      <FormError message={importErrors.form} />
      <div className={styles.layout}>
        <nav aria-label="Templates" className={styles.list}>
          <ul>
            {(templates.data ?? []).map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  className={styles.listItem}
                  aria-current={selected?.id === template.id ? 'true' : undefined}
                  onClick={() => setSelectedId(template.id)}
                >
                  <span className={styles.itemTitle}>{template.title}</span>
                  <span className={styles.itemMeta}>
                    {letterKindLabels[template.kind]} · {template.isShipped ? 'Comes with Advocase' : 'Yours'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {selected && (
          <section className={styles.detail} aria-label={selected.title}>
            <div className={styles.detailActions}>
              {canEdit && (
                <Button onClick={() => duplicate.mutate(selected.id)} disabled={duplicate.isPending}>
                  <Copy aria-hidden size={16} /> Duplicate
                </Button>
              )}
              <Button
                onClick={() => exportFile.mutate(selected.id)}
                title="Save as a .md file (not encrypted)"
              >
                <Download aria-hidden size={16} /> Export .md
              </Button>
              {canEdit && !selected.isShipped && (
                <Button variant="quiet" onClick={() => setToDelete(selected)}>
                  <Trash2 aria-hidden size={16} /> Delete…
                </Button>
              )}
            </div>
            <TemplateEditor
              key={`${selected.id}:${selected.updatedAt ?? ''}`}
              templateId={selected.id}
              onAnnounce={onAnnounce}
            />
          </section>
        )}
      </div>
      <Dialog
        open={toDelete !== null}
        onOpenChange={(isOpen) => !isOpen && setToDelete(null)}
        title="Delete this template?"
        description={
          toDelete
            ? `“${toDelete.title}” will be deleted for good. Letters already made from it stay.`
            : undefined
        }
      >
        <div className={formStyles.actions}>
          <FormError message={remove.error?.message} />
          <Button variant="quiet" onClick={() => setToDelete(null)}>
            Keep it
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => toDelete && remove.mutate(toDelete.id)}
          >
            Delete template
          </Button>
        </div>
      </Dialog>
    </article>
  );
}
