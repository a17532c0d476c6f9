import type { Kysely } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import { postgresRowVisibility } from '../../src/core/db/dialect/postgres/postgres-row-visibility';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { searchEverything } from '../../src/core/search/search-everything';
import { assignCase, shareCase } from '../../src/core/team/team-administration';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

// Issue #15 (team mode): global search answers from what the person may see. Alice has one case
// of an "Okafor", Bruno sixty newer ones; the team-wide best matches are all Bruno's, and Alice's
// search must still find hers (docs/team-mode.md, "Who sees what").

let team: TeamTestDatabase;
let alice: TeamPerson;
let bruno: TeamPerson;
let sam: TeamPerson;
let vera: TeamPerson;
type Rows = Awaited<ReturnType<typeof addClientWithCase>>;
let alices: Rows;
let brunos: Rows[];
const opened: Kysely<AdvocaseDatabase>[] = [];

/** The app's own store object for a person, as the app opens it with their login. */
const storeOf = (person: TeamPerson) => {
  const db = openPostgresConnection<AdvocaseDatabase>({ url: person.url });
  opened.push(db);
  return db;
};

/** Adds the document's text to the search index, as the vault does once it has read the file. */
async function indexDocumentText(client: pg.Client, rows: Rows, text: string): Promise<void> {
  await client.query(
    `INSERT INTO document_text (document_id, file_name, body, vector)
     SELECT id, file_name, $2, advocase_search_vector(file_name, $2) FROM documents WHERE id = $1`,
    [rows.documentId, text],
  );
}

beforeAll(async () => {
  team = await createTeamTestDatabase();
  alice = await team.addPerson('alice', 'navigator');
  bruno = await team.addPerson('bruno', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
  vera = await team.addPerson('vera', 'viewer');
  const asAlice = await team.connect(alice.url);
  alices = await addClientWithCase(asAlice, 'Ada Okafor');
  await indexDocumentText(asAlice, alices, 'Denial of coverage for Ada Okafor, member 1.');
  const asBruno = await team.connect(bruno.url);
  await asBruno.query('BEGIN');
  brunos = [];
  for (let index = 0; index < 60; index += 1) {
    const rows = await addClientWithCase(asBruno, `Bo Okafor`);
    await indexDocumentText(asBruno, rows, `Denial of coverage for Bo Okafor, member ${index}.`);
    brunos.push(rows);
  }
  await asBruno.query('COMMIT');
  await shareCase(sam.url, brunos[0]!.caseId, vera.login, '2099-12-31');
});

afterAll(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  await team.drop();
});

/** Each kind's result ids and whether more matched, as the search box would show them. */
async function found(person: TeamPerson, text: string, limitPerKind = 5) {
  const { groups } = await searchEverything(storeOf(person), { text, limitPerKind });
  return Object.fromEntries(
    groups.map((group) => [
      group.kind,
      { ids: group.results.map((result) => result.id), more: group.hasMore },
    ]),
  );
}

/** What one person's own kinds of records are, as search names them. */
const own = (rows: Rows, more = false) => ({
  client: { ids: [rows.clientId], more },
  case: { ids: [rows.caseId], more },
  event: { ids: [rows.eventId], more },
  document: { ids: [rows.documentId], more },
});

describe('global search in a team database', () => {
  it('finds a navigator’s own match though the team has many better ones, and never another’s', async () => {
    expect(await found(alice, 'Okafor')).toEqual(own(alices));
    expect(await found(alice, 'Bo Okafor')).toEqual({});
  });

  it('gives a navigator with many matches their own, and says there are more', async () => {
    const newest = brunos.slice(-5).reverse();
    const asBruno = await found(bruno, 'Okafor');
    expect(asBruno.case).toEqual({ ids: newest.map((rows) => rows.caseId), more: true });
    expect(asBruno.event).toEqual({ ids: newest.map((rows) => rows.eventId), more: true });
    expect(asBruno.client).toEqual({ ids: newest.map((rows) => rows.clientId), more: true });
    expect(asBruno.document!.ids).toHaveLength(5);
    expect(asBruno.document!.ids).not.toContain(alices.documentId);
    expect(await found(bruno, 'Ada')).toEqual({});
  });

  it('gives a viewer only the cases shared with them', async () => {
    expect(await found(vera, 'Okafor')).toEqual(own(brunos[0]!));
  });

  it('gives a supervisor every case', async () => {
    expect(await found(sam, 'Ada Okafor')).toEqual(own(alices));
    const asSam = await found(sam, 'Okafor', 25);
    expect(asSam.case).toEqual({
      ids: brunos
        .slice(-25)
        .reverse()
        .map((rows) => rows.caseId),
      more: true,
    });
  });

  it('follows a case assigned to another navigator', async () => {
    const moved = brunos[1]!;
    await assignCase(sam.url, moved.caseId, alice.login);
    try {
      const asAlice = await found(alice, 'Okafor');
      expect(asAlice.case!.ids).toEqual([moved.caseId, alices.caseId]);
      expect(asAlice.event!.ids).toEqual([moved.eventId, alices.eventId]);
      expect((await found(bruno, 'Okafor', 25)).case!.ids).not.toContain(moved.caseId);
    } finally {
      await assignCase(sam.url, moved.caseId, bruno.login);
    }
  });
});

describe('who sees every case, on the app’s own connection', () => {
  it('is a supervisor, not a navigator or a viewer', async () => {
    const sees = (person: TeamPerson) => postgresRowVisibility.seesEveryCase(storeOf(person));
    expect([await sees(alice), await sees(vera), await sees(sam)]).toEqual([false, false, true]);
  });
});

describe('the search tables, read with plain pg', () => {
  const searchTables = {
    client_search: 'record_id',
    case_search: 'record_id',
    event_search: 'record_id',
    document_text: 'document_id',
  };

  /** Every row id of each search table the person's own login reads. */
  async function readable(person: TeamPerson) {
    const client = await team.connect(person.url);
    const ids = async (text: string) =>
      (await client.query<{ id: string }>(text)).rows.map((row) => Number(row.id));
    const read: Record<string, number[]> = {};
    for (const [table, column] of Object.entries(searchTables)) {
      read[table] = await ids(`SELECT ${column} AS id FROM ${table} ORDER BY 1`);
    }
    return {
      read,
      // The records the same login reads: each search table must hold exactly theirs.
      records: {
        client_search: await ids('SELECT id FROM clients ORDER BY 1'),
        case_search: await ids('SELECT id FROM cases ORDER BY 1'),
        event_search: await ids('SELECT id FROM events ORDER BY 1'),
        document_text: await ids('SELECT id FROM documents ORDER BY 1'),
      },
    };
  }

  it('show a navigator and a viewer only the rows of the cases they see, and a supervisor all', async () => {
    const asAlice = await readable(alice);
    expect(asAlice.read).toEqual({
      client_search: [alices.clientId],
      case_search: [alices.caseId],
      event_search: [alices.eventId],
      document_text: [alices.documentId],
    });
    const asVera = await readable(vera);
    expect(asVera.read).toMatchObject({
      case_search: [brunos[0]!.caseId],
      document_text: [brunos[0]!.documentId],
    });
    const asSam = await readable(sam);
    expect(asSam.read.case_search).toHaveLength(61);
    for (const seen of [asAlice, asVera, await readable(bruno), asSam])
      expect(seen.read).toEqual(seen.records);
  });

  it('are written by the database alone: a navigator cannot add or remove a row', async () => {
    const asAlice = await team.connect(alice.url);
    const refusal = (statement: string) =>
      asAlice.query(statement).then(
        (result) => `${result.rowCount} rows`,
        (error: { code?: string }) => error.code,
      );
    expect(await refusal(`DELETE FROM event_search WHERE record_id = ${alices.eventId}`)).toBe('42501');
    expect(
      await refusal(`INSERT INTO case_search (record_id, vector) VALUES (${brunos[2]!.caseId}, 'okafor')`),
    ).toBe('42501');
    expect(await found(alice, 'Okafor')).toEqual(own(alices));
  });
});
