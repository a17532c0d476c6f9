import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/result';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';
import { addFile, filesUnder } from '../vault/vault-helpers';

// Documents in a team database (docs/team-mode.md, "Documents"): the app as each person, and
// plain `pg` with each person's own login, as any SQL client would connect.

let team: TeamTestDatabase;
let alice: TeamPerson;
let bruno: TeamPerson;
let sam: TeamPerson;
const sessions: Session[] = [];
const dataDirectories: string[] = [];

/** The app as one person: a session on their login, called through the same dispatch as the app. */
async function appAs(person: TeamPerson) {
  // Each person's own data folder, for the whole file: it must stay empty.
  const dataDirectory = mkdtempSync(join(tmpdir(), 'advocase-team-'));
  dataDirectories.push(dataDirectory);
  const session = new Session({ dataDirectory, actor: person.login, teamDatabaseUrl: person.url });
  sessions.push(session);
  const handlers = createHandlers(session);
  const result = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
    dispatch(handlers, method, input);
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const outcome = await result(method, input);
    if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.message}`);
    return outcome.value as MethodOutput<M>;
  };
  const failure = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> => {
    const outcome = await result(method, input);
    if (outcome.ok) throw new Error(`${method} should have failed`);
    return outcome.error;
  };
  return { call, failure, dataDirectory };
}

/** Three 1 MiB chunks and a bit (3.2 MB); the marker is in the text that search reads. */
const marker = 'Zqteamdocumentmarker';
const notes = Buffer.from(`Progress note for ${marker}. `.repeat(80_000));

let aliceApp: Awaited<ReturnType<typeof appAs>>;
let documentId: number;
let storageId: string;

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  bruno = await team.addPerson('bruno', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
  aliceApp = await appAs(alice);
  const client = await aliceApp.call('clients.create', { fullName: 'Ana Alvarez', state: 'CA' });
  const opened = await aliceApp.call('cases.create', { clientId: client.id, treatment: 'esketamine' });
  const added = await addFile(aliceApp.call, 'progress notes.txt', notes, { caseId: opened.id });
  documentId = added.document!.id;
  const owner = await team.connect(team.ownerUrl);
  const { rows } = await owner.query<{ storage_id: string }>(
    'SELECT b.storage_id FROM vault_blobs b JOIN documents d ON d.blob_id = b.id WHERE d.id = $1',
    [documentId],
  );
  storageId = rows[0]!.storage_id;
}, 180_000);

afterAll(async () => {
  for (const session of sessions) await session.lock();
  await team.drop();
  for (const folder of dataDirectories) rmSync(folder, { recursive: true, force: true });
});

const chunkCount = async (url: string) => {
  const client = await team.connect(url);
  const { rows } = await client.query<{ chunks: number; files: number }>(
    `SELECT (SELECT count(*) FROM team_stored_file_chunks)::int AS chunks,
            (SELECT count(*) FROM team_stored_files)::int AS files`,
  );
  return rows[0];
};

describe('a document in a team database', () => {
  it('is kept in 1 MiB chunks in the database, none of it on the laptop, and comes back whole', async () => {
    expect(await chunkCount(alice.url)).toEqual({ chunks: 4, files: 1 });
    const download = await aliceApp.call('vault.content', { documentId });
    expect(Buffer.from(download.data, 'base64').equals(notes)).toBe(true);
    expect((await aliceApp.call('vault.search', { query: marker })).map((hit) => hit.document.id)).toEqual([
      documentId,
    ]);
    expect(filesUnder(aliceApp.dataDirectory)).toEqual([]);
  });

  it('is out of reach of another navigator, by plain pg and through the app', async () => {
    expect(await chunkCount(bruno.url)).toEqual({ chunks: 0, files: 0 });
    const asBruno = await team.connect(bruno.url);
    const byId = await asBruno.query(
      'SELECT count(*)::int AS n FROM team_stored_file_chunks WHERE storage_id = $1',
      [storageId],
    );
    expect(byId.rows[0]).toEqual({ n: 0 });
    // Nor can he delete her chunks, or add one to her file.
    expect(
      (await asBruno.query('DELETE FROM team_stored_file_chunks WHERE storage_id = $1', [storageId]))
        .rowCount,
    ).toBe(0);
    await expect(
      asBruno.query(
        `INSERT INTO team_stored_file_chunks (storage_id, chunk_index, bytes, sha256) VALUES ($1, 9, 'x', sha256('x'))`,
        [storageId],
      ),
    ).rejects.toThrow(/row-level security/);
    // Nor file a document of his own on her stored file, to read it through that document.
    const owner = await team.connect(team.ownerUrl);
    const blob = await owner.query<{ id: string }>('SELECT id FROM vault_blobs WHERE storage_id = $1', [
      storageId,
    ]);
    await expect(
      asBruno.query(
        `INSERT INTO documents (blob_id, file_name, media_type, document_type, suggested_type, text_status, created_at, updated_at)
         VALUES ($1, 'mine.txt', 'txt', 'other', 'other', 'indexed', 'x', 'x')`,
        [blob.rows[0]!.id],
      ),
    ).rejects.toThrow(/not one of yours/);

    const brunoApp = await appAs(bruno);
    expect(await brunoApp.call('vault.search', { query: marker })).toEqual([]);
    expect((await brunoApp.failure('vault.preview', { documentId })).code).toBe('NOT_FOUND');
    // A supervisor reads every case's documents.
    expect(await chunkCount(sam.url)).toEqual({ chunks: 4, files: 1 });
  });

  it('is not handed to another app (that would write a copy on the laptop), with the reason', async () => {
    const error = await aliceApp.failure('vault.openExternally', { documentId });
    expect(error.code).toBe('NOT_AVAILABLE_IN_TEAM_MODE');
    expect(error.message).toContain('Preview it here, or download it to a file you choose.');
    expect(filesUnder(aliceApp.dataDirectory)).toEqual([]);
  });

  it('names a changed or missing chunk, and shows none of the file', async () => {
    const owner = await team.connect(team.ownerUrl);
    await owner.query(
      `UPDATE team_stored_file_chunks SET bytes = set_byte(bytes, 100, get_byte(bytes, 100) # 1)
       WHERE storage_id = $1 AND chunk_index = 2`,
      [storageId],
    );
    const changed = await aliceApp.failure('vault.preview', { documentId });
    expect(changed).toMatchObject({ code: 'DATA_DAMAGED' });
    expect(changed.message).toContain('part 3 of 4 of its file failed its integrity check');
    expect(await aliceApp.call('vault.verify', {})).toMatchObject({
      failures: [{ documentId, fileName: 'progress notes.txt', problem: 'damaged' }],
    });
    await owner.query('DELETE FROM team_stored_file_chunks WHERE storage_id = $1 AND chunk_index = 1', [
      storageId,
    ]);
    const missing = await aliceApp.failure('vault.content', { documentId });
    expect(missing.code).toBe('DATA_DAMAGED');
    expect(missing.message).toContain('part 2 of 4 of its file is missing');
  });
});
