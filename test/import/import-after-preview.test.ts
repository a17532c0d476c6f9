import { describe, expect, it } from 'vitest';
import { importCsv } from '../../bench/import-csv-5000';
import { startContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The import dialog previews a file, then imports it: the commit reuses the rows the preview read
 * (read-rows-memo.ts) only when everything they depend on is the same. Each import here is
 * compared with the same file imported into a new store without a preview.
 */

const newDataDirectory = useTemporaryDataDirectory();
const csvText = importCsv(40);
const sourceName = 'Other system export';

type Imported = Array<{ name: string; dob: string | null; phone: string | null; payer: string | null }>;

async function importInto(steps: Array<'preview' | 'preview-other' | 'commit'>, corrections = false) {
  const { session, call, close } = await startContractSession(newDataDirectory());
  const edit = corrections ? [{ line: 2, column: 'Patient Name', value: 'Corrected Name' }] : [];
  let result: { imported: number; message: string } | null = null;
  for (const step of steps) {
    if (step === 'preview') await call('import.preview', { csvText, sourceName });
    if (step === 'preview-other') await call('import.preview', { csvText: importCsv(3), sourceName });
    if (step === 'commit') result = await call('import.commit', { csvText, sourceName, corrections: edit });
  }
  const rows: Imported = await session.useStore(({ db }) =>
    db
      .selectFrom('clients')
      .leftJoin('coverages', 'coverages.client_id', 'clients.id')
      .select([
        'clients.full_name as name',
        'clients.date_of_birth as dob',
        'clients.phone as phone',
        'coverages.payer as payer',
      ])
      .orderBy('clients.full_name')
      .execute(),
  );
  await close();
  return { result, rows };
}

describe('importing after a preview', () => {
  it('imports the file the preview read exactly as an import without a preview does', async () => {
    const alone = await importInto(['commit']);
    const afterPreview = await importInto(['preview', 'commit']);
    expect(alone.rows).toHaveLength(40);
    expect(afterPreview).toEqual(alone);
  });

  it('reads the rows again when the import carries a correction the preview did not', async () => {
    const afterPreview = await importInto(['preview', 'commit'], true);
    expect(afterPreview.rows.map((row) => row.name)).toContain('Corrected Name');
    expect(afterPreview).toEqual(await importInto(['commit'], true));
  });

  it('reads the rows again when another file was previewed last', async () => {
    const afterOther = await importInto(['preview-other', 'commit']);
    expect(afterOther).toEqual(await importInto(['commit']));
  });
});
