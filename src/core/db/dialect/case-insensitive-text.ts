import type { Expression, RawBuilder } from 'kysely';

/**
 * Comparing and sorting text regardless of case, which SQL engines do differently (SQLite's LIKE
 * ignores the case of ASCII letters and sorts with `collate nocase`; PostgreSQL's LIKE does not,
 * and sorts with `lower()` or a case-insensitive collation).
 */
export type CaseInsensitiveText = {
  /** True when the text holds `fragment` anywhere, ignoring case; `%`, `_` and `\` in it are plain characters. */
  readonly contains: (text: Expression<string | null>, fragment: string) => RawBuilder<boolean>;
  /**
   * The rowids of a trigram index's rows whose `text` holds `fragment`, as `contains` would find
   * them but without reading every row; null where the engine cannot look this fragment up (then
   * use `contains`).
   */
  readonly rowidsContaining: (trigramIndex: string, fragment: string) => RawBuilder<number> | null;
  /** A sort key ordering text alphabetically, ignoring case ("adapt" before "Bridge"). */
  readonly sortKey: (text: Expression<string | null>) => RawBuilder<string>;
};

/** A LIKE pattern matching `fragment` anywhere, with its wildcard characters escaped by `\`. */
export function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
