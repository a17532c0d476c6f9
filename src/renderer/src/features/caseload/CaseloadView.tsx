import { useMutation, useQuery } from '@tanstack/react-query';
import { Download, Search, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  caseStageLabels,
  casePriorities,
  casePriorityLabels,
  caseStages,
  type CaseStage,
} from '@shared/domain/case-stages';
import { planTypeLabels, planTypes } from '@shared/domain/plan-types';
import { treatmentKinds, treatmentLabels } from '@shared/domain/treatments';
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
import { callApi } from '../../lib/api';
import { isTypingInField } from '../../lib/keyboard';
import { BulkActions } from './BulkActions';
import { builtInViews, type BuiltInViewId } from './built-in-views';
import { CaseloadTable } from './CaseloadTable';
import { ColumnChooser } from './ColumnChooser';
import { FilterMenu } from './FilterMenu';
import { SaveViewDialog } from './SaveViewDialog';
import { StageCounts } from './StageCounts';
import { useCaseloadSummary } from './use-caseload-window';
import styles from './Caseload.module.css';
import { queryKeys } from '../../lib/query-keys';

/**
 * Where the user was (view, filters, sort), kept while they open a case and come back. It sits in
 * the query cache, so locking forgets it with the records (the quick filter may hold a name).
 */
type ViewState = { readonly choice: ViewChoice; readonly definition: CaseloadViewDefinition };

type ViewChoice =
  { readonly kind: 'built-in'; readonly id: BuiltInViewId } | { readonly kind: 'saved'; readonly id: number };

const stageOptions = caseStages.map((stage) => ({ value: stage, label: caseStageLabels[stage] }));
const planTypeOptions = planTypes.map((planType) => ({ value: planType, label: planTypeLabels[planType] }));
const treatmentOptions = treatmentKinds.map((kind) => ({ value: kind, label: treatmentLabels[kind] }));
const priorityOptions = casePriorities.map((priority) => ({
  value: priority,
  label: casePriorityLabels[priority],
}));

function hasAnyFilter(definition: CaseloadViewDefinition): boolean {
  return (
    Boolean(definition.quickFilter) || Object.values(definition.filters).some((value) => value !== undefined)
  );
}

function saveCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The file is handed over; the copy in memory can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CaseloadView({
  onNewCase,
  onAnnounce = () => undefined,
}: {
  onNewCase: () => void;
  onAnnounce?: (message: string) => void;
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
    queryFn: () => callApi('caseload.filterOptions', {}),
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
  const columns: readonly CaseloadColumnId[] = preferences.data?.columns ?? defaultCaseloadColumns;
  const myAdvocateName = preferences.data?.myAdvocateName ?? null;

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
    onMutate: (changes) => {
      const current = queryClient.getQueryData<typeof preferences.data>(queryKeys.caseload.preferences);
      if (current) queryClient.setQueryData(queryKeys.caseload.preferences, { ...current, ...changes });
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.caseload.preferences, saved),
    onError: (error) => onAnnounce(`Could not save the columns: ${error.message}`),
  });

  const exportCsv = useMutation({
    mutationFn: () => callApi('caseload.exportCsv', { ...definition, columns: [...columns] }),
    onSuccess: ({ fileName, csv, rowCount }) => {
      saveCsv(fileName, csv);
      onAnnounce(
        `Exported ${rowCount.toLocaleString()} ${rowCount === 1 ? 'case' : 'cases'} to ${fileName}. The file is not encrypted: keep it somewhere safe.`,
      );
    },
    onError: (error) => onAnnounce(`Export failed: ${error.message}`),
  });

  const deleteView = useMutation({
    mutationFn: (view: { id: number; name: string }) => callApi('caseload.deleteView', { viewId: view.id }),
    onSuccess: async (_nothing, view) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.views });
      onAnnounce(`View “${view.name}” deleted.`);
      setViewChoice({ kind: 'built-in', id: 'all' });
    },
    onError: (error) => onAnnounce(`Could not delete the view: ${error.message}`),
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

  const advocateOptions = useMemo(
    () => [
      { value: null, label: 'Unassigned' },
      ...(filterOptions.data?.advocates ?? []).map((name) => ({ value: name, label: name })),
    ],
    [filterOptions.data],
  );
  const payerOptions = useMemo(
    () => (filterOptions.data?.payers ?? []).map((payer) => ({ value: payer, label: payer })),
    [filterOptions.data],
  );

  const total = summary.data?.total;
  const isFiltered = hasAnyFilter(definition);
  const isEmptyCaseload = total === 0 && !isFiltered && !summary.isPlaceholderData;
  const viewValue = viewChoice.kind === 'built-in' ? viewChoice.id : `saved-${viewChoice.id}`;
  const savedView =
    viewChoice.kind === 'saved' ? savedViews.data?.find((view) => view.id === viewChoice.id) : undefined;

  return (
    <section className={styles.view} aria-labelledby="caseload-title">
      <div className={styles.toolbar}>
        <div>
          <h1 id="caseload-title" className={styles.title}>
            Caseload
          </h1>
          <p className={styles.subtitle} data-testid="caseload-count">
            {total === undefined
              ? 'Loading cases…'
              : isFiltered
                ? `${total.toLocaleString()} ${total === 1 ? 'case matches' : 'cases match'}`
                : `${total.toLocaleString()} ${total === 1 ? 'case' : 'cases'}`}
          </p>
        </div>
        <label className={styles.search}>
          <Search aria-hidden size={16} />
          <span className="visually-hidden">Filter cases</span>
          <input
            ref={filterRef}
            type="search"
            placeholder="Filter by client, payer, advocate, case number…"
            value={quickFilterText}
            onChange={(event) => setQuickFilterText(event.target.value)}
            onKeyDown={(event) => {
              // Down arrow (or Enter) from the filter goes to the table, ready for j/k and Enter.
              if (event.key === 'ArrowDown' || event.key === 'Enter') {
                event.preventDefault();
                tableRef.current?.focus();
              }
            }}
            aria-keyshortcuts="/"
          />
          <kbd aria-hidden>/</kbd>
        </label>
      </div>

      {!isEmptyCaseload && (
        <StageCounts
          counts={summary.data?.stageCounts ?? null}
          selected={definition.filters.stages}
          onToggle={toggleStage}
        />
      )}

      {!isEmptyCaseload && (
        <div className={styles.filterBar} role="toolbar" aria-label="Views and filters">
          <label className={styles.viewPicker}>
            <span>View</span>
            <select
              value={viewValue}
              onChange={(event) => {
                const value = event.target.value;
                chooseView(
                  value.startsWith('saved-')
                    ? { kind: 'saved', id: Number(value.slice('saved-'.length)) }
                    : { kind: 'built-in', id: value as BuiltInViewId },
                );
              }}
            >
              {builtInViews.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.name}
                </option>
              ))}
              {(savedViews.data?.length ?? 0) > 0 && (
                <optgroup label="Saved views">
                  {savedViews.data?.map((view) => (
                    <option key={view.id} value={`saved-${view.id}`}>
                      {view.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <Button variant="quiet" onClick={() => setIsSaveViewOpen(true)}>
            Save view…
          </Button>
          {savedView && (
            <Button variant="quiet" onClick={() => deleteView.mutate(savedView)}>
              Delete view
            </Button>
          )}
          <span className={styles.divider} aria-hidden />
          <FilterMenu
            title="Stage"
            options={stageOptions}
            selected={definition.filters.stages}
            onChange={(stages) => updateFilters({ stages })}
          />
          <FilterMenu
            title="Payer"
            options={payerOptions}
            selected={definition.filters.payers}
            onChange={(payers) => updateFilters({ payers })}
          />
          <FilterMenu
            title="Plan type"
            options={planTypeOptions}
            selected={definition.filters.planTypes}
            onChange={(values) => updateFilters({ planTypes: values })}
          />
          <FilterMenu
            title="Treatment"
            options={treatmentOptions}
            selected={definition.filters.treatments}
            onChange={(treatments) => updateFilters({ treatments })}
          />
          <FilterMenu
            title="Advocate"
            options={advocateOptions}
            selected={definition.filters.advocates}
            onChange={(advocates) => updateFilters({ advocates })}
          />
          <FilterMenu
            title="Priority"
            options={priorityOptions}
            selected={definition.filters.priorities}
            onChange={(priorities) => updateFilters({ priorities })}
          />
          <label
            className={definition.filters.isUrgent ? `${styles.chip} ${styles.chipActive}` : styles.chip}
          >
            <input
              type="checkbox"
              checked={definition.filters.isUrgent === true}
              onChange={(event) => updateFilters({ isUrgent: event.target.checked ? true : undefined })}
            />
            Urgent only
          </label>
          <label
            className={
              definition.filters.hasOverdueDeadline ? `${styles.chip} ${styles.chipActive}` : styles.chip
            }
          >
            <input
              type="checkbox"
              checked={definition.filters.hasOverdueDeadline === true}
              onChange={(event) =>
                updateFilters({ hasOverdueDeadline: event.target.checked ? true : undefined })
              }
            />
            Overdue deadline
          </label>
          {isFiltered && (
            <Button variant="quiet" onClick={clearFilters}>
              <X aria-hidden size={14} /> Clear filters
            </Button>
          )}
          <span className={styles.spacer} />
          <ColumnChooser columns={columns} onChange={(next) => savePreferences.mutate({ columns: next })} />
          <Button
            variant="secondary"
            onClick={() => exportCsv.mutate()}
            disabled={exportCsv.isPending || !total}
            title="Save the cases of this view as a CSV file (not encrypted)"
          >
            <Download aria-hidden size={16} /> {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
          </Button>
        </div>
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
          onDone={async (message) => {
            setSelectedIds(new Set());
            await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
            onAnnounce(message);
          }}
        />
      )}

      {summary.isError && (
        <p role="alert" className={styles.loadError}>
          {summary.error.message}
        </p>
      )}
      {isEmptyCaseload && (
        <div className={styles.empty}>
          <h2>No cases yet</h2>
          <p>
            Add your first client and the treatment you are fighting for. Press <kbd>N</kbd> any time.
          </p>
          <Button variant="primary" onClick={onNewCase}>
            New case
          </Button>
        </div>
      )}
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
          onAnnounce(`View “${view.name}” saved.`);
        }}
      />
    </section>
  );
}

function MyNameForm({ onSave }: { onSave: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form
      className={styles.notice}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
    >
      <span>
        Showing every urgent case. To see only yours, give your name as it appears in the Advocate column:
      </span>
      <label>
        <span className="visually-hidden">Your name as advocate</span>
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Your name" />
      </label>
      <Button type="submit" variant="secondary">
        Save
      </Button>
    </form>
  );
}
