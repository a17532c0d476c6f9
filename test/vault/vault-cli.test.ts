import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { makePdf, openTestVault, passphrase } from './vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();

function advocase(dataDirectory: string, argv: string[]) {
  return runAdvocase(argv, { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase });
}

describe('advocase vault', () => {
  it('adds files to a case, one line per file, skipping a folder and bad files; verify and search', async () => {
    const dataDirectory = newDataDirectory();
    const { session, caseId } = await openTestVault(dataDirectory);
    await session.lock();
    const inbox = newDataDirectory();
    writeFileSync(join(inbox, 'denial.pdf'), await makePdf(['Your request for TMS is denied.']));
    writeFileSync(join(inbox, 'empty.pdf'), Buffer.alloc(0));
    writeFileSync(join(inbox, 'notes – Zoë.txt'), 'Called the payer about the TMS denial.');
    mkdirSync(join(inbox, 'a folder'));

    const added = await advocase(dataDirectory, [
      'vault',
      'add',
      '--case',
      String(caseId),
      join(inbox, 'denial.pdf'),
      join(inbox, 'empty.pdf'),
      join(inbox, 'a folder'),
      join(inbox, 'missing.pdf'),
      join(inbox, 'notes – Zoë.txt'),
    ]);
    expect(added.stdout.split('\n').filter(Boolean)).toEqual([
      'denial.pdf (document 1): Added; its text is searchable.',
      'empty.pdf: Not added: the file is empty (0 bytes).',
      'a folder: not added: this is a folder. Name the files inside it instead.',
      'missing.pdf: not added: there is no such file.',
      'notes – Zoë.txt (document 2): Added; its text is searchable.',
    ]);
    expect(added.code).toBe(2);

    const verified = await advocase(dataDirectory, ['vault', 'verify']);
    expect(verified).toMatchObject({ code: 0, stdout: 'All 2 stored files passed the integrity check.\n' });

    const found = await advocase(dataDirectory, ['vault', 'search', 'tms', 'denial']);
    expect(found.code).toBe(0);
    expect(found.stdout.split('\n').filter(Boolean).sort()).toEqual([
      // "denial" matches the first by its file name and the word TMS; "denied" is another word.
      '1\tdenial.pdf\tYour request for [TMS] is denied.',
      '2\tnotes – Zoë.txt\tCalled the payer about the [TMS] [denial].',
    ]);
  });

  it('says which flag is wrong', async () => {
    const dataDirectory = newDataDirectory();
    expect(await advocase(dataDirectory, ['vault', 'add', 'x.pdf'])).toMatchObject({
      code: 2,
      stderr: 'advocase vault: --case is required.\n',
    });
    expect((await advocase(dataDirectory, ['vault'])).code).toBe(2);
  });
});
