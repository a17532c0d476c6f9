import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { deriveSubkey } from '../crypto/key-derivation';
import { Keyring } from '../crypto/keyring';
import { dialectOf } from '../db/dialect/dialect-of';
import type { LogicalTable } from '../db/dialect/logical-schema';
import { readSqliteLogicalSchema } from '../db/dialect/sqlite/read-sqlite-logical-schema';
import { sqliteDerivedTables } from '../db/dialect/sqlite/sqlite-derived-tables';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { openPostgresStore, openStore, type Store } from '../db/store';
import { AppError } from '../errors';
import { isKeyRotationPending } from '../session/key-rotation';
import { dataFilePaths } from '../storage/data-directory';
import { localStoredFiles } from '../vault/local-stored-files';
import { addressOfUrl, describeTeamDatabaseFailure, TeamModeError } from './team-mode-error';
import { teamStoredFiles } from './team-stored-files';

/**
 * Moving in (docs/team-mode.md, "Moving in"): an independent advocate's local store, its vault
 * included, copied into the team database under the person's own login, in one transaction. The
 * tables are copied as the local schema declares them, each row under a new id with every
 * reference to it rewritten, so the ids the team already uses are never touched. The local store
 * is only read; it stays as it was until its owner deletes it.
 */

type Db = Kysely<AdvocaseDatabase>;
type Row = Record<string, unknown>;

/**
 * Not copied: what the team database keeps by itself (the caseload's rows, counts and changes,
 * kept by its triggers), the local history (its audit log and Undo groups stay in the local
 * store; the team's own trail records every row as it arrives), and the person's own settings and
 * saved views, which a team keeps as its shared reference.
 */
export const tablesNotMoved: readonly string[] = [
  // The derived tables' own list, so a table kept by triggers later is never copied over the
  // team's triggers (which would count it twice, or be refused to a navigator's login).
  ...sqliteDerivedTables.derivedTables.map((derived) => derived.table),
  'audit_log',
  'edit_groups',
  'settings',
  'caseload_views',
  'import_mappings',
  'evidence_pack_edits',
];

/**
 * References the schema does not declare as foreign keys (`table.column` → the table whose id it
 * holds). A JSON column names where in it the ids are: `path` walks its keys, `*` stepping into
 * each item of a list (`['*']` is a list of ids). A test checks that every `…_id` column is either
 * a foreign key, listed here, or in `notReferences`; the JSON columns are found by their schemas
 * (src/shared/schemas/events.ts: a letter's entries name their filed document;
 * src/core/letters/generated-file-recipe.ts: a packet's enclosures; plan-comparison.ts: a
 * candidate plan's provider networks).
 */
export const looseReferences: Readonly<Record<string, { table: string; path?: readonly string[] }>> = {
  'cases.coverage_id': { table: 'coverages' },
  'cases.provider_id': { table: 'providers' },
  'cases.stage_kept_against_event_id': { table: 'events' },
  'case_deadlines.source_event_id': { table: 'events' },
  'funding_options.document_ids': { table: 'documents', path: ['*'] },
  'letters.enclosure_document_ids': { table: 'documents', path: ['*'] },
  'events.details': { table: 'documents', path: ['documentId'] },
  'generated_files.recipe': { table: 'documents', path: ['enclosures', '*', 'id'] },
  'candidate_plans.fields': { table: 'providers', path: ['providerNetworks', '*', 'providerId'] },
};

/** Columns named like references that hold no row's id (a plan's member number, text keys, a file name). */
export const notReferences: readonly string[] = [
  'coverages.member_id',
  'vault_blobs.storage_id',
  'letters.template_id',
  'case_criteria_choices.set_id',
  'case_criterion_judgements.set_id',
  'case_criterion_judgements.criterion_id',
];

export type ImportedCounts = Readonly<Record<string, number>>;

export type LocalImportReport = {
  /** Rows moved, by table (tables with none left out). */
  readonly counts: ImportedCounts;
  readonly documentFiles: number;
  readonly documentBytes: number;
};

type Reference = {
  readonly column: string;
  readonly table: string;
  /** Where the ids are in the column's JSON; null for a column holding one id. */
  readonly path: readonly string[] | null;
};

/** Each table's references to other tables' ids, declared or loose. */
function referencesOf(table: LogicalTable): Reference[] {
  const declared = table.foreignKeys
    .filter((key) => key.columns.length === 1 && key.referencedColumns[0] === 'id')
    .map((key) => ({ column: key.columns[0]!, table: key.referencedTable, path: null }));
  const loose = Object.entries(looseReferences)
    .filter(([name]) => name.startsWith(`${table.name}.`))
    .map(([name, target]) => ({
      column: name.slice(table.name.length + 1),
      table: target.table,
      path: target.path ?? null,
    }));
  return [...declared, ...loose];
}

/** Tables in an order where each comes after those its declared foreign keys name. */
function copyOrder(tables: readonly LogicalTable[]): LogicalTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: LogicalTable[] = [];
  const placed = new Set<string>();
  const place = (table: LogicalTable, path: ReadonlySet<string>) => {
    if (placed.has(table.name) || path.has(table.name)) return;
    for (const key of table.foreignKeys) {
      const target = byName.get(key.referencedTable);
      if (target && target !== table) place(target, new Set([...path, table.name]));
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) place(table, new Set());
  return ordered;
}

/** The local store's fingerprint: the hash of its audit log's first entry, which nothing changes. */
async function fingerprintOf(db: Db): Promise<string> {
  const first = await db
    .selectFrom('audit_log')
    .select('entry_hash')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!first) {
    throw new AppError('INVALID_INPUT', 'This local store holds nothing to move: it has no records yet.');
  }
  return first.entry_hash;
}

async function openLocalStore(
  dataDirectory: string,
  passphrase: string,
): Promise<{ store: Store; dataKey: Buffer }> {
  const paths = dataFilePaths(dataDirectory);
  if (!existsSync(paths.keyring) || !existsSync(paths.database)) {
    throw new AppError(
      'INVALID_INPUT',
      `There is no Advocase store in ${dataDirectory}: give the data folder \`advocase status\` prints on that computer (--data-dir).`,
    );
  }
  if (isKeyRotationPending(dataDirectory)) {
    throw new AppError(
      'INVALID_INPUT',
      'This local store is half way through replacing its key: unlock it once in Advocase to finish, then move it.',
    );
  }
  const dataKey = await new Keyring(paths.keyring).openWithPassphrase(passphrase);
  return { store: await openStore(paths.database, dataKey), dataKey };
}

/** Copies one table's rows, giving each a new id and rewriting its references through `newIds`. */
async function copyTable(
  local: Db,
  team: Db,
  table: LogicalTable,
  newIds: Map<string, Map<number, number>>,
  deferred: Array<() => Promise<void>>,
  rewrite: (table: string, values: Row) => void,
): Promise<number> {
  const hasOwnId = table.primaryKey.length === 1 && table.primaryKey[0] === 'id';
  const references = referencesOf(table);
  const ids = new Map<number, number>();
  newIds.set(table.name, ids);
  const { rows } = await sql<Row>`SELECT * FROM ${sql.table(table.name)} ORDER BY ${sql.raw(
    table.primaryKey.map((column) => `"${column}"`).join(', ') || 'rowid',
  )}`.execute(local);
  for (const row of rows) {
    const values: Row = { ...row };
    if (hasOwnId) delete values.id;
    const later: Row = {};
    for (const reference of references) {
      const value = values[reference.column];
      if (value === null || value === undefined) continue;
      const targetIds = newIds.get(reference.table);
      if (!targetIds) {
        // A loose reference to a table not copied yet (a case's event, say): set once it is. A
        // JSON column keeps its other fields meanwhile; its ids are rewritten before the commit.
        later[reference.column] = value;
        if (reference.path === null) values[reference.column] = null;
        continue;
      }
      values[reference.column] = mapReference(reference, value, targetIds, table.name);
    }
    rewrite(table.name, values);
    const insert = team.insertInto(table.name as keyof AdvocaseDatabase).values(values);
    if (!hasOwnId) {
      await insert.execute();
      continue;
    }
    const inserted = (await insert.returning('id' as never).executeTakeFirstOrThrow()) as { id: number };
    ids.set(Number(row.id), Number(inserted.id));
    if (Object.keys(later).length > 0) {
      const newId = ids.get(Number(row.id))!;
      deferred.push(async () => {
        const changes: Row = {};
        for (const reference of references) {
          if (!(reference.column in later)) continue;
          changes[reference.column] = mapReference(
            reference,
            later[reference.column],
            newIds.get(reference.table) ?? new Map(),
            table.name,
          );
        }
        await sql`UPDATE ${sql.table(table.name)} SET ${sql.join(
          Object.entries(changes).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
        )} WHERE id = ${newId}`.execute(team);
      });
    }
  }
  return rows.length;
}

function mapReference(
  reference: Reference,
  value: unknown,
  targetIds: ReadonlyMap<number, number>,
  table: string,
): unknown {
  if (reference.path === null) {
    const mapped = targetIds.get(Number(value));
    if (mapped === undefined) {
      throw new AppError(
        'DATA_DAMAGED',
        `The local store's ${table} refers to a ${reference.table} row that is not there (${reference.column}); nothing was moved. Check it with advocase audit verify.`,
      );
    }
    return mapped;
  }
  return JSON.stringify(mapJsonIds(JSON.parse(String(value)), reference.path, targetIds));
}

/**
 * The ids at `path` in a JSON value, each replaced by its new id. An id whose row is gone (a
 * document deleted for good after a letter named it) becomes null, or leaves its list: kept, it
 * would name whichever of the team's rows has that number.
 */
function mapJsonIds(
  value: unknown,
  path: readonly string[],
  targetIds: ReadonlyMap<number, number>,
): unknown {
  const [step, ...rest] = path;
  if (step === undefined) {
    if (value === null || value === undefined) return value;
    return targetIds.get(Number(value)) ?? null;
  }
  if (step === '*') {
    if (!Array.isArray(value)) return value;
    return value
      .map((item: unknown) => ({ before: item, after: mapJsonIds(item, rest, targetIds) }))
      .filter(({ before, after }) => idOf(before, rest) === null || idOf(after, rest) !== null)
      .map(({ after }) => after);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !(step in value)) return value;
  return { ...value, [step]: mapJsonIds((value as Row)[step], rest, targetIds) };
}

/** The id a list item holds: itself, or its field that is the path's last step. */
function idOf(item: unknown, rest: readonly string[]): unknown {
  if (rest.length === 0) return item ?? null;
  if (rest.length > 1 || item === null || typeof item !== 'object') return null;
  return (item as Row)[rest[0]!] ?? null;
}

type MovedFile = { readonly storageId: string; readonly contentKey: string };

/**
 * Moves each stored file of the local vault into the team's chunks, each verified as it is read
 * (a damaged one stops everything, named); returns where each now lives, by its local storage id.
 */
async function copyStoredFiles(
  local: Db,
  team: Db,
  dataDirectory: string,
  dataKey: Buffer,
): Promise<{ moved: Map<string, MovedFile>; bytes: number }> {
  const vaultKey = deriveSubkey(dataKey, 'vault');
  try {
    const source = localStoredFiles(dataDirectory, vaultKey);
    const target = teamStoredFiles(team);
    const blobs = await local.selectFrom('vault_blobs').selectAll().orderBy('id').execute();
    const moved = new Map<string, MovedFile>();
    let bytes = 0;
    for (const blob of blobs) {
      const writer = await target.createWriter();
      try {
        await source.read(blob.storage_id, (chunk) => writer.write(chunk));
      } catch (error) {
        const document = await local
          .selectFrom('documents')
          .select('file_name')
          .where('blob_id', '=', blob.id)
          .executeTakeFirst();
        const reason = error instanceof AppError ? error.message : 'it could not be read.';
        throw new AppError(
          'DATA_DAMAGED',
          `The document “${document?.file_name ?? 'without a name'}” could not be moved, so nothing was: ${reason}`,
        );
      }
      await writer.commit();
      moved.set(blob.storage_id, {
        storageId: writer.storageId,
        contentKey: await target.contentKey(blob.plaintext_sha256),
      });
      bytes += blob.size_bytes;
    }
    return { moved, bytes };
  } finally {
    vaultKey.fill(0);
  }
}

/** Each document's indexed text, so the team's search finds what the local search found. */
async function copyDocumentText(
  local: Db,
  team: Db,
  documentIds: ReadonlyMap<number, number>,
): Promise<void> {
  const localSearch = dialectOf(local).fullTextSearch;
  const teamSearch = dialectOf(team).fullTextSearch;
  const documents = await local.selectFrom('documents').select(['id', 'file_name']).execute();
  for (const document of documents) {
    const body = await localSearch.readDocumentText(local, document.id);
    await teamSearch.indexDocumentText(team, documentIds.get(document.id)!, document.file_name, body);
  }
}

export async function importLocalStore(options: {
  readonly dataDirectory: string;
  readonly passphrase: string;
  readonly databaseUrl: string;
}): Promise<LocalImportReport> {
  const { store: local, dataKey } = await openLocalStore(options.dataDirectory, options.passphrase);
  try {
    const address = addressOfUrl(new URL(options.databaseUrl));
    const team = await openPostgresStore(options.databaseUrl).catch((error: unknown) => {
      throw describeTeamDatabaseFailure(error, address);
    });
    try {
      return await inTransaction(team.db, async (trx) => {
        const { rows } = await sql<{
          role: string | null;
        }>`SELECT advocase_team_session_role() AS role`.execute(trx);
        if (rows[0]?.role !== 'navigator') {
          throw new TeamModeError(
            'Connect with the login of the navigator whose caseload it is: the cases moved are assigned to the login that moves them.',
          );
        }
        const fingerprint = await fingerprintOf(local.db);
        const earlier = await sql<{ login: string; imported_at: Date }>`
          SELECT login, imported_at FROM team_local_imports WHERE source_fingerprint = ${fingerprint}`.execute(
          trx,
        );
        if (earlier.rows[0]) {
          throw new TeamModeError(
            `This local store was already moved into the team database (by ${earlier.rows[0].login}, ${earlier.rows[0].imported_at.toISOString().slice(0, 10)}); nothing was moved again.`,
          );
        }
        const schema = await readSqliteLogicalSchema(local.db);
        const tables = copyOrder(schema.tables.filter((table) => !tablesNotMoved.includes(table.name)));
        const newIds = new Map<string, Map<number, number>>();
        const deferred: Array<() => Promise<void>> = [];
        const counts: Record<string, number> = {};
        const files = await copyStoredFiles(local.db, trx, options.dataDirectory, dataKey);
        // A stored file's row names where the file now lives, and finds identical content as the team does.
        const rewrite = (table: string, values: Row) => {
          if (table !== 'vault_blobs') return;
          const moved = files.moved.get(String(values.storage_id))!;
          values.storage_id = moved.storageId;
          values.plaintext_sha256 = moved.contentKey;
        };
        for (const table of tables) {
          const copied = await copyTable(local.db, trx, table, newIds, deferred, rewrite);
          if (copied > 0) counts[table.name] = copied;
        }
        for (const update of deferred) await update();
        await copyDocumentText(local.db, trx, newIds.get('documents') ?? new Map());
        await sql`INSERT INTO team_local_imports (source_fingerprint, counts) VALUES (${fingerprint}, ${JSON.stringify(
          counts,
        )}::jsonb)`.execute(trx);
        return { counts, documentFiles: files.moved.size, documentBytes: files.bytes };
      });
    } catch (error) {
      if (error instanceof AppError || error instanceof TeamModeError) throw error;
      throw describeTeamDatabaseFailure(error, address);
    } finally {
      await team.close();
    }
  } finally {
    dataKey.fill(0);
    await local.close();
  }
}
