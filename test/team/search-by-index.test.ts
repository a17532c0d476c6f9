import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresConnection } from '../../src/core/db/dialect/postgres/open-postgres-connection';
import { postgresFullTextSearch } from '../../src/core/db/dialect/postgres/postgres-full-text-search';
import { toTsquery } from '../../src/core/db/dialect/postgres/tsquery';
import type { RecordSearchIndex, SearchTerms } from '../../src/core/db/dialect/full-text-search';
import type { AdvocaseDatabase } from '../../src/core/db/schema';
import { toSearchTerms } from '../../src/core/search/search-terms';
import { disableTeamMember, shareCase } from '../../src/core/team/team-administration';
import {
  addClientWithCase,
  createTeamTestDatabase,
  type TeamPerson,
  type TeamTestDatabase,
} from '../helpers/team-database';

// Issue #15 (team mode): a navigator's or viewer's search matches through the search tables' GIN
// indexes (migration 0201), and finds exactly what their own login may read, in the same order as
// before. The owner is an ordinary login, as on a managed service, so the functions that run as
// the owner are held to its forced policies too.

let team: TeamTestDatabase;
let alice: TeamPerson;
let bruno: TeamPerson;
let sam: TeamPerson;
let vera: TeamPerson;
let carla: TeamPerson;
let ada: TeamPerson;
type Rows = Awaited<ReturnType<typeof addClientWithCase>>;
let alices: Rows;
let shared: Rows;
let expired: Rows;
const opened: Kysely<AdvocaseDatabase>[] = [];

/** Bruno's caseload: enough rows that reading them all costs more than asking the index. */
const brunosBulk = 3000;

async function indexDocumentText(client: pg.Client, rows: Rows, text: string): Promise<void> {
  await client.query(
    `INSERT INTO document_text (document_id, file_name, body, vector)
     SELECT id, file_name, $2, advocase_search_vector(file_name, $2) FROM documents WHERE id = $1`,
    [rows.documentId, text],
  );
}

/**
 * Bruno's many other cases, written as the team bench fills a database (bench/team-fill.ts):
 * with the triggers off, then assigned, and their search rows made by the database's own refresh
 * functions (the rows each trigger would have written one by one, a second or two a hundred).
 */
async function addBulkCaseload(asSuperuser: pg.Client, login: string): Promise<void> {
  const bulk = `full_name LIKE 'Okafor Number %'`;
  await asSuperuser.query('BEGIN');
  await asSuperuser.query('SET LOCAL session_replication_role = replica');
  await asSuperuser.query(
    `INSERT INTO clients (full_name, created_at, updated_at)
     SELECT 'Okafor Number ' || i, now()::text, now()::text FROM generate_series(1, ${brunosBulk}) AS i`,
  );
  await asSuperuser.query(
    `INSERT INTO cases (client_id, treatment, stage, opened_on, created_at, updated_at)
     SELECT id, 'MRI', 'denied', '2026-12-01', now()::text, now()::text FROM clients WHERE ${bulk}`,
  );
  await asSuperuser.query(
    `INSERT INTO events (case_id, type, occurred_at, summary, created_at)
     SELECT c.id, 'call', now()::text, 'Called the plan about ' || k.full_name, now()::text
     FROM cases c JOIN clients k ON k.id = c.client_id WHERE k.${bulk}`,
  );
  await asSuperuser.query(
    `INSERT INTO team_client_assignments (client_id, navigator_login) SELECT id, $1 FROM clients WHERE ${bulk}`,
    [login],
  );
  await asSuperuser.query(
    `INSERT INTO team_case_assignments (case_id, navigator_login)
     SELECT c.id, $1 FROM cases c JOIN clients k ON k.id = c.client_id WHERE k.${bulk}`,
    [login],
  );
  // A denial letter filed to each, its text indexed as the vault indexes it.
  const bulkBlobs = `storage_id LIKE 'bulk-%'`;
  await asSuperuser.query(
    `INSERT INTO vault_blobs (storage_id, plaintext_sha256, size_bytes, created_at)
     SELECT 'bulk-' || c.id, 'bulk-' || c.id, 10, now()::text FROM cases c JOIN clients k ON k.id = c.client_id
     WHERE k.${bulk}`,
  );
  await asSuperuser.query(
    `INSERT INTO documents (blob_id, file_name, media_type, document_type, suggested_type, text_status, created_at, updated_at)
     SELECT id, 'Okafor ' || id || '.pdf', 'application/pdf', 'denial_letter', 'denial_letter', 'none', now()::text, now()::text
     FROM vault_blobs WHERE ${bulkBlobs}`,
  );
  await asSuperuser.query(
    `INSERT INTO document_cases (document_id, case_id)
     SELECT d.id, substring(b.storage_id FROM 6)::bigint FROM documents d JOIN vault_blobs b ON b.id = d.blob_id
     WHERE b.${bulkBlobs}`,
  );
  await asSuperuser.query(
    `INSERT INTO document_text (document_id, file_name, body, vector)
     SELECT d.id, d.file_name, 'Denial of coverage', advocase_search_vector(d.file_name, 'Denial of coverage')
     FROM documents d JOIN vault_blobs b ON b.id = d.blob_id WHERE b.${bulkBlobs}`,
  );
  const ids = (from: string) => `ARRAY(SELECT ${from} WHERE k.${bulk})`;
  await asSuperuser.query(`SELECT advocase_client_search_refresh(${ids('k.id FROM clients k')})`);
  await asSuperuser.query(
    `SELECT advocase_case_search_refresh(${ids('c.id FROM cases c JOIN clients k ON k.id = c.client_id')})`,
  );
  await asSuperuser.query(
    `SELECT advocase_event_search_refresh(${ids(
      'e.id FROM events e JOIN cases c ON c.id = e.case_id JOIN clients k ON k.id = c.client_id',
    )})`,
  );
  await asSuperuser.query('COMMIT');
}

beforeAll(async () => {
  team = await createTeamTestDatabase({ isOwnerSuperuser: false });
  alice = await team.addPerson('alice', 'navigator');
  bruno = await team.addPerson('bruno', 'navigator');
  carla = await team.addPerson('carla', 'navigator');
  sam = await team.addPerson('sam', 'supervisor');
  vera = await team.addPerson('vera', 'viewer');
  ada = await team.addPerson('ada', 'admin');

  const asAlice = await team.connect(alice.url);
  alices = await addClientWithCase(asAlice, 'Ada Quixote');
  await indexDocumentText(asAlice, alices, 'Denial of coverage for Ada Quixote.');
  await addClientWithCase(asAlice, 'Al Okafor');

  const asBruno = await team.connect(bruno.url);
  shared = await addClientWithCase(asBruno, 'Bo Okafor');
  await indexDocumentText(asBruno, shared, 'Denial of coverage for Bo Okafor.');
  expired = await addClientWithCase(asBruno, 'Bea Okafor');
  await indexDocumentText(asBruno, expired, 'Denial of coverage for Bea Okafor.');
  const asCarla = await team.connect(carla.url);
  await addClientWithCase(asCarla, 'Cy Quixote');

  await shareCase(sam.url, shared.caseId, vera.login, '2099-12-31');
  const asSuperuser = await team.connect(team.database.url);
  await addBulkCaseload(asSuperuser, bruno.login);
  // A share whose last day has passed (written as the owner would have, that day).
  await asSuperuser.query(
    `INSERT INTO team_case_shares (case_id, login, ends_on) VALUES ($1, $2, DATE '2020-01-31')`,
    [expired.caseId, vera.login],
  );
  await disableTeamMember(team.ownerUrl, carla.login);
  // As autovacuum would have by now: the statistics, and the GIN indexes' pending entries merged.
  await asSuperuser.query('VACUUM ANALYZE');
}, 180_000);

afterAll(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  await team.drop();
});

const searchTables = {
  client_search: 'record_id',
  case_search: 'record_id',
  event_search: 'record_id',
  document_text: 'document_id',
} as const;
type SearchTable = keyof typeof searchTables;

const termsOf = (typed: string): SearchTerms => toSearchTerms(typed)!;
const tsqueryOf = (typed: string, weight: 'A' | '' = '') =>
  `to_tsquery('advocase_search', '${toTsquery(termsOf(typed), weight)}')`;

/**
 * A superuser's connection made into the person's own session (so the functions see their login
 * as `session_user`, as when they connect themselves): how a disabled person, who can no longer
 * log in, would have called them.
 */
async function sessionOf(login: string): Promise<pg.Client> {
  const client = await team.connect(team.database.url);
  await client.query(`SET SESSION AUTHORIZATION ${login}`);
  return client;
}

/** What the person's own SELECT reads of a search table for that text, under the policies. */
async function readDirectly(client: pg.Client, table: SearchTable, typed: string): Promise<number[]> {
  const key = searchTables[table];
  const { rows } = await client.query<{ id: string }>(
    `SELECT ${key} AS id FROM ${table} WHERE vector @@ ${tsqueryOf(typed)} ORDER BY 1`,
  );
  return rows.map((row) => Number(row.id));
}

/** What the table's 0201 function returns to that client for the text. */
async function readThroughFunction(client: pg.Client, table: SearchTable, typed: string): Promise<number[]> {
  const key = searchTables[table];
  const { rows } = await client.query<{ id: string }>(
    `SELECT ${key} AS id FROM advocase_team_${table}_matches(${tsqueryOf(typed)}) ORDER BY 1`,
  );
  return rows.map((row) => Number(row.id));
}

const texts = ['Quixote', 'Okafor', 'Oka', 'called the plan', 'denial', 'nothing like it'];

describe('search as each person, through the app', () => {
  const storeOf = (person: TeamPerson) => {
    const db = openPostgresConnection<AdvocaseDatabase>({ url: person.url });
    opened.push(db);
    return db;
  };

  it('finds exactly what each person’s own login reads, best first, as the policies alone gave it', async () => {
    for (const person of [alice, bruno, vera, sam]) {
      const db = storeOf(person);
      const client = await team.connect(person.url);
      for (const typed of texts) {
        for (const index of ['client_search', 'case_search', 'event_search'] as RecordSearchIndex[]) {
          // Title matches first, then the others, each newest first (full-text-search.ts).
          const { rows } = await client.query<{ id: string; is_title_match: boolean }>(
            `SELECT record_id AS id, vector @@ ${tsqueryOf(typed, 'A')} AS is_title_match FROM ${index}
             WHERE vector @@ ${tsqueryOf(typed)} ORDER BY 2 DESC, 1 DESC LIMIT 6`,
          );
          const found = await postgresFullTextSearch.findRecordMatches(db, index, termsOf(typed), 5);
          expect({ person: person.login, typed, index, ...found }).toEqual({
            person: person.login,
            typed,
            index,
            matches: rows
              .slice(0, 5)
              .map((row) => ({ recordId: Number(row.id), isTitleMatch: row.is_title_match })),
            hasMore: rows.length > 5,
          });
        }
        // Best ranked first, a match in the file name (A) weighing double one in the text (B).
        const ranked = await client.query<{ id: string }>(
          `SELECT t.document_id AS id FROM document_text t JOIN documents d ON d.id = t.document_id
           WHERE t.vector @@ ${tsqueryOf(typed)} AND d.deleted_at IS NULL
           ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', t.vector, ${tsqueryOf(typed)}) DESC, 1 DESC LIMIT 5`,
        );
        const documents = await postgresFullTextSearch.searchDocumentText(db, termsOf(typed), { limit: 5 });
        expect({
          person: person.login,
          typed,
          documents: documents.map((document) => document.documentId),
        }).toEqual({
          person: person.login,
          typed,
          documents: ranked.rows.map((row) => Number(row.id)),
        });
      }
    }
    const aliceFinds = await postgresFullTextSearch.searchDocumentText(storeOf(alice), termsOf('Quixote'), {
      limit: 5,
    });
    expect(aliceFinds).toEqual([
      { documentId: alices.documentId, snippet: 'Denial of coverage for Ada \uE000Quixote\uE001' },
    ]);
  });
});

describe('the search functions, called with plain pg', () => {
  it('return to a navigator and a viewer only the rows their own SELECT reads', async () => {
    for (const person of [alice, bruno, vera]) {
      const client = await team.connect(person.url);
      for (const typed of texts) {
        for (const table of Object.keys(searchTables) as SearchTable[]) {
          expect({
            person: person.login,
            typed,
            table,
            ids: await readThroughFunction(client, table, typed),
          }).toEqual({ person: person.login, typed, table, ids: await readDirectly(client, table, typed) });
        }
      }
    }
  });

  it('give a viewer a shared case through its last day and not after', async () => {
    const asVera = await team.connect(vera.url);
    expect(await readThroughFunction(asVera, 'case_search', 'Okafor')).toEqual([shared.caseId]);
    expect(await readThroughFunction(asVera, 'document_text', 'Okafor')).toEqual([shared.documentId]);
    expect(await readThroughFunction(asVera, 'event_search', 'Bea Okafor')).toEqual([]);
  });

  it('give a disabled navigator nothing, though their cases are still assigned to them', async () => {
    const asCarla = await sessionOf(carla.login);
    for (const table of Object.keys(searchTables) as SearchTable[]) {
      expect(await readThroughFunction(asCarla, table, 'Quixote')).toEqual([]);
    }
    expect(await readDirectly(await team.connect(sam.url), 'case_search', 'Cy Quixote')).toHaveLength(1);
  });

  it('refuse a supervisor, an admin and the owner', async () => {
    for (const url of [sam.url, ada.url, team.ownerUrl]) {
      const client = await team.connect(url);
      for (const table of Object.keys(searchTables) as SearchTable[]) {
        await expect(readThroughFunction(client, table, 'Okafor')).rejects.toMatchObject({ code: '42501' });
      }
    }
  });
});

describe('a navigator’s search plan', () => {
  /**
   * The app's own search statements run in Alice's session, each nested statement's plan sent
   * back as a notice (auto_explain, which the superuser's connection loads before becoming Alice).
   */
  async function plansOfSearch(search: (db: Kysely<AdvocaseDatabase>) => Promise<unknown>): Promise<string> {
    const plans: string[] = [];
    const pool = new pg.Pool({ connectionString: team.database.url, max: 1 });
    pool.on('connect', (client) => client.on('notice', (notice) => plans.push(notice.message ?? '')));
    const db = new Kysely<AdvocaseDatabase>({
      dialect: new PostgresDialect({
        pool,
        onCreateConnection: async (connection) => {
          for (const statement of [
            `LOAD 'auto_explain'`,
            `SET auto_explain.log_min_duration = 0`,
            `SET auto_explain.log_nested_statements = on`,
            `SET auto_explain.log_level = notice`,
            `SET SESSION AUTHORIZATION ${alice.login}`,
          ]) {
            await connection.executeQuery(CompiledQuery.raw(statement));
          }
        },
      }),
    });
    try {
      await search(db);
    } finally {
      await db.destroy();
    }
    return plans.join('\n');
  }

  it('matches a rare word through each search table’s GIN index', async () => {
    // "Quixote a": a last word of one letter is left out (search-terms.ts), so the word is whole.
    const rareWord = termsOf('Quixote a');
    for (const index of ['client_search', 'case_search', 'event_search'] as RecordSearchIndex[]) {
      const plans = await plansOfSearch((db) =>
        postgresFullTextSearch.findRecordMatches(db, index, rareWord, 5),
      );
      expect(plans).toContain(`Bitmap Index Scan on ${index}_vector`);
    }
    const plans = await plansOfSearch((db) =>
      postgresFullTextSearch.searchDocumentText(db, rareWord, { limit: 5 }),
    );
    expect(plans).toContain('Bitmap Index Scan on document_text_vector');
  });
});
