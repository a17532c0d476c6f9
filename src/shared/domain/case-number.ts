/** Case numbers identify a case without naming the client (calendar entries, file names, exports). */
export function formatCaseNumber(caseId: number): string {
  return `C-${String(caseId).padStart(5, '0')}`;
}
