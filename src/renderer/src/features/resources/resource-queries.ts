import { queryClient } from '../../app/query-client';

export const caseResourcesQueryKey = (caseId: number) => ['resources', 'case', caseId] as const;

export async function refreshResources(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['resources'] });
}
