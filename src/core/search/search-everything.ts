import type { Kysely } from 'kysely';
import { searchKindLabels, type SearchGroup, type SearchOutput } from '../../shared/schemas/search';
import type { AdvocaseDatabase } from '../db/schema';
import { toSearchTerms } from './search-terms';
import { searchProviders, type SearchProvider } from './search-providers';

/**
 * Global search: asks every provider for its best few results and returns one group per kind
 * that found something; groups whose best result matched by name come first, then the
 * providers' order.
 */
export async function searchEverything(
  db: Kysely<AdvocaseDatabase>,
  input: { readonly text: string; readonly limitPerKind: number },
  providers: readonly SearchProvider[] = searchProviders,
): Promise<SearchOutput> {
  const terms = toSearchTerms(input.text);
  if (!terms) return { groups: [] };
  const found: Array<SearchGroup & { isStrongMatch: boolean; order: number }> = [];
  // One after another: the database is one connection, so running them together gains nothing.
  for (const [order, provider] of providers.entries()) {
    const { results, hasMore, isStrongMatch } = await provider.search(
      db,
      { typed: input.text, terms },
      input.limitPerKind,
    );
    if (results.length === 0) continue;
    found.push({
      kind: provider.kind,
      label: searchKindLabels[provider.kind],
      results,
      hasMore,
      isStrongMatch,
      order,
    });
  }
  found.sort((a, b) => Number(b.isStrongMatch) - Number(a.isStrongMatch) || a.order - b.order);
  return { groups: found.map(({ kind, label, results, hasMore }) => ({ kind, label, results, hasMore })) };
}
