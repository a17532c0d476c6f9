import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { planTypeLabels } from '@shared/domain/plan-types';
import { describeTreatment } from '@shared/domain/treatments';
import { caseloadColumnLabels, type CaseloadRow } from '@shared/schemas/caseload';
import { formatCalendarDate } from '../../lib/format-date';
import { ReadinessMeter } from '../evidence/ReadinessMeter';
import { NextDeadlineCell } from './NextDeadlineCell';
import { PriorityBadge } from './PriorityBadge';
import { StageBadge } from './StageBadge';

/** Sorting happens in the core (`caseload.query`); the table keeps the sort state, column order and visibility. */
export const caseloadFeatures = tableFeatures({
  rowSortingFeature,
  columnOrderingFeature,
  columnVisibilityFeature,
});

const column = createColumnHelper<typeof caseloadFeatures, CaseloadRow>();

const timestampFormatter = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

// Column ids are the core's sort keys (CaseloadColumnId), so a header click sorts the whole caseload.
export const caseloadColumns = column.columns([
  column.accessor('caseNumber', { header: caseloadColumnLabels.caseNumber }),
  column.accessor('clientName', { header: caseloadColumnLabels.clientName }),
  column.accessor((row) => describeTreatment(row.treatment, row.treatmentDetail), {
    id: 'treatment',
    header: caseloadColumnLabels.treatment,
  }),
  column.accessor((row) => row.payer ?? '—', { id: 'payer', header: caseloadColumnLabels.payer }),
  column.accessor((row) => (row.planType ? planTypeLabels[row.planType] : '—'), {
    id: 'planType',
    header: caseloadColumnLabels.planType,
  }),
  column.accessor('stage', {
    header: caseloadColumnLabels.stage,
    cell: (info) => <StageBadge stage={info.getValue()} />,
  }),
  column.accessor('priority', {
    header: caseloadColumnLabels.priority,
    cell: (info) => <PriorityBadge priority={info.getValue()} isUrgent={info.row.original.isUrgent} />,
  }),
  column.accessor('nextDeadlineOn', {
    id: 'nextDeadline',
    header: caseloadColumnLabels.nextDeadline,
    cell: (info) => <NextDeadlineCell row={info.row.original} />,
  }),
  column.accessor((row) => row.assignedAdvocate ?? 'Unassigned', {
    id: 'assignedAdvocate',
    header: caseloadColumnLabels.assignedAdvocate,
  }),
  column.accessor('openedOn', {
    header: caseloadColumnLabels.openedOn,
    cell: (info) => formatCalendarDate(info.getValue()),
  }),
  column.accessor('updatedAt', {
    header: caseloadColumnLabels.updatedAt,
    cell: (info) => timestampFormatter.format(new Date(info.getValue())),
  }),
  column.accessor('evidenceReadiness', {
    header: caseloadColumnLabels.evidenceReadiness,
    // Least ready first on the first click: the cases that need evidence gathered.
    sortDescFirst: false,
    cell: (info) => {
      const percent = info.getValue();
      return percent === null ? (
        <span aria-label="Closed: no readiness">—</span>
      ) : (
        <ReadinessMeter percent={percent} />
      );
    },
  }),
]);
