import { useMutation, useQuery } from '@tanstack/react-query';
import { Link2, Unlink } from 'lucide-react';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { resourceKindLabels } from '@shared/domain/resource-kinds';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { ResourceDetails } from './ResourceDetails';
import { refreshResources } from './resource-queries';
import styles from './Resources.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = {
  readonly caseId: number;
  readonly onAnnounce: (message: string) => void;
};

/** The resources used on this case (who the complaint went to, who is helping), under its coverage. */
export function CaseResources({ caseId, onAnnounce }: Props) {
  const linked = useQuery({
    queryKey: queryKeys.resources.ofCase(caseId),
    queryFn: () => callApi('resources.listForCase', { caseId }),
  });
  const [isLinking, setIsLinking] = useState(false);
  const canEdit = useCanEditRecords();
  const unlink = useMutation({
    mutationFn: (linkId: number) => callApi('resources.unlinkFromCase', { linkId }),
    onSuccess: async ({ message }) => {
      await refreshResources();
      onAnnounce(message);
    },
  });

  return (
    <section className={styles.caseSection} aria-labelledby="case-resources-title">
      <div className={styles.caseSectionHeader}>
        <h2 id="case-resources-title" className={styles.caseSectionTitle}>
          Resources on this case
        </h2>
        {canEdit && (
          <Button onClick={() => setIsLinking(true)}>
            <Link2 aria-hidden size={16} /> Link a resource
          </Button>
        )}
      </div>
      {linked.data && linked.data.length === 0 && (
        <p className={styles.meta}>
          {canEdit ? (
            <>
              None yet. Link the organisations helping with this case (a consumer assistance program, the
              state insurance department) from your{' '}
              <a href={hrefFor({ name: 'resources' })}>resource directory</a>.
            </>
          ) : (
            'No resource is linked to this case.'
          )}
        </p>
      )}
      <ul className={styles.compactList}>
        {linked.data?.map(({ linkId, note, resource }) => (
          <li key={linkId} className={styles.card}>
            <ResourceDetails resource={resource} headingLevel={4} />
            {note && <p className={styles.linkNote}>On this case: {note}</p>}
            {canEdit && (
              <div className={styles.cardActions}>
                <Button
                  variant="quiet"
                  onClick={() => unlink.mutate(linkId)}
                  aria-label={`Remove ${resource.name} from this case`}
                >
                  <Unlink aria-hidden size={14} /> Remove from case
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <FormError message={unlink.error?.message} />
      <LinkResourceDialog
        caseId={caseId}
        open={isLinking}
        onOpenChange={setIsLinking}
        onLinked={onAnnounce}
      />
    </section>
  );
}

function LinkResourceDialog({
  caseId,
  open,
  onOpenChange,
  onLinked,
}: {
  readonly caseId: number;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onLinked: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const searchText = useDeferredValue(text);
  const found = useQuery({
    queryKey: queryKeys.resources.list(searchText),
    queryFn: () => callApi('resources.list', { text: searchText }),
    enabled: open,
  });
  const link = useMutation({
    mutationFn: () => callApi('resources.linkToCase', { caseId, resourceId: Number(resourceId), note }),
    onSuccess: async (linked) => {
      await refreshResources();
      onLinked(`${linked.resource.name} linked to this case.`);
      setText('');
      setResourceId('');
      setNote('');
      onOpenChange(false);
    },
    onError: (failure) => setError(failure.message),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!resourceId) return setError('Choose a resource to link.');
    setError(null);
    link.mutate();
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Link a resource to this case"
      onSubmit={submit}
      submitLabel="Link"
      submitDisabled={link.isPending}
    >
      <Field label="Find" optional hint="Words from the name, notes or tags.">
        {(ids) => (
          <input
            {...ids}
            type="search"
            className={inputClassName}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <Field label="Resource" error={error ?? undefined}>
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            size={Math.min(8, Math.max(3, found.data?.length ?? 3))}
            value={resourceId}
            onChange={(event) => setResourceId(event.target.value)}
          >
            {found.data?.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name} ({resourceKindLabels[resource.kind]}, {resource.state ?? 'national'})
              </option>
            ))}
          </select>
        )}
      </Field>
      {found.data?.length === 0 && (
        <p className={styles.meta}>
          Nothing found. Add it in the <a href={hrefFor({ name: 'resources' })}>resource directory</a> first.
        </p>
      )}
      <Field label="Note on this case" optional hint="e.g. Complaint filed 3 March, reference 12345">
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
