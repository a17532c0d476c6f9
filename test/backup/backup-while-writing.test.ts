import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { Session } from '../../src/core/session/session';
import { startContractSession, testPassphrase } from '../helpers/contract-session';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile } from '../vault/vault-helpers';

const newFolder = useTemporaryDataDirectory();

/** Every file under a folder, as one list of paths. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The backup and restore access events the store's audit log records, oldest first. */
function backupEvents(session: Session): Promise<string[]> {
  return session.useStore(async ({ db }) => {
    const rows = await db.selectFrom('audit_log').select('after').where('action', '=', 'access').execute();
    return rows
      .map((row) => (JSON.parse(row.after ?? '{}') as { event: string }).event)
      .filter((event) => event === 'backup' || event === 'restore');
  });
}

async function unlockedSession(dataDirectory: string) {
  const session = new Session({ dataDirectory, actor: 'restore-check' });
  await session.unlock(testPassphrase);
  return session;
}

describe('backup while the app keeps writing', () => {
  it('holds every row acknowledged before it started, restores into a fresh folder, and holds no plaintext', async () => {
    const dataDirectory = newFolder();
    const backupFolder = newFolder();
    const { session, call } = await startContractSession(dataDirectory);
    const client = await call('clients.create', { fullName: 'Vault Owner MARKER-ZQX-OWNER', state: 'CA' });
    const opened = await call('cases.create', {
      clientId: client.id,
      treatment: 'esketamine',
      payer: 'Acme',
    });
    await addFile(call, 'letter.txt', Buffer.from('Denial letter MARKER-ZQX-DOCUMENT text'), {
      caseId: opened.id,
    });

    const acknowledged: string[] = [];
    let isWriting = true;
    const writer = (async () => {
      for (let index = 0; isWriting; index += 1) {
        const fullName = `Loop Client MARKER-ZQX-${index}`;
        await call('clients.create', { fullName, state: 'NY' });
        acknowledged.push(fullName);
        // Each write is its own request, as from the window: other work runs between them.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (acknowledged.length < 25) await new Promise((resolve) => setImmediate(resolve));

    // The backup runs through the CLI on its own connection while the loop goes on writing.
    const acknowledgedBeforeBackup = [...acknowledged];
    const created = await runAdvocase(['backup', 'create', '--to', backupFolder], {
      ADVOCASE_DATA_DIR: dataDirectory,
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    const writtenDuringBackup = acknowledged.length - acknowledgedBeforeBackup.length;
    isWriting = false;
    await writer;
    expect(created.stderr).toMatch(/^Backup written and verified: made .*\n$/);
    expect(created.code).toBe(0);
    const backupPath = created.stdout.trim();
    expect(existsSync(backupPath)).toBe(true);
    expect(writtenDuringBackup).toBeGreaterThan(0);

    // Not a byte of plaintext: no marker in the backup file, nor in anything left in its folder.
    for (const file of filesUnder(backupFolder)) {
      const bytes = readFileSync(file);
      expect(bytes.includes('MARKER-ZQX')).toBe(false);
      expect(bytes.includes('SQLite format 3')).toBe(false);
    }
    expect(readdirSync(backupFolder)).toEqual([backupPath.split('/').pop()]);

    const verified = await runAdvocase(['backup', 'verify', backupPath], {
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /^Backup OK: made .+, holding \d+ clients, 1 case and 1 document\. Checked: every byte, the database and its 1 document file\.\n$/,
    );

    const restoredFolder = join(newFolder(), 'restored');
    const restored = await runAdvocase(['backup', 'restore', backupPath, '--data-dir', restoredFolder], {
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);

    const restoredSession = await unlockedSession(restoredFolder);
    const names = await restoredSession.useStore(({ db }) =>
      db.selectFrom('clients').select('full_name').execute(),
    );
    const restoredNames = new Set(names.map((row) => row.full_name));
    for (const name of acknowledgedBeforeBackup) expect(restoredNames.has(name)).toBe(true);
    expect(restoredNames.has('Vault Owner MARKER-ZQX-OWNER')).toBe(true);
    const integrity = await restoredSession.useStore(async ({ db }) => {
      const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
      return rows.map((row) => row.integrity_check);
    });
    expect(integrity).toEqual(['ok']);
    // The vault file came back and still decrypts under the restored key.
    const restoredHandlers = createHandlers(restoredSession);
    const report = await restoredHandlers['vault.verify']({});
    expect(report).toMatchObject({ checkedFiles: 1, failures: [] });
    // Backup and restore are access events in each store's audit log.
    expect(await backupEvents(restoredSession)).toEqual(['restore']);
    await restoredSession.lock();
    expect(await backupEvents(session)).toEqual(['backup']);
    await session.lock();
  });
});

describe('backup verify and restore from the command line', () => {
  async function oneBackup() {
    const dataDirectory = newFolder();
    const backupFolder = newFolder();
    const { session, call } = await startContractSession(dataDirectory);
    await call('clients.create', { fullName: 'Recovery Client', state: 'TX' });
    await session.lock();
    const created = await runAdvocase(['backup', 'create', '--to', backupFolder], {
      ADVOCASE_DATA_DIR: dataDirectory,
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(created.code).toBe(0);
    return { dataDirectory, backupFolder, backupPath: created.stdout.trim() };
  }

  it('reports one flipped byte with exit 1 and a clear message, and restores nothing from it', async () => {
    const { backupPath } = await oneBackup();
    const bytes = readFileSync(backupPath);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(backupPath, bytes);
    const verified = await runAdvocase(['backup', 'verify', backupPath], {
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(
      /^advocase backup: This backup is damaged \(the database failed its checksum\)\. Nothing was restored from it; use another backup\.\n$/,
    );
    const target = join(newFolder(), 'target');
    const restored = await runAdvocase(['backup', 'restore', backupPath, '--data-dir', target], {
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(restored.code).toBe(1);
    expect(existsSync(target)).toBe(false);
  });

  it('restores with the recovery key that was current when the backup was made', async () => {
    const dataDirectory = newFolder();
    const backupFolder = newFolder();
    const session = new Session({ dataDirectory, actor: 'test' });
    const { recoveryKey } = await session.initialize(testPassphrase);
    await session.lock();
    const created = await runAdvocase(['backup', 'create', '--to', backupFolder], {
      ADVOCASE_DATA_DIR: dataDirectory,
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    const target = join(newFolder(), 'laptop');
    const wrong = await runAdvocase(['backup', 'restore', created.stdout.trim(), '--data-dir', target], {
      ADVOCASE_RECOVERY_KEY: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('does not open this backup');
    const restored = await runAdvocase(['backup', 'restore', created.stdout.trim(), '--data-dir', target], {
      ADVOCASE_RECOVERY_KEY: recoveryKey,
    });
    expect(restored.code).toBe(0);
    const restoredSession = new Session({ dataDirectory: target, actor: 'test' });
    await restoredSession.recover(recoveryKey, 'a brand new passphrase for the laptop');
    expect(restoredSession.status().state).toBe('unlocked');
    await restoredSession.lock();
  });

  it('refuses a folder that is not empty unless --replace, and then keeps the old data aside', async () => {
    const { backupPath } = await oneBackup();
    const target = newFolder();
    writeFileSync(join(target, 'keyring.json'), 'the data that was here');
    const refused = await runAdvocase(['backup', 'restore', backupPath, '--data-dir', target], {
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty. Add --replace');
    expect(readFileSync(join(target, 'keyring.json'), 'utf8')).toBe('the data that was here');

    const replaced = await runAdvocase(['backup', 'restore', backupPath, '--data-dir', target, '--replace'], {
      ADVOCASE_PASSPHRASE: testPassphrase,
    });
    expect(replaced.code).toBe(0);
    const aside = /kept in (.+)\.\n/.exec(replaced.stdout)![1]!;
    expect(readFileSync(join(aside, 'keyring.json'), 'utf8')).toBe('the data that was here');
    const session = await unlockedSession(target);
    await session.lock();
  });

  it('answers bad input with exit 2 and says what to fix', async () => {
    const notABackup = join(newFolder(), 'notes.advocase-backup');
    writeFileSync(
      notABackup,
      'just some text that is long enough to have a trailer of fifty-six bytes, really',
    );
    const cases: [string[], RegExp][] = [
      [['backup', 'create'], /--to is required/],
      [['backup', 'create', '--to', join(tmpdir(), 'no-such-folder-zz')], /There is no folder/],
      [['backup', 'list'], /--in is required/],
      [['backup', 'verify'], /Name exactly one backup file/],
      [['backup', 'verify', join(tmpdir(), 'missing.advocase-backup')], /There is no backup file there/],
      [['backup', 'verify', notABackup], /not an Advocase backup/],
      [['backup', 'restore', notABackup], /--data-dir is required/],
      [['backup', 'frobnicate'], /Say what to do/],
    ];
    for (const [argv, message] of cases) {
      const result = await runAdvocase(argv, {
        ADVOCASE_DATA_DIR: mkdtempSync(join(tmpdir(), 'advocase-test-')),
        ADVOCASE_PASSPHRASE: testPassphrase,
      });
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.code, argv.join(' ')).toBe(2);
    }
  });

  it('lists the backups in a folder as JSON, newest first', async () => {
    const { backupFolder, backupPath } = await oneBackup();
    writeFileSync(join(backupFolder, 'unrelated.txt'), 'not a backup');
    const listed = await runAdvocase(['backup', 'list', '--in', backupFolder, '--json'], {});
    expect(listed.code).toBe(0);
    const backups = JSON.parse(listed.stdout) as {
      path: string;
      createdAt: string;
      problem: string | null;
    }[];
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ path: backupPath, problem: null });
    expect(Date.parse(backups[0]!.createdAt)).not.toBeNaN();
  });
});
