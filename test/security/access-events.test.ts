import { describe, expect, it } from 'vitest';
import { startContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

describe('access events', () => {
  it('record an export of the attorney summary by counts, without the client’s name', async () => {
    const { call, session } = await startContractSession(newDataDirectory());
    const client = await call('clients.create', {
      fullName: 'Marisol Export',
      dateOfBirth: null,
      state: null,
    });
    const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
    await call('exports.summary', { selection: { caseId: opened.id } });
    const accesses = await session.useStore(({ db }) =>
      db.selectFrom('audit_log').select(['actor', 'after']).where('action', '=', 'access').execute(),
    );
    expect(accesses.map((entry) => [entry.actor, JSON.parse(entry.after!) as unknown])).toEqual([
      ['navigator', { event: 'export', kind: 'case_summary', cases: 1, pages: expect.any(Number) as number }],
    ]);
    expect(accesses.some((entry) => entry.after!.includes('Marisol'))).toBe(false);
    expect((await call('audit.verify', {})).isIntact).toBe(true);
    await session.lock();
  });

  it('record every other export by its kind once it succeeded: the caseload and outcomes CSV', async () => {
    const { call, session } = await startContractSession(newDataDirectory());
    const client = await call('clients.create', { fullName: 'Marisol Csv', dateOfBirth: null, state: null });
    await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
    await call('caseload.exportCsv', {});
    await call('outcomes.exportCsv', { from: '2026-01-01', to: '2026-12-31' });
    const accesses = await session.useStore(({ db }) =>
      db.selectFrom('audit_log').select('after').where('action', '=', 'access').orderBy('id').execute(),
    );
    expect(accesses.map((entry) => JSON.parse(entry.after!) as unknown)).toEqual([
      { event: 'export', kind: 'caseload.exportCsv' },
      { event: 'export', kind: 'outcomes.exportCsv' },
    ]);
    expect(accesses.some((entry) => entry.after!.includes('Marisol'))).toBe(false);
    expect((await call('audit.verify', {})).isIntact).toBe(true);
    await session.lock();
  });
});
