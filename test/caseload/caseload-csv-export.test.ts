import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { writeAtomically } from '../../src/core/exports/write-atomically';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { caseloadColumnIds } from '../../src/shared/schemas/caseload';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The caseload's CSV export, written row by row to the file the person chose, against a real
 * encrypted store. The expected files are what the export made when it built the whole text in
 * memory first: streaming changes when bytes arrive, never which bytes.
 */

const newDataDirectory = useTemporaryDataDirectory();
const saveFolders: string[] = [];
afterEach(() => {
  for (const folder of saveFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function open() {
  const session = new Session({ dataDirectory: newDataDirectory(), actor: 'navigator' });
  const handlers = createHandlers(session);
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  await call('session.initialize', { passphrase: 'correct horse battery staple' });
  return { session, handlers, call };
}

/** Saves as the desktop app does after its save dialog: a partial file, renamed once complete. */
async function exportTo(
  handlers: ReturnType<typeof createHandlers>,
  input: MethodInput<'caseload.exportCsv'>,
  { cancel = false } = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'advocase-csv-export-'));
  saveFolders.push(folder);
  const writes: number[] = [];
  const result = await dispatch(handlers, 'caseload.exportCsv', input, async (suggestedName, write) => {
    if (cancel) return null;
    await writeAtomically(join(folder, suggestedName), async (file) => {
      const writer = file.getWriter();
      await write(
        new WritableStream<Uint8Array>({
          write: (piece) => {
            writes.push(piece.byteLength);
            return writer.write(piece);
          },
          close: () => writer.close(),
        }),
      );
    });
    return suggestedName;
  });
  if (!result.ok) throw new Error(result.error.message);
  const report = result.value as MethodOutput<'caseload.exportCsv'>;
  const files = readdirSync(folder);
  return {
    report,
    files,
    writes,
    csv: report.savedAs ? readFileSync(join(folder, report.savedAs), 'utf8') : null,
  };
}

/** Names and payers a spreadsheet would run as formulas, quotes, commas and a line break. */
async function buildTrickyCaseload(call: Awaited<ReturnType<typeof open>>['call']): Promise<void> {
  const names = [
    '=HYPERLINK("http://x")',
    'Rosa "Ro" Diaz, Jr',
    '+Plus One',
    '@Ada',
    'Line\nBreak',
    'Élodie Müller',
    '-Minus',
  ];
  for (const [index, fullName] of names.entries()) {
    const client = await call('clients.create', { fullName });
    const created = await call('cases.create', {
      clientId: client.id,
      treatment: index % 2 ? 'other' : 'tms',
      ...(index % 2 ? { treatmentDetail: 'Block, "stellate"' } : {}),
      payer: index === 3 ? null : `=Payer ${index}, Inc`,
      openedOn: `2026-0${index + 1}-0${index + 1}`,
    });
    await call('cases.update', {
      caseId: created.id,
      changes: { assignedAdvocate: index % 3 ? `@adv ${index}` : 'Dana' },
    });
  }
}

describe('caseload CSV export', () => {
  it('writes the same bytes as the whole-text export did: quoting, formula guard, order, filters', async () => {
    const { session, handlers, call } = await open();
    await buildTrickyCaseload(call);

    // Every column but the last activity (today's date).
    const everyColumn = await exportTo(handlers, {
      columns: caseloadColumnIds.filter((column) => column !== 'updatedAt'),
    });
    expect(everyColumn.report).toEqual({
      fileName: expect.stringMatching(/^caseload-\d{4}-\d{2}-\d{2}\.csv$/) as string,
      rowCount: 7,
      savedAs: everyColumn.report.fileName,
    });
    expect(everyColumn.files).toEqual([everyColumn.report.fileName]);
    expect(everyColumn.csv).toBe(
      'Case,Client,Treatment,Payer,Plan type,Stage,Priority,Next deadline,Advocate,Opened,Readiness\r\n' +
        'C-00007,\'-Minus,TMS,"\'=Payer 6, Inc",,Intake,Normal,,Dana,2026-07-07,0%\r\n' +
        'C-00006,Élodie Müller,"Block, ""stellate""","\'=Payer 5, Inc",,Intake,Normal,,\'@adv 5,2026-06-06,0%\r\n' +
        'C-00005,"Line\nBreak",TMS,"\'=Payer 4, Inc",,Intake,Normal,,\'@adv 4,2026-05-05,0%\r\n' +
        'C-00004,\'@Ada,"Block, ""stellate""",,,Intake,Normal,,Dana,2026-04-04,0%\r\n' +
        "C-00003,'+Plus One,TMS,\"'=Payer 2, Inc\",,Intake,Normal,,'@adv 2,2026-03-03,0%\r\n" +
        'C-00002,"Rosa ""Ro"" Diaz, Jr","Block, ""stellate""","\'=Payer 1, Inc",,Intake,Normal,,\'@adv 1,2026-02-02,0%\r\n' +
        'C-00001,"\'=HYPERLINK(""http://x"")",TMS,"\'=Payer 0, Inc",,Intake,Normal,,Dana,2026-01-01,0%\r\n',
    );
    // The first row went out on its own, before the rest were read.
    expect(everyColumn.writes[0]).toBe(
      Buffer.byteLength(
        'Case,Client,Treatment,Payer,Plan type,Stage,Priority,Next deadline,Advocate,Opened,Readiness\r\n' +
          'C-00007,\'-Minus,TMS,"\'=Payer 6, Inc",,Intake,Normal,,Dana,2026-07-07,0%\r\n',
      ),
    );

    const quickFilteredSorted = await exportTo(handlers, {
      sorting: [{ column: 'clientName', descending: true }],
      quickFilter: 'a',
      columns: ['clientName', 'payer', 'treatment'],
    });
    expect(quickFilteredSorted.report.rowCount).toBe(7);
    expect(quickFilteredSorted.csv).toBe(
      'Client,Payer,Treatment\r\n' +
        'Élodie Müller,"\'=Payer 5, Inc","Block, ""stellate"""\r\n' +
        '"Rosa ""Ro"" Diaz, Jr","\'=Payer 1, Inc","Block, ""stellate"""\r\n' +
        '"Line\nBreak","\'=Payer 4, Inc",TMS\r\n' +
        '\'@Ada,,"Block, ""stellate"""\r\n' +
        '"\'=HYPERLINK(""http://x"")","\'=Payer 0, Inc",TMS\r\n' +
        '\'-Minus,"\'=Payer 6, Inc",TMS\r\n' +
        '\'+Plus One,"\'=Payer 2, Inc",TMS\r\n',
    );

    const nothingMatches = await exportTo(handlers, {
      quickFilter: 'no such client',
      columns: ['clientName'],
    });
    expect(nothingMatches.report.rowCount).toBe(0);
    expect(nothingMatches.csv).toBe('Client\r\n');
    await session.lock();
  });

  it('writes nothing when the person cancels, and refuses a call with no file to write to', async () => {
    const { session, handlers, call } = await open();
    await buildTrickyCaseload(call);
    const cancelled = await exportTo(handlers, {}, { cancel: true });
    expect(cancelled.report).toMatchObject({ rowCount: 0, savedAs: null });
    expect(cancelled.files).toEqual([]);
    const accesses = await session.useStore(({ db }) =>
      db.selectFrom('audit_log').select('after').where('action', '=', 'access').execute(),
    );
    expect(accesses).toEqual([]);
    expect(await dispatch(handlers, 'caseload.exportCsv', {})).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'The caseload is exported to a file you choose: use Export CSV.',
      },
    });
    await session.lock();
  });
});
