/**
 * A file as a spreadsheet or another system exports it (a BOM, accents and
 * CJK names, day-first and invalid dates, an empty line, the same person twice, a future date of
 * birth, an invalid state, a 7-digit phone, plan types written "Employer (self-funded)", "HMO" and
 * "Individual marketplace", a multi-line note, quoted commas, text that looks like SQL) goes
 * through the CLI's dry run and import, into a real encrypted store, and is read back.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/store';
import { commitImport, previewImport } from '../../src/core/import/import-service';
import { listCases } from '../../src/core/cases/cases-service';
import { getClientDetail, listClients } from '../../src/core/clients/clients-service';
import { importPreviewInputSchema } from '../../src/shared/schemas/import';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
const file = join('test', 'fixtures', 'import', 'real-export.csv');
const passphrase = 'correct horse battery staple 16';

async function newCliStore() {
  const dataDirectory = newDataDirectory();
  const env = { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: passphrase };
  const advocase = (...argv: string[]) => runAdvocase(argv, env);
  expect((await advocase('init')).code).toBe(0);
  return advocase;
}

type DryRun = {
  rows: Array<{
    line: number;
    status: string;
    problems: Array<{ field: string; message: string; severity: 'error' | 'warning' }>;
  }>;
};

describe('advocase import of a real export', () => {
  it('dry run: one entry per data row, numbered as a spreadsheet shows them, with each problem by column', async () => {
    const advocase = await newCliStore();
    const { code, stdout, stderr } = await advocase(
      'import',
      file,
      '--source',
      'Old CRM',
      '--dry-run',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { rows } = JSON.parse(stdout) as DryRun;
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'ok'],
      [3, 'error'], // HMO: only the user can say what it is
      [4, 'skipped-empty'],
      [5, 'error'], // 31/02/1990
      [6, 'duplicate-in-file'], // José Álvarez again, written without accents
      [7, 'error'], // born 2099
      [8, 'error'], // state ZZ
      [9, 'ok'],
    ]);
    const problemsOf = (line: number) => rows.find((row) => row.line === line)!.problems;
    expect(problemsOf(3)).toEqual([
      {
        field: 'Phone',
        severity: 'warning',
        message:
          '"555-0123" has 7 digits and no area code: it is kept as written. Add the area code when you know it.',
      },
      expect.objectContaining({
        field: 'Plan Type',
        severity: 'error',
        message: expect.stringContaining('"HMO" is not yet one of Advocase') as unknown,
      }),
    ]);
    expect(problemsOf(3)[1]!.message).toContain('--map-value "Plan Type=HMO:CODE"');
    expect(problemsOf(5)).toEqual([
      {
        field: 'DOB',
        severity: 'error',
        message: '"31/02/1990" is not a real calendar date. Check the day and month.',
      },
    ]);
    expect(problemsOf(7)).toEqual([
      { field: 'DOB', severity: 'error', message: 'Date of birth cannot be in the future. Check the year.' },
    ]);
    expect(problemsOf(8)).toEqual([
      expect.objectContaining({
        field: 'State',
        severity: 'error',
        message: expect.stringContaining('"ZZ" is not a US state code') as unknown,
      }),
    ]);
    expect(problemsOf(2)).toEqual([]);
  });

  it('--skip-invalid imports the good rows, with mapped values, notes and names intact; SQL-looking text is text', async () => {
    const advocase = await newCliStore();
    const mapHmo = ['--map-value', 'Plan Type=HMO:employer-fully-insured'];
    const dry = JSON.parse(
      (await advocase('import', file, '--source', 'Old CRM', ...mapHmo, '--dry-run', '--json')).stdout,
    ) as DryRun;
    expect(dry.rows.find((row) => row.line === 3)!.status).toBe('ok');

    const imported = await advocase(
      'import',
      file,
      '--source',
      'Old CRM',
      ...mapHmo,
      '--skip-invalid',
      '--json',
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 3, skipped: 5 });
    // The rows it wrote are linked into the audit log's hash chain like any other edit.
    const audit = await advocase('audit', 'verify');
    expect(audit.stderr).toBe('');
    expect(audit.code).toBe(0);

    const listed = JSON.parse((await advocase('list-cases', '--json')).stdout) as Array<{
      clientName: string;
      treatment: string;
    }>;
    expect(listed.map((row) => row.clientName).sort()).toEqual(
      ["Robert'); DROP TABLE clients;--", 'José Álvarez', '王小明'].sort(),
    );

    // The HMO mapping is remembered for the source: the next dry run needs no --map-value.
    const again = JSON.parse(
      (await advocase('import', file, '--source', 'Old CRM', '--dry-run', '--json')).stdout,
    ) as DryRun;
    expect(again.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'duplicate-in-store'],
      [3, 'duplicate-in-store'],
      [4, 'skipped-empty'],
      [5, 'error'],
      [6, 'duplicate-in-store'],
      [7, 'error'],
      [8, 'error'],
      [9, 'duplicate-in-store'],
    ]);
  });

  it('says what is wrong with a --map-value it cannot use, and imports nothing', async () => {
    const advocase = await newCliStore();
    const unknownCode = await advocase('import', file, '--map-value', 'Plan Type=HMO:hmo', '--skip-invalid');
    expect(unknownCode.code).toBe(2);
    expect(unknownCode.stderr).toContain(
      '"hmo" (for "HMO") is not one of Advocase\'s codes for planType: use one of employer-self-funded,',
    );
    expect(unknownCode.stderr).toContain('(--map-value)');
    const noColumn = await advocase('import', file, '--map-value', 'Carrier=HMO:medicare', '--dry-run');
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toContain(
      'the column "Carrier" is not a plan type, treatment, stage, priority or state column',
    );
    const withErrors = await advocase('import', file);
    expect(withErrors.code).toBe(2);
    expect(withErrors.stderr).toContain('4 rows have errors; nothing was imported.');
    expect(JSON.parse((await advocase('list-cases', '--json')).stdout)).toEqual([]);
  });

  it('keeps every value as written where it should, and merges the duplicate only when asked', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const { readFileSync } = await import('node:fs');
    const csvText = readFileSync(file, 'utf8');
    const request = importPreviewInputSchema.parse({
      csvText,
      sourceName: 'Old CRM',
      valueMappings: { planType: { HMO: 'employer-fully-insured' } },
      duplicateAction: 'merge',
    });
    const preview = await previewImport(store.db, request);
    expect(preview.dayFirstColumns).toEqual(['DOB']);
    expect(preview.values.filter((value) => value.field === 'planType')).toEqual([
      expect.objectContaining({
        value: 'Employer (self-funded)',
        code: 'employer-self-funded',
        origin: 'suggested',
        rowCount: 3,
      }),
      expect.objectContaining({ value: 'HMO', code: 'employer-fully-insured', origin: 'given' }),
      expect.objectContaining({ value: 'Individual marketplace', code: 'individual', origin: 'suggested' }),
    ]);
    const result = await commitImport(store.db, 'test', request);
    expect(result).toMatchObject({ imported: 4, skipped: 4, clientsCreated: 3, casesCreated: 3 });
    expect(result.skippedCsv!.split('\r\n')[0]).toBe(
      'Row in the original file,What to fix,Patient Name,DOB,State,Phone,Insurance,Plan Type,Member ID,Treatment,Status,Notes',
    );
    expect(result.skippedCsv).toContain(
      '5,"DOB: ""31/02/1990"" is not a real calendar date. Check the day and month.",Zoë Ñúñez',
    );

    const clients = await listClients(store.db);
    const wang = clients.find((client) => client.fullName === '王小明')!;
    expect(wang).toMatchObject({
      phone: '555-0123',
      dateOfBirth: '1975-04-03',
      notes: 'Line one\r\nLine two, with a comma',
    });
    const jose = clients.find((client) => client.fullName === 'José Álvarez')!;
    expect(jose).toMatchObject({
      dateOfBirth: '1980-12-25',
      notes: 'Prefers Spanish, mornings',
      state: 'CA',
    });
    const robert = clients.find((client) => client.fullName.startsWith('Robert'))!;
    expect(robert.notes).toBe("'; DELETE FROM cases; --");
    expect((await getClientDetail(store.db, jose.id)).coverages.map((coverage) => coverage.planType)).toEqual(
      ['employer-self-funded'],
    );
    expect((await getClientDetail(store.db, wang.id)).coverages.map((coverage) => coverage.planType)).toEqual(
      ['employer-fully-insured'],
    );
    // The merged duplicate (same person, same treatment) adds no second case.
    expect((await listCases(store.db)).filter((row) => row.clientId === jose.id)).toHaveLength(1);
    expect(await store.db.selectFrom('case_deadline_summaries').select('case_id').execute()).toHaveLength(3);
    expect(await store.db.selectFrom('case_evidence_summaries').select('case_id').execute()).toHaveLength(3);
    await store.close();
  });

  it('imports nothing when a chosen row cannot be written: the chosen rows go in together or not at all', async () => {
    const store = await openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
    const { readFileSync } = await import('node:fs');
    const csvText = readFileSync(file, 'utf8');
    // A database that refuses the third client breaks the transaction half-way.
    const { sql } = await import('kysely');
    await sql`CREATE TRIGGER refuse_robert BEFORE INSERT ON clients WHEN new.full_name LIKE 'Robert%' BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
      store.db,
    );
    await expect(
      commitImport(
        store.db,
        'test',
        importPreviewInputSchema.parse({
          csvText,
          valueMappings: { planType: { HMO: 'employer-fully-insured' } },
        }),
      ),
    ).rejects.toThrow();
    expect(await listClients(store.db)).toEqual([]);
    expect(await store.db.selectFrom('coverages').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
    await store.close();
  });
});
