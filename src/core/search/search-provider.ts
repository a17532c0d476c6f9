import type { Kysely } from 'kysely';
import type { SearchKind, SearchResult } from '../../shared/schemas/search';
import type { AdvocaseDatabase } from '../db/schema';
import type { SearchTerms } from '../db/dialect/full-text-search';

/**
 * One source of global-search results. Another feature (the vault's documents) adds its own by
 * writing one of these and listing it in `searchProviders` (search-providers.ts): nothing else changes.
 */
export type SearchProvider = {
  readonly kind: SearchKind;
  /**
   * At most `limit` results, best first, never a trashed record; `hasMore` when more matched;
   * `isStrongMatch` when the best result holds every word in its name or title (its group is
   * then shown before groups that only matched in details).
   */
  search(
    db: Kysely<AdvocaseDatabase>,
    query: { readonly typed: string; readonly terms: SearchTerms },
    limit: number,
  ): Promise<{ results: SearchResult[]; hasMore: boolean; isStrongMatch: boolean }>;
};
