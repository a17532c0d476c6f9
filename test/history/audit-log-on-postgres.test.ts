import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startContractSession } from '../helpers/contract-session';
import { createPostgresTestDatabase } from '../helpers/postgres-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

/**
 * The audit log of a team database: the chain its SQL function links is the one Advocase checks
 * (the same hash as audit-chain.ts computes, whatever the text holds), and the database itself
 * refuses, to any SQL client, what the local store's triggers refuse.
 */
describe('the audit log on PostgreSQL', () => {
  it('links entries the checker verifies, for any text an actor or a value holds', async () => {
    const contract = await startContractSession(newDataDirectory(), 'Zoë "Z" O\'Neil\t\\ 北', 'postgres');
    const client = await contract.call('clients.create', {
      fullName: 'Ana "Quote" Ñúñez \u0001',
      dateOfBirth: '1980-01-01',
      state: null,
    });
    await contract.call('clients.update', { clientId: client.id, changes: { state: 'CA' } });
    const verified = await contract.call('audit.verify', {});
    expect(verified).toMatchObject({ isIntact: true, firstBroken: null });
    expect(verified.message).toMatch(/^All 2 audit log entries check out/);
    await contract.close();
  });

  it('refuses to delete, empty or rewrite an entry, and one written without its hashes', async () => {
    const database = await createPostgresTestDatabase();
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      await client.query(
        `INSERT INTO audit_log (actor, at, table_name, row_id, action, content_hash, entry_hash)
         VALUES ('a', 'b', 'clients', 1, 'insert', 'c', 'd')`,
      );
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/never deleted/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/never deleted/);
      await expect(client.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(
        /only be blanked/,
      );
      await expect(
        client.query('UPDATE audit_log SET before = NULL, after = NULL, content_salt = NULL'),
      ).rejects.toThrow(/only be blanked/);
      await expect(
        client.query(
          `INSERT INTO audit_log (actor, at, table_name, row_id, action) VALUES ('x', 'y', 'clients', 1, 'insert')`,
        ),
      ).rejects.toThrow(/with their hashes/);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
