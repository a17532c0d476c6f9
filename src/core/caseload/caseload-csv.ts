import { caseStageLabels, casePriorityLabels } from '../../shared/domain/case-stages';
import { planTypeLabels } from '../../shared/domain/plan-types';
import { describeTreatment } from '../../shared/domain/treatments';
import { caseloadColumnLabels, type CaseloadColumnId, type CaseloadRow } from '../../shared/schemas/caseload';

/** Each column as a person reads it on screen; dates stay YYYY-MM-DD so spreadsheets sort them. */
const cellText: Readonly<Record<CaseloadColumnId, (row: CaseloadRow) => string>> = {
  caseNumber: (row) => row.caseNumber,
  clientName: (row) => row.clientName,
  treatment: (row) => describeTreatment(row.treatment, row.treatmentDetail),
  payer: (row) => row.payer ?? '',
  planType: (row) => (row.planType ? planTypeLabels[row.planType] : ''),
  stage: (row) => caseStageLabels[row.stage],
  priority: (row) =>
    casePriorityLabels[row.priority] + (row.isUrgent && row.priority !== 'urgent' ? ' (urgent)' : ''),
  nextDeadline: (row) =>
    [row.nextDeadlineOn ?? '', row.overdueCount > 0 ? `(${row.overdueCount} overdue)` : '']
      .filter(Boolean)
      .join(' '),
  assignedAdvocate: (row) => row.assignedAdvocate ?? '',
  openedOn: (row) => row.openedOn,
  updatedAt: (row) => row.updatedAt.slice(0, 10),
  evidenceReadiness: (row) => `${row.evidenceReadiness}%`,
};

/**
 * RFC 4180 quoting. A cell starting with = + - @ (or a tab or carriage return) is prefixed with
 * an apostrophe so a spreadsheet shows it as text instead of running it as a formula
 * (OWASP, "CSV Injection").
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function caseloadCsv(rows: readonly CaseloadRow[], columns: readonly CaseloadColumnId[]): string {
  const lines = [columns.map((column) => csvCell(caseloadColumnLabels[column])).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(cellText[column](row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
