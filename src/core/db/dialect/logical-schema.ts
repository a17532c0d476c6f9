import type { Kysely } from 'kysely';

/**
 * A store's schema as the application sees it, free of how an engine stores it: what two engines'
 * migration chains must agree on (docs/architecture.md, "two chains, checked to match"). Indexes
 * that only speed queries up are left out (each engine indexes in its own way), and so are the
 * engine's own full-text tables (`DerivedTableUpkeep` says what they follow).
 */
export type LogicalType = 'text' | 'integer' | 'real' | 'blob';

export type LogicalColumn = {
  readonly name: string;
  readonly type: LogicalType;
  readonly isNullable: boolean;
  readonly hasDefault: boolean;
};

/** What happens to a row when the row it refers to is deleted. */
export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export type LogicalForeignKey = {
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
};

export type LogicalTable = {
  readonly name: string;
  /** By name, so the order columns were added in does not count. */
  readonly columns: readonly LogicalColumn[];
  readonly primaryKey: readonly string[];
  readonly uniqueKeys: ReadonlyArray<readonly string[]>;
  readonly foreignKeys: readonly LogicalForeignKey[];
};

/** Tables by name. */
export type LogicalSchema = { readonly tables: readonly LogicalTable[] };

export type ReadLogicalSchema = <Database>(db: Kysely<Database>) => Promise<LogicalSchema>;
