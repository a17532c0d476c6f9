import type { Kysely } from 'kysely';
import type { MediaType } from '../../shared/schemas/vault';
import type { AdvocaseDatabase } from '../db/schema';
import type { LetterLayout } from './letter-layout';
import { renderLetterPdf } from './letter-pdf';
import type { PacketEnclosure, PacketInput } from './submission-packet';

/** A packet's enclosure as it was chosen: the vault document and the title on the cover. */
export type RecipeEnclosure = { readonly id: number; readonly title: string; readonly mediaType: MediaType };

/**
 * What a file Advocase made was made from, kept beside the filed document (migration 0060) so an
 * attorney bundle can make it again with fields redacted, through the same renderers, instead of
 * sending the original (docs/security.md §2).
 */
export type GeneratedFileRecipe =
  | { readonly kind: 'letter_pdf' | 'letter_docx'; readonly layout: LetterLayout }
  | {
      readonly kind: 'submission_packet';
      /** The letter inside the packet, laid out as it was. */
      readonly layout: LetterLayout;
      readonly letterTitle: string;
      readonly cover: PacketInput['cover'];
      readonly enclosures: readonly RecipeEnclosure[];
      readonly footLabel: string;
    };

type Db = Kysely<AdvocaseDatabase>;

export async function recordGeneratedFile(
  db: Db,
  documentId: number,
  letterId: number,
  recipe: GeneratedFileRecipe,
): Promise<void> {
  const row = {
    document_id: documentId,
    letter_id: letterId,
    kind: recipe.kind,
    recipe: JSON.stringify(recipe),
    created_at: new Date().toISOString(),
  };
  // The same bytes filed twice are one document: the newest recipe describes it.
  await db
    .insertInto('generated_files')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .column('document_id')
        .doUpdateSet({ letter_id: letterId, kind: recipe.kind, recipe: row.recipe }),
    )
    .execute();
}

export async function generatedFileRecipes(
  db: Db,
  documentIds: readonly number[],
): Promise<Map<number, GeneratedFileRecipe>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('generated_files')
    .select(['document_id', 'recipe'])
    .where('document_id', 'in', [...documentIds])
    .execute();
  return new Map(rows.map((row) => [row.document_id, JSON.parse(row.recipe) as GeneratedFileRecipe]));
}

/** Every string in a JSON value passed through `change` (a letter's blocks, runs, lines, cover). */
function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, change)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]),
    ) as T;
  }
  return value;
}

/** An enclosure made again redacted when Advocase made it; null for a document from outside. */
export type RedactedEnclosure = (enclosure: RecipeEnclosure) => Promise<Uint8Array | null>;

export const leftOutOfRedactedPacket =
  'Redacted copy for an attorney: enclosures that came from outside Advocase are left out of this packet, because Advocase cannot redact them. They are in the bundle as their own exhibits if chosen, not redacted.';

/**
 * The file made again from its recipe with every redacted value scrubbed from every line the
 * renderers print (letterhead, RE: block, body, cover). A packet keeps the enclosures Advocase
 * made (themselves redacted) and leaves out the rest, saying so on its cover.
 */
export async function renderRedacted(
  recipe: GeneratedFileRecipe,
  scrub: (text: string) => string,
  redactedEnclosure: RedactedEnclosure,
): Promise<Uint8Array> {
  const layout = mapStrings(recipe.layout, scrub);
  switch (recipe.kind) {
    case 'letter_pdf':
      return (await renderLetterPdf(layout)).bytes;
    case 'letter_docx': {
      // docx and pdf-lib load with the first file that needs them, not at start (docs/performance.md, "Start").
      const { renderLetterDocx } = await import('./letter-docx');
      return renderLetterDocx(layout);
    }
    case 'submission_packet': {
      const enclosures: PacketEnclosure[] = [];
      let isAnyLeftOut = false;
      for (const enclosure of recipe.enclosures) {
        const bytes = await redactedEnclosure(enclosure);
        if (bytes === null) isAnyLeftOut = true;
        else
          enclosures.push({
            title: scrub(enclosure.title),
            mediaType: enclosure.mediaType,
            read: async () => bytes,
          });
      }
      const cover = mapStrings(recipe.cover, scrub);
      const { buildSubmissionPacket } = await import('./submission-packet');
      const packet = await buildSubmissionPacket({
        cover: isAnyLeftOut
          ? { ...cover, message: [cover.message, leftOutOfRedactedPacket].filter(Boolean).join('\n\n') }
          : cover,
        letter: {
          title: scrub(recipe.letterTitle),
          pdf: (await renderLetterPdf(layout, { showPageNumbers: false })).bytes,
        },
        enclosures,
        footLabel: scrub(recipe.footLabel),
      });
      return packet.bytes;
    }
  }
}
