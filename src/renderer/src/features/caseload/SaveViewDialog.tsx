import { useState, type FormEvent } from 'react';
import type { CaseloadViewDefinition, SavedCaseloadView } from '@shared/schemas/caseload';
import { Field } from '../../components/Field';
import { callApi } from '../../lib/api';
import { FormDialog } from '../../components/FormDialog';

/** Names the current filters and sort order so the view is one click away next time. */
export function SaveViewDialog({
  open,
  onOpenChange,
  definition,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  definition: CaseloadViewDefinition;
  onSaved: (view: SavedCaseloadView) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    try {
      const view = await callApi('caseload.saveView', { name, definition });
      setName('');
      setError(undefined);
      onOpenChange(false);
      await onSaved(view);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Save view"
      description="Keeps the current filters, quick filter and sort order under a name. Saving under an existing name replaces that view."
      onSubmit={(event) => void submit(event)}
      submitLabel="Save view"
      submitDisabled={isSaving}
    >
      <Field label="Name" error={error}>
        {(ids) => (
          <input {...ids} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} />
        )}
      </Field>
    </FormDialog>
  );
}
