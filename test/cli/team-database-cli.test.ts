import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '../helpers/postgres-database';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const databases: PostgresTestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

describe('the CLI on a team database (ADVOCASE_DATABASE_URL)', () => {
  it('keeps records in the team database, with no passphrase, and verifies its audit log', async () => {
    // An empty database: the first command creates the schema.
    const database = await createPostgresTestDatabase({ migrated: false });
    databases.push(database);
    const env = { ADVOCASE_DATA_DIR: newDataDirectory(), ADVOCASE_DATABASE_URL: database.url };

    const added = await runAdvocase(['add-client', '--name', 'Rosa Díaz', '--state', 'OR'], env);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const clientId = added.stdout.trim();
    expect(clientId).toMatch(/^\d+$/);
    const opened = await runAdvocase(
      ['add-case', '--client', clientId, '--treatment', 'tms', '--payer', 'Aetna'],
      env,
    );
    expect(opened).toMatchObject({ code: 0, stderr: '' });

    // Another data folder, the same team database: the case is there.
    const elsewhere = { ...env, ADVOCASE_DATA_DIR: newDataDirectory() };
    const listed = await runAdvocase(['list-cases'], elsewhere);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Rosa Díaz');
    const verified = await runAdvocase(['audit', 'verify'], elsewhere);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toMatch(/^All \d+ audit log entries check out/);
  });

  it('says what is wrong with a database URL that is not one, and opens nothing', async () => {
    const result = await runAdvocase(['list-cases'], {
      ADVOCASE_DATA_DIR: newDataDirectory(),
      ADVOCASE_DATABASE_URL: 'mysql://someone@host/db',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ADVOCASE_DATABASE_URL must name a server and a database: postgres://');
  });
});
