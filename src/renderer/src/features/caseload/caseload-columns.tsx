import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import { casePriorityLabels, caseStageLabels } from '@shared/domain/case-stages';
import { describeTreatment } from '@shared/domain/treatments';
import type { CaseSummary } from '@shared/schemas/cases';
import { formatCalendarDate } from '../../lib/format-date';
import { StageBadge } from './StageBadge';

export const caseloadFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
  filterFns: { includesString: filterFn_includesString },
});

const column = createColumnHelper<typeof caseloadFeatures, CaseSummary>();

// Accessors return what the user reads, so sorting and the quick filter work on the words shown.
export const caseloadColumns = column.columns([
  column.accessor('caseNumber', { header: 'Case', sortFn: 'alphanumeric' }),
  column.accessor('clientName', { header: 'Client', sortFn: 'text' }),
  column.accessor((row) => describeTreatment(row.treatment, row.treatmentDetail), {
    id: 'treatment',
    header: 'Treatment',
    sortFn: 'text',
  }),
  column.accessor((row) => row.payer ?? '', { id: 'payer', header: 'Payer', sortFn: 'text' }),
  column.accessor((row) => caseStageLabels[row.stage], {
    id: 'stage',
    header: 'Stage',
    sortFn: 'text',
    cell: (info) => <StageBadge stage={info.row.original.stage} />,
  }),
  column.accessor((row) => casePriorityLabels[row.priority], {
    id: 'priority',
    header: 'Priority',
    sortFn: 'text',
  }),
  column.accessor('openedOn', {
    header: 'Opened',
    sortFn: 'alphanumeric',
    cell: (info) => formatCalendarDate(info.getValue()),
  }),
]);
