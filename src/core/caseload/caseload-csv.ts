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
  evidenceReadiness: (row) => (row.evidenceReadiness === null ? '' : `${row.evidenceReadiness}%`),
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

/** About how much text is gathered before it is written: few writes, and memory that does not grow with the view. */
const bytesPerWrite = 64 * 1024;

/**
 * Writes the CSV of `rows` (the columns given, in that order) to `destination` as the rows come,
 * a batch of lines at a time, and returns how many rows it wrote. Closes the stream when done.
 */
export async function writeCaseloadCsv(
  rows: AsyncIterable<CaseloadRow>,
  columns: readonly CaseloadColumnId[],
  destination: WritableStream<Uint8Array>,
): Promise<number> {
  const writer = destination.getWriter();
  const encoder = new TextEncoder();
  let pending = `${columns.map((column) => csvCell(caseloadColumnLabels[column])).join(',')}\r\n`;
  let rowCount = 0;
  try {
    for await (const row of rows) {
      pending += `${columns.map((column) => csvCell(cellText[column](row))).join(',')}\r\n`;
      rowCount += 1;
      // The first row goes out as soon as it is read, so the file fills from the start.
      if (rowCount === 1 || pending.length >= bytesPerWrite) {
        await writer.write(encoder.encode(pending));
        pending = '';
      }
    }
    if (pending.length > 0) await writer.write(encoder.encode(pending));
    await writer.close();
    return rowCount;
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
}
