import { z } from 'zod';
import { recordId } from './fields';

/** What global search can find. `document` is for the vault's provider (see src/core/search/search-providers.ts). */
export const searchKinds = ['client', 'case', 'event', 'document'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchKindLabels: Readonly<Record<SearchKind, string>> = {
  client: 'Clients',
  case: 'Cases',
  event: 'Timeline',
  document: 'Documents',
};

/** The case page's tabs, as in the renderer's routes (src/renderer/src/app/routes.ts). */
export const searchCaseTabs = ['timeline', 'coverage', 'providers', 'documents', 'deadlines'] as const;

export const searchInputSchema = z.strictObject({
  text: z
    .string({ error: 'Search text must be text.' })
    .max(200, 'Search text must be at most 200 characters (shorten it and try again).'),
  /** Results per kind. */
  limitPerKind: z.number().int().min(1).max(25).default(8),
});
export type SearchInput = z.input<typeof searchInputSchema>;

/** Where a result leads: a route of the renderer, by id only. */
export const searchTargetSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('case'), caseId: recordId('Case'), tab: z.enum(searchCaseTabs) }),
  z.object({ name: z.literal('client'), clientId: recordId('Client') }),
]);
export type SearchTarget = z.infer<typeof searchTargetSchema>;

/** A piece of a snippet; the matched words have `isMatch`. Plain text, never HTML. */
export const snippetSegmentSchema = z.object({ text: z.string(), isMatch: z.boolean() });
export type SnippetSegment = z.infer<typeof snippetSegmentSchema>;

export const searchResultSchema = z.object({
  kind: z.enum(searchKinds),
  /** The record's id within its kind. */
  id: z.number().int(),
  title: z.string(),
  /** One line of context: the case number and client of an event, a client's date of birth… */
  subtitle: z.string().nullable(),
  snippet: z.array(snippetSegmentSchema),
  target: searchTargetSchema,
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchGroupSchema = z.object({
  kind: z.enum(searchKinds),
  label: z.string(),
  results: z.array(searchResultSchema),
  /** True when there were more matches than shown: typing more narrows them. */
  hasMore: z.boolean(),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

export const searchOutputSchema = z.object({
  groups: z.array(searchGroupSchema),
});
export type SearchOutput = z.infer<typeof searchOutputSchema>;
