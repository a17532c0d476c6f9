import type { Namespace } from './namespaces';

/** One entry per namespace, each holding only names under that namespace (`cases` → `cases.*`). */
export type ByNamespace<Entries extends { readonly [N in Namespace]: object }> = {
  readonly [N in Namespace]: {
    readonly [Name in keyof Entries[N]]: Name extends `${N}.${string}` ? Entries[N][Name] : never;
  };
};

/**
 * Checks (at compile time only) that `entries` has every namespace of the list and that each entry
 * holds only its own namespace's names.
 */
export function checkNamespaces<const Entries extends { readonly [N in Namespace]: object }>(
  entries: Entries & ByNamespace<Entries>,
): Entries {
  return entries;
}

type UnionToIntersection<Union> = (Union extends unknown ? (member: Union) => void : never) extends (
  member: infer Intersection,
) => void
  ? Intersection
  : never;

/** The entries of every namespace as one object, e.g. `{ 'cases.get': …, 'clients.get': … }`. */
export type Merged<Entries extends { readonly [N in Namespace]: object }> = {
  readonly [Name in keyof UnionToIntersection<Entries[Namespace]>]: UnionToIntersection<
    Entries[Namespace]
  >[Name];
};

/** Flattens the per-namespace record; names never collide because each carries its namespace. */
export function mergeNamespaces<const Entries extends { readonly [N in Namespace]: object }>(
  entries: Entries,
): Merged<Entries> {
  // The spread of every entry is exactly `Merged<Entries>`; TypeScript cannot follow a spread over a mapped key set.
  return Object.assign({}, ...Object.values(entries)) as Merged<Entries>;
}
