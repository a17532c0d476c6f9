import { layerBoundaries } from './layer-boundaries.js';

/**
 * The architecture, enforced (docs/architecture.md): the layers of src/ by path, and SQL that only
 * one database engine understands kept inside src/core/db/.
 */

export const architecturePlugin = { rules: { 'layer-boundaries': layerBoundaries } };

/**
 * The only doors from the shells (the Electron main process and the web harness) into the core:
 * the contract's dispatch and handlers, the session that opens the store, the desktop reminders'
 * plan (the service the contract's reminder methods use), where a shell keeps a joined team
 * database's credentials (the keychain-encrypted file, or memory), and a few utilities a shell
 * needs before or beside a session. Everything else is reached through the contract.
 */
const coreDoorsForShells = [
  'src/core/api',
  'src/core/session',
  'src/core/storage/data-directory',
  'src/core/storage/team-database-url',
  'src/core/team/team-credential-store',
  'src/core/team/encrypted-team-credential-file',
  'src/core/logging/logger',
  'src/core/backup/backup-host',
  'src/core/exports/write-atomically',
  'src/core/vault/file-kinds',
  'src/core/deadlines/deadline-reminders',
];

export const layerZones = [
  { layer: 'src/shared', mayImport: ['src/shared'], why: 'the contract imports nothing but itself.' },
  {
    layer: 'src/core',
    mayImport: ['src/core', 'src/shared'],
    why: 'the core never reaches up into a shell or the renderer.',
  },
  {
    layer: 'src/renderer',
    mayImport: ['src/renderer', 'src/shared'],
    why: 'the renderer talks to the core only through the contract.',
  },
  {
    layer: 'src/preload',
    mayImport: ['src/preload', 'src/shared'],
    why: 'the preload only forwards contract calls; it never reaches the core.',
  },
  {
    layer: 'src/main',
    mayImport: ['src/main', 'src/shared', ...coreDoorsForShells],
    why: 'the main process reaches the core only through the contract’s dispatch, the session and the services its handlers call.',
  },
  {
    layer: 'src/web',
    mayImport: ['src/web', 'src/shared', ...coreDoorsForShells],
    why: 'the web harness reaches the core only through the contract’s dispatch and the session, like the main process.',
  },
];

/**
 * SQLite's own words in string and template literals (SQL is written in them): FTS5 and its
 * functions, pragmas, JSON1, collations, the schema table, planner hints. Written once for the
 * engine in src/core/db/dialect/ (each PostgreSQL counterpart beside it), never in a service.
 */
const sqliteWords =
  /\b(fts5|bm25|pragma|json_extract|json_each|sqlite_master|sqlite_schema)\b|snippet\(|collate\s+nocase|indexed\s+by/i;
// Upper case only: "match" is an everyday word in messages; FTS5's MATCH operator is written in capitals.
const sqliteMatchOperator = /\bMATCH\b/;
const sqliteOutsideDbMessage =
  'SQLite-specific SQL belongs in src/core/db/ (the dialect seam, src/core/db/dialect/); use dialectOf(db) here.';

export const sqliteOutsideDbSelectors = [sqliteWords, sqliteMatchOperator].flatMap((pattern) => [
  { selector: `Literal[value=${pattern}]`, message: sqliteOutsideDbMessage },
  { selector: `TemplateElement[value.raw=${pattern}]`, message: sqliteOutsideDbMessage },
]);

export const noOnlyInTestsSelector = {
  selector: "MemberExpression[property.name='only']",
  message: 'No .only in tests.',
};
