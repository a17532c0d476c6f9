import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CaseStage } from '@shared/domain/case-stages';
import {
  defaultCaseloadColumns,
  type CaseloadColumnId,
  type CaseloadFilters,
  type CaseloadSort,
  type CaseloadViewDefinition,
} from '@shared/schemas/caseload';
import { Button } from '../../components/Button';
import { navigate } from '../../app/routes';
import { queryClient } from '../../app/query-client';
import { callApi, callApiAfterScreen } from '../../lib/api';
import { saveFile } from '../../lib/save-file';
import { isTypingInField } from '../../lib/keyboard';
import { BulkActions } from './BulkActions';
import { builtInViews } from './built-in-views';
import { CaseloadTable } from './CaseloadTable';
import { CaseloadFilterBar } from './CaseloadFilterBar';
import { CaseloadHeader } from './CaseloadHeader';
import { MyNameForm } from './MyNameForm';
import { SaveViewDialog } from './SaveViewDialog';
import type { ViewChoice } from './view-choice';
import { StageCounts } from './StageCounts';
import { useCaseloadSummary } from './use-caseload-window';
import { useCanEditRecords } from '../team/use-team-connection';
import type { Announce } from '../../app/announce';
import styles from './Caseload.module.css';
import { queryKeys } from '../../lib/query-keys';

/**
 * Where the user was (view, filters, sort), kept while they open a case and come back. It sits in
 * the query cache, so locking forgets it with the records (the quick filter may hold a name).
 */
type ViewState = { readonly choice: ViewChoice; readonly definition: CaseloadViewDefinition };

function hasAnyFilter(definition: CaseloadViewDefinition): boolean {
  return (
    Boolean(definition.quickFilter) || Object.values(definition.filters).some((value) => value !== undefined)
  );
}

export function CaseloadView({
  onNewCase,
  onAnnounce = () => undefined,
}: {
  onNewCase: () => void;
  /** Only the bulk actions' messages are about an edit (app/announce.ts). */
  onAnnounce?: Announce;
}) {
  const preferences = useQuery({
    queryKey: queryKeys.caseload.preferences,
    queryFn: () => callApi('caseload.getPreferences', {}),
  });
  const savedViews = useQuery({
    queryKey: queryKeys.caseload.views,
    queryFn: () => callApi('caseload.listViews', {}),
  });
  const filterOptions = useQuery({
    queryKey: queryKeys.caseload.filterOptions,
    queryFn: () => callApiAfterScreen('caseload.filterOptions', {}),
  });
  const [remembered] = useState(() => queryClient.getQueryData<ViewState>(queryKeys.caseload.viewState));
  const [viewChoice, setViewChoice] = useState<ViewChoice>(
    remembered?.choice ?? { kind: 'built-in', id: 'all' },
  );
  const [definition, setDefinition] = useState<CaseloadViewDefinition>(
    () => remembered?.definition ?? builtInViews[0]!.definition(null),
  );
  const [quickFilterText, setQuickFilterText] = useState(remembered?.definition.quickFilter ?? '');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<number>>(new Set());
  const [isSaveViewOpen, setIsSaveViewOpen] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const summary = useCaseloadSummary(definition);
  // The columns just chosen, shown at once while they are saved: the column chooser's boxes are
  // controlled, and a box whose new state arrived only with the saved preferences was put back by
  // React at the end of the click (the box ticked again, then cleared a moment later).
  const [columnsBeingSaved, setColumnsBeingSaved] = useState<readonly CaseloadColumnId[] | null>(null);
  const columns: readonly CaseloadColumnId[] =
    columnsBeingSaved ?? preferences.data?.columns ?? defaultCaseloadColumns;
  const myAdvocateName = preferences.data?.myAdvocateName ?? null;
  const canEdit = useCanEditRecords();

  // The quick filter waits for a pause in typing, so each keystroke does not query 100,000 cases.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const text = quickFilterText.trim() || null;
      setDefinition((current) =>
        current.quickFilter === text ? current : { ...current, quickFilter: text },
      );
    }, 200);
    return () => window.clearTimeout(timer);
  }, [quickFilterText]);

  useEffect(() => {
    queryClient.setQueryData<ViewState>(queryKeys.caseload.viewState, { choice: viewChoice, definition });
  }, [viewChoice, definition]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === '/' && !isTypingInField(event)) {
        event.preventDefault();
        filterRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const savePreferences = useMutation({
    mutationFn: (changes: { columns?: CaseloadColumnId[]; myAdvocateName?: string | null }) =>
      callApi('caseload.savePreferences', changes),
    onMutate: async (changes) => {
      // A read of the preferences already on its way answers with the columns from before this
      // change; landing after the optimistic update it would tick a box the user just cleared.
      await queryClient.cancelQueries({ queryKey: queryKeys.caseload.preferences });
      const current = queryClient.getQueryData<typeof preferences.data>(queryKeys.caseload.preferences);
      if (current) queryClient.setQueryData(queryKeys.caseload.preferences, { ...current, ...changes });
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.caseload.preferences, saved),
    onError: (error) => {
      onAnnounce(`Could not save the columns: ${error.message}`, { isUndoable: false });
      // What is saved, not what was tried, is shown again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseload.preferences });
    },
    onSettled: () => setColumnsBeingSaved(null),
  });

  const exportCsv = useMutation({
    mutationFn: () => saveFile('caseload.exportCsv', { ...definition, columns: [...columns] }),
    onSuccess: ({ savedAs, rowCount }) => {
      if (!savedAs) return;
      onAnnounce(
        `Exported ${rowCount.toLocaleString()} ${rowCount === 1 ? 'case' : 'cases'} to ${savedAs}. The file is not encrypted: keep it somewhere safe.`,
        { isUndoable: false },
      );
    },
    onError: (error) => onAnnounce(`Export failed: ${error.message}`, { isUndoable: false }),
  });

  const deleteView = useMutation({
    mutationFn: (view: { id: number; name: string }) => callApi('caseload.deleteView', { viewId: view.id }),
    onSuccess: async (_nothing, view) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.views });
      onAnnounce(`View “${view.name}” deleted.`, { isUndoable: false });
      setViewChoice({ kind: 'built-in', id: 'all' });
    },
    onError: (error) => onAnnounce(`Could not delete the view: ${error.message}`, { isUndoable: false }),
  });

  function chooseView(choice: ViewChoice) {
    setViewChoice(choice);
    const next =
      choice.kind === 'built-in'
        ? builtInViews.find((view) => view.id === choice.id)!.definition(myAdvocateName)
        : savedViews.data?.find((view) => view.id === choice.id)?.definition;
    if (!next) return;
    setDefinition(next);
    setQuickFilterText(next.quickFilter ?? '');
    setSelectedIds(new Set());
  }

  function updateFilters(changes: Partial<CaseloadFilters>) {
    setDefinition((current) => ({ ...current, filters: { ...current.filters, ...changes } }));
    setSelectedIds(new Set());
  }

  function toggleStage(stage: CaseStage) {
    const current = definition.filters.stages ?? [];
    const next = current.includes(stage) ? current.filter((item) => item !== stage) : [...current, stage];
    updateFilters({ stages: next.length > 0 ? next : undefined });
  }

  function clearFilters() {
    setDefinition((current) => ({ ...current, filters: {}, quickFilter: null }));
    setQuickFilterText('');
    setViewChoice({ kind: 'built-in', id: 'all' });
  }

  function toggleSelected(caseId: number) {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(caseId)) next.add(caseId);
      return next;
    });
  }

  const total = summary.data?.total;
  const isFiltered = hasAnyFilter(definition);
  const isEmptyCaseload = total === 0 && !isFiltered && !summary.isPlaceholderData;
  const viewValue = viewChoice.kind === 'built-in' ? viewChoice.id : `saved-${viewChoice.id}`;
  const savedView =
    viewChoice.kind === 'saved' ? savedViews.data?.find((view) => view.id === viewChoice.id) : undefined;

  return (
    <section className={styles.view} aria-labelledby="caseload-title">
      <CaseloadHeader
        total={total}
        isFiltered={isFiltered}
        quickFilterText={quickFilterText}
        onQuickFilterTextChange={setQuickFilterText}
        filterRef={filterRef}
        tableRef={tableRef}
      />

      {!isEmptyCaseload && (
        <StageCounts
          counts={summary.data?.stageCounts ?? null}
          selected={definition.filters.stages}
          onToggle={toggleStage}
        />
      )}

      {!isEmptyCaseload && (
        <CaseloadFilterBar
          viewValue={viewValue}
          savedViews={savedViews.data ?? []}
          savedView={savedView}
          onChooseView={chooseView}
          onSaveView={() => setIsSaveViewOpen(true)}
          onDeleteView={(view) => deleteView.mutate(view)}
          filters={definition.filters}
          filterOptions={filterOptions.data}
          onUpdateFilters={updateFilters}
          isFiltered={isFiltered}
          onClearFilters={clearFilters}
          columns={columns}
          onColumnsChange={(next) => {
            setColumnsBeingSaved(next);
            savePreferences.mutate({ columns: next });
          }}
          onExport={() => exportCsv.mutate()}
          isExporting={exportCsv.isPending}
          canExport={Boolean(total)}
        />
      )}

      {viewChoice.kind === 'built-in' && viewChoice.id === 'my-urgent' && !myAdvocateName && (
        <MyNameForm
          onSave={(name) => {
            savePreferences.mutate(
              { myAdvocateName: name },
              {
                onSuccess: () =>
                  setDefinition(builtInViews.find((view) => view.id === 'my-urgent')!.definition(name)),
              },
            );
          }}
        />
      )}

      {selectedIds.size > 0 && (
        <BulkActions
          selectedIds={selectedIds}
          total={total ?? 0}
          definition={definition}
          onSelect={setSelectedIds}
          onDone={async (message, { isUndoable }) => {
            setSelectedIds(new Set());
            await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
            onAnnounce(message, { isUndoable });
          }}
        />
      )}

      {summary.isError && (
        <p role="alert" className={styles.loadError}>
          {summary.error.message}
        </p>
      )}
      {isEmptyCaseload &&
        (canEdit ? (
          <div className={styles.empty}>
            <h2>No cases yet</h2>
            <p>
              Add your first client and the treatment you are fighting for. Press <kbd>N</kbd> any time.
            </p>
            <Button variant="primary" onClick={onNewCase}>
              New case
            </Button>
          </div>
        ) : (
          <div className={styles.empty}>
            <h2>No case is shared with you</h2>
            <p>A supervisor shares a case with you for a time; it appears here until the share ends.</p>
          </div>
        ))}
      {total === 0 && isFiltered && (
        <div className={styles.empty}>
          <h2>No case matches this view</h2>
          <p>Loosen a filter above, or clear them all to see the whole caseload.</p>
          <Button variant="secondary" onClick={clearFilters}>
            Clear filters
          </Button>
        </div>
      )}
      {total !== undefined && total > 0 && (
        <CaseloadTable
          definition={definition}
          columns={columns}
          onSortingChange={(sorting: CaseloadSort[]) => setDefinition((current) => ({ ...current, sorting }))}
          selectedIds={selectedIds}
          onToggleSelected={toggleSelected}
          onOpen={(caseId) => navigate({ name: 'case', caseId, tab: 'timeline' })}
          tableRef={tableRef}
        />
      )}

      <SaveViewDialog
        open={isSaveViewOpen}
        onOpenChange={setIsSaveViewOpen}
        definition={definition}
        onSaved={async (view) => {
          await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.views });
          setViewChoice({ kind: 'saved', id: view.id });
          onAnnounce(`View “${view.name}” saved.`, { isUndoable: false });
        }}
      />
    </section>
  );
}
