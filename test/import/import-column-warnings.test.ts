import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { guessMapping } from '../../src/core/import/guess-mapping';
import { commitImport, previewImport } from '../../src/core/import/import-service';
import { importPreviewInputSchema } from '../../src/shared/schemas/import';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { actor } from '../search/seed-caseload';

const newDataDirectory = useTemporaryDataDirectory();
const messyCsv = readFileSync(join('test', 'fixtures', 'import', 'messy-headers.csv'), 'utf8');

describe('columns an import would leave out', () => {
  it('guesses the fields of a messy header row: insurer, plan kind and "Tx" included', () => {
    expect(guessMapping(['Patient Name', 'D.O.B.', 'Insurance Co', 'plan kind', 'Tx', 'status'])).toEqual({
      fullName: 'Patient Name',
      dateOfBirth: 'D.O.B.',
      payer: 'Insurance Co',
      planType: 'plan kind',
      treatment: 'Tx',
      stage: 'status',
    });
    expect(guessMapping(['Payor', 'Coverage type', 'Therapy'])).toEqual({
      payer: 'Payor',
      planType: 'Coverage type',
      treatment: 'Therapy',
    });
    expect(guessMapping(['Health plan', 'Plan Type', 'Service'])).toEqual({
      payer: 'Health plan',
      planType: 'Plan Type',
      treatment: 'Service',
    });
  });

  it('imports the messy file as clients with their coverage and cases, and says so before and after', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const input = importPreviewInputSchema.parse({ csvText: messyCsv });
    const preview = await previewImport(store.db, input);
    expect(preview.unmappedColumns).toEqual([]);
    expect(preview.planned).toEqual({ newClients: 3, mergedClients: 0, cases: 3 });

    const result = await commitImport(store.db, actor, input);
    expect(result.message).toBe('Imported 3 rows from a CSV file: 3 clients added, 3 coverages, 3 cases.');
    await store.close();
  });

  it('names the columns left out, and plans no case when no column holds the treatment', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const csvText = 'Patient Name,DOB,Referral source,Favourite colour\nAnn Lee,1970-01-02,Dr. Gray,blue\n';
    const preview = await previewImport(store.db, importPreviewInputSchema.parse({ csvText }));
    expect(preview.unmappedColumns).toEqual(['Referral source', 'Favourite colour']);
    expect(preview.planned).toEqual({ newClients: 1, mergedClients: 0, cases: 0 });
    await store.close();
  });
});
