import { useMutation, useQuery } from '@tanstack/react-query';
import { Library, Pencil, Plus, Search, Trash2 } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { resourceKindLabels, resourceKinds, type ResourceKind } from '@shared/domain/resource-kinds';
import { usStateCodes } from '@shared/domain/us-states';
import type { Resource } from '@shared/schemas/resources';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { ResourceDetails } from './ResourceDetails';
import { ResourceFormDialog } from './ResourceFormDialog';
import { refreshResources } from './resource-queries';
import styles from './Resources.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = { readonly onAnnounce: (message: string) => void };

/** The advocate's own directory of organisations and contacts, searchable, with the starter set on request. */
export function ResourcesPage({ onAnnounce }: Props) {
  const [text, setText] = useState('');
  // The directory is the team's shared reference: a viewer reads it.
  const canEdit = useCanEditRecords();
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [state, setState] = useState('');
  const searchText = useDeferredValue(text);
  const resources = useQuery({
    queryKey: queryKeys.resources.list(searchText, kind, state),
    queryFn: () => callApi('resources.list', { text: searchText, kind: kind || null, state: state || null }),
  });
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Resource | null>(null);
  const addStarterSet = useMutation({
    mutationFn: () => callApi('resources.addStarterSet', {}),
    onSuccess: async ({ message }) => {
      await refreshResources();
      onAnnounce(message);
    },
  });
  const remove = useMutation({
    mutationFn: (resource: Resource) => callApi('resources.delete', { resourceId: resource.id }),
    onSuccess: async ({ message }) => {
      await refreshResources();
      setDeleting(null);
      onAnnounce(message);
    },
  });
  const isFiltered = text.trim() !== '' || kind !== '' || state !== '';

  return (
    <section className={styles.page} aria-labelledby="resources-title">
      <header className={styles.header}>
        <div>
          <h1 id="resources-title" className={styles.title}>
            Resources
          </h1>
          <p className={styles.meta}>
            Organisations and contacts you work with: insurance departments, consumer assistance programs,
            ombudsmen, legal aid, advocacy groups, assistance programs. Link them to cases from a case’s
            Coverage tab.
          </p>
        </div>
        {canEdit && (
          <div className={styles.headerActions}>
            <Button onClick={() => addStarterSet.mutate()} disabled={addStarterSet.isPending}>
              <Library aria-hidden size={16} /> Add the starter set
            </Button>
            <Button variant="primary" onClick={() => setEditing('new')}>
              <Plus aria-hidden size={16} /> Add resource
            </Button>
          </div>
        )}
      </header>
      <div className={styles.filters} role="search">
        <label className={styles.searchField}>
          <span className={styles.filterLabel}>Search</span>
          <span className={styles.searchBox}>
            <Search aria-hidden size={14} />
            <input
              className={inputClassName}
              type="search"
              placeholder="Name, notes or tags"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </span>
        </label>
        <label>
          <span className={styles.filterLabel}>Kind</span>
          <select
            className={inputClassName}
            value={kind}
            onChange={(event) => setKind(event.target.value as ResourceKind | '')}
          >
            <option value="">Any kind</option>
            {resourceKinds.map((option) => (
              <option key={option} value={option}>
                {resourceKindLabels[option]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className={styles.filterLabel}>State</span>
          <select className={inputClassName} value={state} onChange={(event) => setState(event.target.value)}>
            <option value="">Any state</option>
            {usStateCodes.map((code) => (
              <option key={code} value={code}>
                {code} and national
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError message={addStarterSet.error?.message ?? resources.error?.message} />
      {resources.data && resources.data.length === 0 ? (
        <div className={styles.empty}>
          {isFiltered ? (
            <p>No resource matches. Try fewer words, or another kind or state.</p>
          ) : (
            <>
              <p>Your resource directory is empty.</p>
              <p className={styles.meta}>
                Add the organisations you work with, or start with <strong>the starter set</strong>: national
                entries taken from our research notes, each with its source and marked “Verify before use”.
              </p>
            </>
          )}
        </div>
      ) : (
        <ul className={styles.list} aria-label="Resources" aria-busy={resources.isFetching}>
          {resources.data?.map((resource) => (
            <li key={resource.id} className={styles.card}>
              <ResourceDetails resource={resource} />
              {canEdit && (
                <div className={styles.cardActions}>
                  <Button
                    variant="quiet"
                    onClick={() => setEditing(resource)}
                    aria-label={`Edit ${resource.name}`}
                  >
                    <Pencil aria-hidden size={14} /> Edit
                  </Button>
                  <Button
                    variant="quiet"
                    onClick={() => setDeleting(resource)}
                    aria-label={`Delete ${resource.name}`}
                  >
                    <Trash2 aria-hidden size={14} /> Delete
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ResourceFormDialog
        resource={editing === 'new' ? null : editing}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={onAnnounce}
      />
      <Dialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? ''}?`}
        description={
          deleting && deleting.linkedCaseCount > 0
            ? `It is linked to ${deleting.linkedCaseCount} ${deleting.linkedCaseCount === 1 ? 'case' : 'cases'}; it disappears from them too. Undo brings it back.`
            : 'Undo brings it back.'
        }
      >
        <FormError message={remove.error?.message} />
        <div className={formStyles.actions}>
          <Button onClick={() => setDeleting(null)}>Keep it</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => deleting && remove.mutate(deleting)}
          >
            Delete
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
