import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/core/db/store';
import { undoRecentEdits } from '../../src/core/history/undo';
import { commitImport, previewImport } from '../../src/core/import/import-service';
import { dateOrderOf, normalizeDate, normalizePhone } from '../../src/core/import/normalize-values';
import { exactCode, suggestedCode } from '../../src/core/import/value-vocabulary';
import { parseCsv } from '../../src/core/import/parse-csv';
import { searchEverything } from '../../src/core/search/search-everything';
import { listCases } from '../../src/core/cases/cases-service';
import { getClientDetail, listClients } from '../../src/core/clients/clients-service';
import { importPreviewInputSchema, type ImportRequest } from '../../src/shared/schemas/import';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { actor, seedCaseload } from '../search/seed-caseload';

const newDataDirectory = useTemporaryDataDirectory();
const fixture = (name: string) => readFileSync(join('test', 'fixtures', 'import', name), 'utf8');

function request(input: Partial<ImportRequest> & { csvText: string }): ImportRequest {
  return importPreviewInputSchema.parse(input);
}

async function openTestStore(): Promise<Store> {
  return openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
}

describe('normalizing spreadsheet values', () => {
  it.each([
    ['1980-03-04', '1980-03-04'],
    ['3/4/1980', '1980-03-04'],
    ['03-04-1980', '1980-03-04'],
    ['04-Mar-1980', '1980-03-04'],
    ['4 March 1980', '1980-03-04'],
    ['Mar 4, 1980', '1980-03-04'],
    ['1980/3/4', '1980-03-04'],
    ['2/29/1984', '1984-02-29'],
  ])('date %s → %s', (text, expected) => {
    expect(normalizeDate(text)).toEqual({ value: expected });
  });

  it.each([
    ['3/4/80', '"3/4/80" has a two-digit year, which could be 19xx or 20xx.'],
    ['2/29/1983', '"2/29/1983" is not a real calendar date. Check the day and month.'],
    ['13/45/1990', '"13/45/1990" is not a real calendar date. Check the day and month.'],
    ['soon', '"soon" is not a date Advocase can read.'],
  ])('date %s is refused with a reason', (text, start) => {
    const result = normalizeDate(text);
    expect('problem' in result && result.problem.startsWith(start)).toBe(true);
  });

  it.each([
    ['555.123.4567', '(555) 123-4567'],
    ['+1 (555) 123-4567', '(555) 123-4567'],
    ['15551234567', '(555) 123-4567'],
    ['555-123-4567 x 12', '(555) 123-4567 ext. 12'],
    ['+49 30 1234567', '+49301234567'],
  ])('phone %s → %s', (text, expected) => {
    expect(normalizePhone(text)).toEqual({ value: expected });
  });

  it.each([
    ['planType', 'Employer (self-funded)', null, 'employer-self-funded'],
    ['planType', 'Individual marketplace', null, 'individual'],
    ['planType', 'HMO', null, null],
    ['planType', 'ERISA', 'employer-self-funded', 'employer-self-funded'],
    ['planType', 'Medicare Advantage', 'medicare-advantage', 'medicare-advantage'],
    ['treatment', 'Deep TMS (BrainsWay)', null, 'tms'],
    ['treatment', 'Spravato', 'esketamine', 'esketamine'],
    ['treatment', 'Acupuncture', null, null],
    ['state', 'ca', 'CA', null],
    ['state', 'ZZ', null, null],
  ] as const)('value %s "%s": exactly %s, suggested %s', (field, text, exact, suggested) => {
    expect(exactCode(field, text)).toBe(exact);
    expect(exactCode(field, text) ?? suggestedCode(field, text)).toBe(exact ?? suggested);
  });

  it('reads a column day first only when its dates show it', () => {
    expect(dateOrderOf(['25/12/1980', '03/04/1975'])).toBe('day-first');
    expect(dateOrderOf(['12/25/1980', '03/04/1975'])).toBe('month-first');
    expect(dateOrderOf(['03/04/1975'])).toBe('month-first');
    expect(normalizeDate('03/04/1975', 'day-first')).toEqual({ value: '1975-04-03' });
    expect(normalizeDate('25/12/1980', 'month-first')).toEqual({
      value: '1980-12-25',
      note: '"25/12/1980" was read day first, as 25 December 1980, though this column writes the month first: check it.',
    });
  });

  it('refuses a phone number with too few digits', () => {
    expect(normalizePhone('12345')).toMatchObject({
      problem: expect.stringContaining('a US number has 10 digits') as unknown,
    });
  });

  it('reads quoted values with commas, doubled quotes and line breaks', () => {
    const table = parseCsv(fixture('clients-export.csv'));
    expect(table.problems).toEqual([]);
    const notes = table.headers.indexOf('Notes');
    expect(table.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, 'Lopez, Maria'],
      [3, 'Jürgen Müller'],
      [4, 'Jürgen Müller'],
      [5, 'Ann Lee'],
    ]);
    expect(table.rows[0]!.cells[notes]).toBe('Prefers calls after 5pm\r\nSpanish speaker');
    expect(table.rows[3]!.cells[notes]).toBe('Said "call me Annie"');
  });

  it('numbers rows as a spreadsheet does: an empty line is a row, a quoted line break is not', () => {
    const table = parseCsv('\uFEFFName,Notes\r\nAnn,"two\r\nlines"\r\n\r\nBo,\r\n');
    expect(table.headers).toEqual(['Name', 'Notes']);
    expect(table.rows.map((row) => [row.line, row.isEmpty, row.cells[0]])).toEqual([
      [2, false, 'Ann'],
      [3, true, ''],
      [4, false, 'Bo'],
    ]);
  });
});

describe('CSV import', () => {
  it('previews the rows with a guessed mapping, then imports clients, coverage and cases in one go', async () => {
    const store = await openTestStore();
    const csvText = fixture('clients-export.csv');
    const preview = await previewImport(store.db, request({ csvText, sourceName: 'Old tracker' }));
    expect(preview.mappingOrigin).toBe('guessed');
    expect(preview.mapping).toEqual({
      fullName: 'Patient Name',
      dateOfBirth: 'DOB',
      phone: 'Phone',
      notes: 'Notes',
      payer: 'Insurance',
      planType: 'Plan Type',
      memberId: 'Member ID',
      treatment: 'Treatment',
      stage: 'Status',
    });
    expect(preview.rows.map((row) => [row.line, row.status, row.problems, row.duplicateOf])).toEqual([
      [2, 'ok', [], null],
      [3, 'ok', [], null],
      [4, 'duplicate-in-file', [], { line: 3, clientId: null, fullName: 'Jürgen Müller' }],
      [5, 'ok', [], null],
    ]);
    expect(await listClients(store.db)).toEqual([]);

    const result = await commitImport(
      store.db,
      actor,
      request({ csvText, sourceName: 'Old tracker', duplicateAction: 'merge' }),
    );
    expect(result.message).toBe('Imported 4 rows from Old tracker: 3 clients added, 2 coverages, 3 cases.');
    expect((await listClients(store.db)).map((client) => client.fullName)).toEqual([
      'Ann Lee',
      'Jürgen Müller',
      'Lopez, Maria',
    ]);
    const jurgen = (await listClients(store.db)).find((client) => client.fullName === 'Jürgen Müller')!;
    const detail = await getClientDetail(store.db, jurgen.id);
    expect(
      detail.coverages.map((coverage) => [coverage.payer, coverage.memberId, coverage.planType]),
    ).toEqual([['Cigna', 'C-55', 'individual']]);
    expect(detail.cases.map((row) => row.treatment).sort()).toEqual(['iv_ketamine', 'tms']);
    const maria = (await listCases(store.db)).find((row) => row.clientName === 'Lopez, Maria')!;
    expect([maria.treatment, maria.stage, maria.payer]).toEqual([
      'esketamine',
      'benefits_verification',
      'Aetna',
    ]);
    expect(
      (await searchEverything(store.db, { text: 'W123456789', limitPerKind: 8 })).groups.map(
        (group) => group.kind,
      ),
    ).toEqual(['client', 'case']);

    // The next file from the same source maps itself.
    const again = await previewImport(store.db, request({ csvText, sourceName: 'old tracker' }));
    expect(again.mappingOrigin).toBe('remembered');
    await store.close();
  });

  it('reports every broken row by row and column, and imports the others, offering the rest as CSV', async () => {
    const store = await openTestStore();
    const csvText = fixture('broken-rows.csv');
    const preview = await previewImport(store.db, request({ csvText }));
    expect(
      preview.rows.map((row) => [
        row.line,
        row.status,
        row.problems.map((problem) => [problem.column, problem.message.split('.')[0]]),
      ]),
    ).toEqual([
      [2, 'ok', []],
      [3, 'error', [['Date of birth', '"13/45/1990" is not a real calendar date']]],
      [4, 'error', [['Name', 'The name is empty: every row needs the client’s name']]],
      [
        5,
        'error',
        [
          [
            'Phone',
            '"12345" is not a phone number Advocase can read: a US number has 10 digits, for example (555) 123-4567; another country\'s starts with + and its code',
          ],
        ],
      ],
      [6, 'error', [[null, 'This row has 6 values but the header has 5 columns']]],
      [7, 'error', [['Date of birth', 'Date of birth cannot be in the future']]],
    ]);
    const result = await commitImport(store.db, actor, request({ csvText }));
    expect(result).toMatchObject({ imported: 1, skipped: 5, clientsCreated: 1 });
    expect(result.skippedCsv!.split('\r\n')[1]).toBe(
      '3,"Date of birth: ""13/45/1990"" is not a real calendar date. Check the day and month.",Owen Park,13/45/1990,555-444-5555,Aetna,A-2',
    );
    expect((await listClients(store.db)).map((client) => client.fullName)).toEqual(['Rosa Delgado']);
    await store.close();
  });

  it('takes corrections typed in the preview and leaves out the rows the user skips', async () => {
    const store = await openTestStore();
    const csvText = fixture('broken-rows.csv');
    const corrected = request({
      csvText,
      corrections: [
        { line: 3, column: 'Date of birth', value: '1990-04-13' },
        { line: 5, column: 'Phone', value: '555-222-1234' },
      ],
      skipLines: [2],
    });
    const preview = await previewImport(store.db, corrected);
    expect(preview.rows.map((row) => [row.line, row.status, row.skipped])).toEqual([
      [2, 'ok', true],
      [3, 'ok', false],
      [4, 'error', false],
      [5, 'ok', false],
      [6, 'error', false],
      [7, 'error', false],
    ]);
    expect(preview.rows[1]!.cells[1]).toBe('1990-04-13');
    const result = await commitImport(store.db, actor, corrected);
    expect(result.imported).toBe(2);
    expect((await listClients(store.db)).map((client) => [client.fullName, client.dateOfBirth])).toEqual([
      ['Li Wei', '1985-02-02'],
      ['Owen Park', '1990-04-13'],
    ]);
    expect(result.skippedCsv).toContain('2,You chose to skip this row.,Rosa Delgado');
    await store.close();
  });

  it('refuses to import when no row can be imported, saving nothing', async () => {
    const store = await openTestStore();
    await expect(
      commitImport(store.db, actor, request({ csvText: 'Name,DOB\n,1980-01-01\n' })),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('No row can be imported yet') as unknown,
    });
    expect(await store.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
    await store.close();
  });

  it('finds an existing client by name, date of birth and member ID, and skips or merges as asked', async () => {
    const store = await openTestStore();
    const { maria } = await seedCaseload(store);
    const csvText = [
      'Name,DOB,Email,Insurance,Member ID,Treatment',
      'MARIA  LÓPEZ,2/29/1984,maria@example.org,Aetna,w123456789,TMS',
      'Maria Lopez,1984-02-29,,Cigna,ZZ-1,',
    ].join('\n');
    const preview = await previewImport(store.db, request({ csvText }));
    expect(preview.rows.map((row) => [row.status, row.duplicateOf])).toEqual([
      ['duplicate-in-store', { line: null, clientId: maria.id, fullName: 'Maria Lopez' }],
      ['duplicate-in-store', { line: null, clientId: maria.id, fullName: 'Maria Lopez' }],
    ]);

    await expect(
      commitImport(store.db, actor, request({ csvText, duplicateAction: 'skip' })),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const merged = await commitImport(store.db, actor, request({ csvText, duplicateAction: 'merge' }));
    expect(merged).toMatchObject({
      clientsCreated: 0,
      clientsMerged: 1,
      coveragesCreated: 1,
      casesCreated: 1,
    });
    const detail = await getClientDetail(store.db, maria.id);
    expect(detail.client.email).toBe('maria@example.org');
    expect(detail.client.fullName).toBe('Maria Lopez');
    expect(detail.coverages.map((coverage) => coverage.memberId).sort()).toEqual(['W123456789', 'ZZ-1']);
    expect(detail.cases.map((row) => row.treatment).sort()).toEqual(['esketamine', 'tms']);
    await store.close();
  });

  it('is taken back whole by one undo', async () => {
    const store = await openTestStore();
    await commitImport(
      store.db,
      actor,
      request({
        csvText: fixture('clients-export.csv'),
        sourceName: 'Old tracker',
        duplicateAction: 'merge',
      }),
    );
    const undo = await undoRecentEdits(store.db, actor, 1);
    expect(undo.message).toBe('Undone: Imported 3 clients from Old tracker.');
    expect(await listClients(store.db)).toEqual([]);
    expect(await listCases(store.db)).toEqual([]);
    await store.close();
  });

  it('says what is wrong with a file that has no rows or an unknown column in the mapping', async () => {
    const store = await openTestStore();
    await expect(previewImport(store.db, request({ csvText: 'Name,DOB\n' }))).rejects.toMatchObject({
      message:
        'The file has no rows to import: it needs a header row naming the columns, then one row per client.',
    });
    await expect(
      previewImport(store.db, request({ csvText: 'Name\nAnn', mapping: { fullName: 'Client' } })),
    ).rejects.toMatchObject({ field: 'mapping', message: expect.stringContaining('Client') as unknown });
    await store.close();
  });

  it('a case imported as closed is closed on the import day, so Outcomes counts it with the caseload', async () => {
    const store = await openTestStore();
    const csvText =
      'Patient Name,Insurance,Treatment,Status\nRosa Díaz,Aetna,TMS,Closed\nAl Chen,Cigna,TMS,Intake\n';
    const result = await commitImport(store.db, actor, request({ csvText, sourceName: 'Closed cases' }));
    expect(result.message).toContain('2 cases');
    const cases = await store.db.selectFrom('cases').select(['stage', 'closed_on']).orderBy('id').execute();
    const today = (await store.db.selectFrom('cases').select('opened_on').executeTakeFirstOrThrow())
      .opened_on;
    expect(cases).toEqual([
      { stage: 'resolved', closed_on: today },
      { stage: 'intake', closed_on: null },
    ]);
  });
});
