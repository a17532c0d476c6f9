import type { Letter } from '@shared/schemas/letters';
import { refreshQueries } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';

/** After a file is made: the case's documents and timeline have a new entry, the letter may read sent. */
export async function refreshAfterOutput(letter: Letter): Promise<void> {
  await refreshQueries(
    queryKeys.letters.letter(letter.id),
    queryKeys.letters.ofCase(letter.caseId),
    queryKeys.vault.all,
    queryKeys.events.all,
  );
}
