import { Download, X } from 'lucide-react';
import { useMemo } from 'react';
import { caseStageLabels, casePriorities, casePriorityLabels, caseStages } from '@shared/domain/case-stages';
import { planTypeLabels, planTypes } from '@shared/domain/plan-types';
import { treatmentKinds, treatmentLabels } from '@shared/domain/treatments';
import type { MethodOutput } from '@shared/contract';
import type { CaseloadColumnId, CaseloadFilters } from '@shared/schemas/caseload';
import { Button } from '../../components/Button';
import { builtInViews, type BuiltInViewId } from './built-in-views';
import { ColumnChooser } from './ColumnChooser';
import { FilterMenu } from './FilterMenu';
import type { ViewChoice } from './view-choice';
import styles from './Caseload.module.css';

const stageOptions = caseStages.map((stage) => ({ value: stage, label: caseStageLabels[stage] }));
const planTypeOptions = planTypes.map((planType) => ({ value: planType, label: planTypeLabels[planType] }));
const treatmentOptions = treatmentKinds.map((kind) => ({ value: kind, label: treatmentLabels[kind] }));
const priorityOptions = casePriorities.map((priority) => ({
  value: priority,
  label: casePriorityLabels[priority],
}));

type SavedView = { readonly id: number; readonly name: string };

type Props = {
  readonly viewValue: string;
  readonly savedViews: readonly SavedView[];
  readonly savedView: SavedView | undefined;
  readonly onChooseView: (choice: ViewChoice) => void;
  readonly onSaveView: () => void;
  readonly onDeleteView: (view: SavedView) => void;
  readonly filters: CaseloadFilters;
  readonly filterOptions: MethodOutput<'caseload.filterOptions'> | undefined;
  readonly onUpdateFilters: (changes: Partial<CaseloadFilters>) => void;
  readonly isFiltered: boolean;
  readonly onClearFilters: () => void;
  readonly columns: readonly CaseloadColumnId[];
  readonly onColumnsChange: (columns: CaseloadColumnId[]) => void;
  readonly onExport: () => void;
  readonly isExporting: boolean;
  readonly canExport: boolean;
};

/** The view picker, a menu per filter and the on/off filter chips, the column chooser and the CSV export. */
export function CaseloadFilterBar({
  viewValue,
  savedViews,
  savedView,
  onChooseView,
  onSaveView,
  onDeleteView,
  filters,
  filterOptions,
  onUpdateFilters,
  isFiltered,
  onClearFilters,
  columns,
  onColumnsChange,
  onExport,
  isExporting,
  canExport,
}: Props) {
  const advocateOptions = useMemo(
    () => [
      { value: null, label: 'Unassigned' },
      ...(filterOptions?.advocates ?? []).map((name) => ({ value: name, label: name })),
    ],
    [filterOptions],
  );
  const payerOptions = useMemo(
    () => (filterOptions?.payers ?? []).map((payer) => ({ value: payer, label: payer })),
    [filterOptions],
  );
  return (
    <div className={styles.filterBar} role="toolbar" aria-label="Views and filters">
      <label className={styles.viewPicker}>
        <span>View</span>
        <select
          value={viewValue}
          onChange={(event) => {
            const value = event.target.value;
            onChooseView(
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
          {savedViews.length > 0 && (
            <optgroup label="Saved views">
              {savedViews.map((view) => (
                <option key={view.id} value={`saved-${view.id}`}>
                  {view.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <Button variant="quiet" onClick={onSaveView}>
        Save view…
      </Button>
      {savedView && (
        <Button variant="quiet" onClick={() => onDeleteView(savedView)}>
          Delete view
        </Button>
      )}
      <span className={styles.divider} aria-hidden />
      <FilterMenu
        title="Stage"
        options={stageOptions}
        selected={filters.stages}
        onChange={(stages) => onUpdateFilters({ stages })}
      />
      <FilterMenu
        title="Payer"
        options={payerOptions}
        selected={filters.payers}
        onChange={(payers) => onUpdateFilters({ payers })}
      />
      <FilterMenu
        title="Plan type"
        options={planTypeOptions}
        selected={filters.planTypes}
        onChange={(values) => onUpdateFilters({ planTypes: values })}
      />
      <FilterMenu
        title="Treatment"
        options={treatmentOptions}
        selected={filters.treatments}
        onChange={(treatments) => onUpdateFilters({ treatments })}
      />
      <FilterMenu
        title="Advocate"
        options={advocateOptions}
        selected={filters.advocates}
        onChange={(advocates) => onUpdateFilters({ advocates })}
      />
      <FilterMenu
        title="Priority"
        options={priorityOptions}
        selected={filters.priorities}
        onChange={(priorities) => onUpdateFilters({ priorities })}
      />
      <label className={filters.isUrgent ? `${styles.chip} ${styles.chipActive}` : styles.chip}>
        <input
          type="checkbox"
          checked={filters.isUrgent === true}
          onChange={(event) => onUpdateFilters({ isUrgent: event.target.checked ? true : undefined })}
        />
        Urgent only
      </label>
      <label className={filters.hasOverdueDeadline ? `${styles.chip} ${styles.chipActive}` : styles.chip}>
        <input
          type="checkbox"
          checked={filters.hasOverdueDeadline === true}
          onChange={(event) =>
            onUpdateFilters({ hasOverdueDeadline: event.target.checked ? true : undefined })
          }
        />
        Overdue deadline or follow-up
      </label>
      {isFiltered && (
        <Button variant="quiet" onClick={onClearFilters}>
          <X aria-hidden size={14} /> Clear filters
        </Button>
      )}
      <span className={styles.spacer} />
      <ColumnChooser columns={columns} onChange={onColumnsChange} />
      <Button
        variant="secondary"
        onClick={onExport}
        disabled={isExporting || !canExport}
        title="Save the cases of this view as a CSV file (not encrypted)"
      >
        <Download aria-hidden size={16} /> {isExporting ? 'Exporting…' : 'Export CSV'}
      </Button>
    </div>
  );
}
