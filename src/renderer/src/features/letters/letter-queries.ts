/** Query keys shared by the letters screens, so a save refreshes every view of the same data. */
export const lettersOfCaseQueryKey = (caseId: number) => ['letters', 'case', caseId] as const;
export const letterQueryKey = (letterId: number) => ['letters', 'letter', letterId] as const;
export const letterTemplatesQueryKey = ['letterTemplates'] as const;
