import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { passphrase } from '../vault/vault-helpers';
import { openExportFixture, pdfText, secrets } from './export-fixture';

process.env['ADVOCASE_TIME_ZONE'] = 'America/New_York';
const newDataDirectory = useTemporaryDataDirectory();

function advocase(dataDirectory: string, argv: string[]) {
  return runAdvocase(argv, { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase });
}

describe('advocase export-summary', () => {
  it('writes the summary and the bundle where asked, with the Bates prefix and redactions given', async () => {
    const dataDirectory = newDataDirectory();
    const { session, caseId } = await openExportFixture(dataDirectory);
    await session.lock();
    const out = newDataDirectory();
    const result = await advocase(dataDirectory, [
      'export-summary',
      '--case',
      String(caseId),
      '--out',
      join(out, 'summary.pdf'),
      '--bundle',
      join(out, 'bundle.zip'),
      '--bates-prefix',
      'SMITH',
      '--redact',
      'dateOfBirth,memberId',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Bates SMITH-000001 to SMITH-000007');
    expect(result.stdout).toContain('(not encrypted)');
    const text = pdfText(join(out, 'summary.pdf'));
    expect(text).toContain('UHC-CALL-0316');
    expect(text).not.toContain(secrets.memberId);
    expect(text).not.toContain(secrets.dateOfBirth);
    const listing = execFileSync('unzip', ['-Z1', join(out, 'bundle.zip')], { encoding: 'utf8' });
    expect(listing).toContain('Exhibit 003 – Denial letter 2026-03-10.pdf');
  });

  it('says which flag is wrong, exits 2 and writes nothing', async () => {
    const dataDirectory = newDataDirectory();
    const out = newDataDirectory();
    const badField = await advocase(dataDirectory, [
      'export-summary',
      '--case',
      '1',
      '--out',
      join(out, 'a.pdf'),
      '--redact',
      'ssn',
    ]);
    expect(badField).toMatchObject({ code: 2 });
    expect(badField.stderr).toContain('--redact: "ssn" is not a field');
    const noTarget = await advocase(dataDirectory, ['export-summary', '--case', '1']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('--out FILE.pdf, --bundle FILE.zip');
    expect(existsSync(join(out, 'a.pdf'))).toBe(false);
  });
});
