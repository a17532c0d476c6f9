import type { Migration } from 'kysely';
import type { CaseInsensitiveText } from './case-insensitive-text';
import type { CaseloadChanges } from './caseload-changes';
import type { ChainAppend } from './chain-append';
import type { DerivedTableUpkeep } from './derived-tables';
import type { FullTextSearch } from './full-text-search';
import type { JsonField } from './json-field';
import type { NullOrdering } from './null-ordering';
import type { ReadLogicalSchema } from './logical-schema';
import type { QueryPlanHints } from './query-plan-hints';
import type { RowVisibility } from './row-visibility';
import type { RecordEditing } from './record-editing';

/**
 * Everything the core's queries need that SQL engines write differently. Services stay written
 * once with Kysely; where they need one of these they ask `dialectOf(db)`.
 */
export type DatabaseDialect = {
  readonly fullTextSearch: FullTextSearch;
  readonly caseInsensitiveText: CaseInsensitiveText;
  readonly jsonField: JsonField;
  readonly queryPlanHints: QueryPlanHints;
  readonly nullOrdering: NullOrdering;
  readonly derivedTables: DerivedTableUpkeep;
  readonly chainAppend: ChainAppend;
  readonly caseloadChanges: CaseloadChanges;
  readonly rowVisibility: RowVisibility;
  readonly recordEditing: RecordEditing;
  /**
   * The engine's migration chain, by migration name: the SQLite chain with its history, or the
   * PostgreSQL chain from its baseline. Both name their last step alike (one schema version).
   */
  readonly migrations: Readonly<Record<string, Migration>>;
  /** What the two engines' migration chains must agree on. */
  readonly readLogicalSchema: ReadLogicalSchema;
};
