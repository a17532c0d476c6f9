import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { readSqliteLogicalSchema } from '../../src/core/db/dialect/sqlite/read-sqlite-logical-schema';
import { generateDemoCaseload } from '../../src/core/demo/generate-demo-caseload';
import { Session } from '../../src/core/session/session';
import { looseReferences, notReferences, tablesNotMoved } from '../../src/core/team/import-local-store';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { startContractSession, testPassphrase } from '../helpers/contract-session';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile, filesUnder, makePdf } from '../vault/vault-helpers';

// Moving in: an independent advocate's local store, the demo caseload and documents, into a
// real team database on the run's embedded PostgreSQL, as a navigator's own login.

const newDataDirectory = useTemporaryDataDirectory();
let team: TeamTestDatabase;
let ada: TeamPerson;
let localFolder: string;
let movedTables: string[];
let countsBefore: Record<string, number>;
const pdf = await makePdf(['Explanation of benefits', 'Claim Zqmovedmarker was denied.']);
const notes = Buffer.from('Progress note. '.repeat(100_000));

/** Every file of the local data folder with its SHA-256, to show the move leaves it as it was. */
const fingerprintOf = (folder: string) =>
  Object.fromEntries(
    filesUnder(folder)
      .filter((path) => !/-(wal|shm)$/.test(path))
      .map((path) => [path, createHash('sha256').update(readFileSync(path)).digest('hex')]),
  );

beforeAll(async () => {
  team = await createTeamTestDatabase();
  ada = await team.addPerson('ada', 'navigator');
  // The local store lives for the whole file (each test's folders are removed after it).
  localFolder = mkdtempSync(join(tmpdir(), 'advocase-local-'));
  const local = await startContractSession(localFolder);
  await local.session.useStore((store) =>
    store.db
      .transaction()
      .execute((trx) => generateDemoCaseload(trx, { clientCount: 12, today: new Date() })),
  );
  const caseId = await local.session.useStore(
    async ({ db }) => (await db.selectFrom('cases').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
  );
  await addFile(local.call, 'EOB.pdf', pdf, { caseId });
  await addFile(local.call, 'progress notes.txt', notes, { caseId });
  countsBefore = await local.session.useStore(async ({ db }) => {
    const schema = await readSqliteLogicalSchema(db);
    movedTables = schema.tables.map((table) => table.name).filter((name) => !tablesNotMoved.includes(name));
    const counts: Record<string, number> = {};
    for (const table of movedTables) {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  });
  await local.close();
}, 300_000);

afterAll(async () => {
  await team.drop();
  rmSync(localFolder, { recursive: true, force: true });
});

const importLocal = (url: string) =>
  runAdvocase(['team', 'import-local', '--data-dir', localFolder], {
    ADVOCASE_DATA_DIR: newDataDirectory(),
    ADVOCASE_DATABASE_URL: url,
    ADVOCASE_PASSPHRASE: testPassphrase,
  });

async function countsAs(person: TeamPerson): Promise<Record<string, number>> {
  const client = await team.connect(person.url);
  const counts: Record<string, number> = {};
  for (const table of movedTables) {
    counts[table] = Number(
      (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n,
    );
  }
  return counts;
}

describe('advocase team import-local', () => {
  it('moves the demo caseload and its documents, every count the same, in one go', async () => {
    expect(countsBefore.clients).toBe(12);
    expect(countsBefore.documents).toBe(2);
    const localFiles = fingerprintOf(localFolder);

    const moved = await importLocal(ada.url);
    expect(moved.stderr).toBe(
      'Moving the local caseload and its documents into the team database (one transaction)…\n',
    );
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/clients\s+12\n/);
    expect(moved.stdout).toMatch(new RegExp(`cases\\s+${countsBefore.cases}\\n`));
    expect(moved.stdout).toMatch(/documents\s+2\n/);
    expect(moved.stdout).toContain('document files  2 (1.5 MB)');
    expect(moved.stdout).toContain('is unchanged: delete it once you have checked');

    // What ada's own login sees (row-level security: hers) is exactly what the local store held.
    expect(await countsAs(ada)).toEqual(countsBefore);
    expect(fingerprintOf(localFolder)).toEqual(localFiles);

    // Through the app, on her login: the documents open whole and their text is found.
    const session = new Session({
      dataDirectory: newDataDirectory(),
      actor: ada.login,
      teamDatabaseUrl: ada.url,
    });
    const handlers = createHandlers(session);
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const result = await dispatch(handlers, method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as MethodOutput<M>;
    };
    try {
      const documents = await call('vault.list', {});
      const eob = documents.find((document) => document.fileName === 'EOB.pdf')!;
      const content = await call('vault.content', { documentId: eob.id });
      expect(Buffer.from(content.data, 'base64').equals(pdf)).toBe(true);
      const text = documents.find((document) => document.fileName === 'progress notes.txt')!;
      expect(
        Buffer.from((await call('vault.content', { documentId: text.id })).data, 'base64').equals(notes),
      ).toBe(true);
      expect((await call('vault.search', { query: 'Zqmovedmarker' })).map((hit) => hit.document.id)).toEqual([
        eob.id,
      ]);
      expect(await call('vault.verify', {})).toMatchObject({ checkedFiles: 2, failures: [] });
    } finally {
      await session.lock();
    }
  }, 300_000);

  it('refuses to move the same store twice, and changes nothing', async () => {
    const again = await importLocal(ada.url);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      `This local store was already moved into the team database (by ${ada.login}`,
    );
    expect(await countsAs(ada)).toEqual(countsBefore);
  }, 120_000);

  it('moves all or nothing: a wrong passphrase or a login that is not a navigator moves nothing', async () => {
    const sam = await team.addPerson('sam', 'supervisor');
    const refused = await importLocal(sam.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Connect with the login of the navigator whose caseload it is');
    const wrong = await runAdvocase(['team', 'import-local', '--data-dir', localFolder], {
      ADVOCASE_DATA_DIR: newDataDirectory(),
      ADVOCASE_DATABASE_URL: ada.url,
      ADVOCASE_PASSPHRASE: 'not the passphrase at all',
    });
    expect(wrong.code).toBe(2);
    expect(await countsAs(ada)).toEqual(countsBefore);
  });

  it('knows every column that holds another row’s id, so none is copied with a stale id', async () => {
    const local = await startContractSession(newDataDirectory());
    try {
      const schema = await local.session.useStore(({ db }) => readSqliteLogicalSchema(db));
      const unaccounted = schema.tables
        .filter((table) => !tablesNotMoved.includes(table.name))
        .flatMap((table) => {
          const declared = new Set(table.foreignKeys.flatMap((key) => key.columns));
          return table.columns
            .filter((column) => /_ids?$/.test(column.name) && !declared.has(column.name))
            .map((column) => `${table.name}.${column.name}`)
            .filter((name) => !(name in looseReferences) && !notReferences.includes(name));
        });
      expect(unaccounted).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
