import type { Kysely } from 'kysely';
import { redactableFields } from '../../shared/domain/redactable-fields';
import type { AdvocaseDatabase } from '../db/schema';
import { generatedFileRecipes, renderRedacted } from '../letters/generated-file-recipe';
import type { ReadExhibit } from './exhibit-bundle';
import type { Redactor } from './redaction';

export const regeneratedRedacted = 'Redacted (made again by Advocase)';
export const sentAsFiled = 'Not redacted (as filed)';

/**
 * How a bundle reads its exhibits (docs/security.md §2). With no redaction, each document as filed.
 * With redaction, every file Advocase made (letter PDF and DOCX, submission packet) is made again
 * from what it was made from, through the same renderers, with the redacted values scrubbed;
 * documents that came from outside are sent as filed and marked so in the manifest and index.
 */
export async function redactingReader(
  db: Kysely<AdvocaseDatabase>,
  redactor: Redactor,
  documentIds: readonly number[],
  readAsFiled: (documentId: number) => Promise<Uint8Array>,
): Promise<ReadExhibit> {
  const isRedacting = redactableFields.some(redactor.isRedacted);
  if (!isRedacting) {
    return async (exhibit) => ({ bytes: await readAsFiled(exhibit.document.id), redaction: null });
  }
  const recipes = await generatedFileRecipes(db, documentIds);
  return async (exhibit) => {
    const recipe = recipes.get(exhibit.document.id);
    if (!recipe) return { bytes: await readAsFiled(exhibit.document.id), redaction: sentAsFiled };
    const bytes = await renderRedacted(recipe, redactor.scrub, async (enclosure) => {
      // A letter enclosed in a packet is made again redacted too; a packet inside a packet is not.
      const enclosed = recipes.get(enclosure.id);
      return enclosed && enclosed.kind !== 'submission_packet'
        ? renderRedacted(enclosed, redactor.scrub, async () => null)
        : null;
    });
    return { bytes, redaction: regeneratedRedacted };
  };
}
