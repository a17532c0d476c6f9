import { queryClient } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';

export async function refreshResources(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: queryKeys.resources.all });
}
