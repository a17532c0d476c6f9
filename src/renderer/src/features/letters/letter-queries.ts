import type { Letter } from '@shared/schemas/letters';
import { queryClient } from '../../app/query-client';

/** Query keys shared by the letters screens, so a save refreshes every view of the same data. */
export const lettersOfCaseQueryKey = (caseId: number) => ['letters', 'case', caseId] as const;
export const letterQueryKey = (letterId: number) => ['letters', 'letter', letterId] as const;
export const letterTemplatesQueryKey = ['letterTemplates'] as const;

/** After a file is made: the case's documents and timeline have a new entry, the letter may read sent. */
export async function refreshAfterOutput(letter: Letter): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: letterQueryKey(letter.id) }),
    queryClient.invalidateQueries({ queryKey: lettersOfCaseQueryKey(letter.caseId) }),
    queryClient.invalidateQueries({ queryKey: ['vault'] }),
    queryClient.invalidateQueries({ queryKey: ['events'] }),
  ]);
}
