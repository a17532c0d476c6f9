import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { Session } from '../../src/core/session/session';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiError } from '../../src/shared/result';
import { caseloadColumnIds } from '../../src/shared/schemas/caseload';
import { localToday } from '../../src/shared/schemas/fields';
import { memoryFileDestination } from '../helpers/memory-file-destination';
import { createPostgresTestDatabase } from '../helpers/postgres-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { storeEngines, type StoreEngine } from '../helpers/test-stores';

/**
 * The caseload query against a real encrypted database, through the same dispatch the renderer
 * uses. One caseload is built once (key derivation is slow on purpose) and read by every test;
 * the tests that change data build their own.
 */

const newDataDirectory = useTemporaryDataDirectory();

type Handlers = ReturnType<typeof createHandlers>;

/** A new local store, set up and unlocked, or a new team database on the run's PostgreSQL server. */
async function openOn(engine: StoreEngine): Promise<{ session: Session; handlers: Handlers }> {
  const teamDatabaseUrl = engine === 'postgres' ? (await createPostgresTestDatabase()).url : undefined;
  const session = new Session({
    dataDirectory: newDataDirectory(),
    actor: 'navigator',
    ...(teamDatabaseUrl ? { teamDatabaseUrl } : {}),
  });
  const handlers = createHandlers(session);
  if (teamDatabaseUrl) return { session, handlers };
  const result = await dispatch(handlers, 'session.initialize', {
    passphrase: 'correct horse battery staple',
  });
  if (!result.ok) throw new Error(result.error.message);
  return { session, handlers };
}

function caller(handlers: Handlers) {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(handlers, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
}

async function failure(handlers: Handlers, method: MethodName, input: unknown): Promise<ApiError> {
  const result = await dispatch(handlers, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

type Call = ReturnType<typeof caller>;

/**
 * Seven live cases (and two in the trash), chosen so each filter and sort has one answer:
 *   C-1 Ana Brooks      TMS          Aetna  (coverage: Aetna, Medicare Advantage)  intake             urgent  Dana   2026-01-05
 *   C-2 bea Castillo    IV ketamine  Cigna                                         decision           normal  Luis   2026-02-10
 *   C-3 Carl Dubois     Esketamine   Aetna                                         internal_appeal_1  high    —      2026-03-15
 *   C-4 Ana Brooks      Other (SGB)  Humana (coverage: Humana, Medicaid)           resolved           low     Dana   2025-12-01
 *   C-5 Dee Evans       TMS          Cigna                                         decision           normal  Dana   2026-04-20  (urgency flag)
 *   C-6 Eli Fox         Esketamine   Oscar                                         intake             normal  Luis   2026-05-02
 *   C-7 Gus Hale        TMS          Aetna                                         external_review    high    Luis   2026-06-30
 *   C-8 Ivy Jones (case in the trash), C-9 of Zed Trashed (client in the trash)
 */
async function buildCaseload(call: Call, session: Session): Promise<void> {
  const client = (fullName: string) => call('clients.create', { fullName });
  const ana = await client('Ana Brooks');
  const bea = await client('bea Castillo');
  const carl = await client('Carl Dubois');
  const dee = await client('Dee Evans');
  const eli = await client('Eli Fox');
  const gus = await client('Gus Hale');
  const ivy = await client('Ivy Jones');
  const zed = await client('Zed Trashed');
  const open = async (
    clientId: number,
    details: Omit<MethodInput<'cases.create'>, 'clientId'>,
    changes: MethodInput<'cases.update'>['changes'] = {},
  ) => {
    const created = await call('cases.create', { clientId, ...details });
    if (Object.keys(changes).length > 0) await call('cases.update', { caseId: created.id, changes });
    return created.id;
  };
  const anaCoverage = await call('coverages.create', {
    clientId: ana.id,
    payer: 'Aetna',
    planType: 'medicare-advantage',
  });
  const anaMedicaid = await call('coverages.create', {
    clientId: ana.id,
    payer: 'Humana',
    planType: 'medicaid',
  });
  await open(
    ana.id,
    { treatment: 'tms', payer: 'Typed Payer', priority: 'urgent', openedOn: '2026-01-05' },
    { coverageId: anaCoverage.id, assignedAdvocate: 'Dana' },
  );
  await open(
    bea.id,
    { treatment: 'iv_ketamine', payer: 'Cigna', stage: 'decision', openedOn: '2026-02-10' },
    { assignedAdvocate: 'Luis' },
  );
  await open(carl.id, {
    treatment: 'esketamine',
    payer: 'Aetna',
    stage: 'internal_appeal_1',
    priority: 'high',
    openedOn: '2026-03-15',
  });
  await open(
    ana.id,
    {
      treatment: 'other',
      treatmentDetail: 'Stellate ganglion block',
      payer: null,
      stage: 'resolved',
      priority: 'low',
      openedOn: '2025-12-01',
    },
    { coverageId: anaMedicaid.id, assignedAdvocate: 'Dana' },
  );
  await open(
    dee.id,
    { treatment: 'tms', payer: 'Cigna', stage: 'decision', openedOn: '2026-04-20' },
    { isUrgent: true, assignedAdvocate: 'Dana' },
  );
  await open(
    eli.id,
    { treatment: 'esketamine', payer: 'Oscar', openedOn: '2026-05-02' },
    { assignedAdvocate: 'Luis' },
  );
  await open(
    gus.id,
    { treatment: 'tms', payer: 'Aetna', stage: 'external_review', priority: 'high', openedOn: '2026-06-30' },
    { assignedAdvocate: 'Luis' },
  );
  const trashedCase = await open(ivy.id, { treatment: 'tms', payer: 'Aetna', openedOn: '2026-07-01' });
  await open(zed.id, { treatment: 'tms', payer: 'Aetna', openedOn: '2026-07-02' });
  // What the trash does: mark the rows deleted.
  await session.useStore(async ({ db }) => {
    const now = new Date().toISOString();
    await db.updateTable('cases').set({ deleted_at: now }).where('id', '=', trashedCase).execute();
    await db.updateTable('clients').set({ deleted_at: now }).where('id', '=', zed.id).execute();
  });
}

const caseNumbers = (output: MethodOutput<'caseload.query'>) => output.rows.map((row) => row.caseNumber);

// The same answers from the local store and from a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  const open = () => openOn(engine);

  describe('caseload.query', () => {
    let session: Session;
    let handlers: Handlers;
    let call: Call;

    beforeAll(async () => {
      ({ session, handlers } = await open());
      call = caller(handlers);
      await buildCaseload(call, session);
    });
    afterAll(() => session.lock());

    it('shows live cases newest first by default, leaving out the trash', async () => {
      const result = await call('caseload.query', {});
      expect(caseNumbers(result)).toEqual([
        'C-00007',
        'C-00006',
        'C-00005',
        'C-00003',
        'C-00002',
        'C-00001',
        'C-00004',
      ]);
      expect(result.total).toBe(7);
      expect(result.rows.map((row) => row.clientName)).not.toContain('Ivy Jones');
      expect(result.rows.map((row) => row.clientName)).not.toContain('Zed Trashed');
    });

    it("shows the linked coverage's payer and plan type, else the payer typed on the case", async () => {
      const { rows } = await call('caseload.query', { sorting: [{ column: 'caseNumber' }] });
      expect(rows[0]).toMatchObject({
        payer: 'Aetna',
        planType: 'medicare-advantage',
        assignedAdvocate: 'Dana',
      });
      expect(rows[1]).toMatchObject({ payer: 'Cigna', planType: null });
      expect(rows[3]).toMatchObject({
        payer: 'Humana',
        planType: 'medicaid',
        treatmentDetail: 'Stellate ganglion block',
      });
    });

    it.each([
      ['clientName', false, ['C-00001', 'C-00004', 'C-00002', 'C-00003', 'C-00005', 'C-00006', 'C-00007']],
      ['stage', false, ['C-00001', 'C-00006', 'C-00002', 'C-00005', 'C-00003', 'C-00007', 'C-00004']],
      ['priority', true, ['C-00001', 'C-00007', 'C-00003', 'C-00006', 'C-00005', 'C-00002', 'C-00004']],
      ['openedOn', false, ['C-00004', 'C-00001', 'C-00002', 'C-00003', 'C-00005', 'C-00006', 'C-00007']],
      ['payer', false, ['C-00001', 'C-00003', 'C-00007', 'C-00002', 'C-00005', 'C-00004', 'C-00006']],
      ['caseNumber', true, ['C-00007', 'C-00006', 'C-00005', 'C-00004', 'C-00003', 'C-00002', 'C-00001']],
    ] as const)(
      'sorts by %s (descending: %s), ties settled by case number',
      async (column, descending, expected) => {
        const result = await call('caseload.query', { sorting: [{ column, descending }] });
        expect(caseNumbers(result)).toEqual(expected);
      },
    );

    it.each(caseloadColumnIds)('filters and sorts by %s together as it sorts alone', async (column) => {
      for (const descending of [false, true]) {
        const sorting = [{ column, descending }];
        const alone = await call('caseload.query', { sorting });
        const filtered = await call('caseload.query', { sorting, filters: { treatments: ['tms', 'other'] } });
        const expected = alone.rows.filter((row) => row.treatment === 'tms' || row.treatment === 'other');
        expect(caseNumbers(filtered)).toEqual(expected.map((row) => row.caseNumber));
      }
    });

    it('sorts by several columns, the first deciding first', async () => {
      const result = await call('caseload.query', {
        sorting: [
          { column: 'assignedAdvocate', descending: false },
          { column: 'openedOn', descending: true },
        ],
      });
      // No advocate first (nulls sort first), then Dana's newest to oldest, then Luis's.
      expect(caseNumbers(result)).toEqual([
        'C-00003',
        'C-00005',
        'C-00001',
        'C-00004',
        'C-00007',
        'C-00006',
        'C-00002',
      ]);
    });

    it.each([
      [{ stages: ['decision', 'intake'] }, ['C-00001', 'C-00002', 'C-00005', 'C-00006']],
      [{ payers: ['aetna'] }, ['C-00001', 'C-00003', 'C-00007']],
      [{ planTypes: ['medicaid'] }, ['C-00004']],
      [{ treatments: ['tms'] }, ['C-00001', 'C-00005', 'C-00007']],
      [{ advocates: ['Luis'] }, ['C-00002', 'C-00006', 'C-00007']],
      [{ advocates: [null] }, ['C-00003']],
      [{ priorities: ['high', 'low'] }, ['C-00003', 'C-00004', 'C-00007']],
      [{ isUrgent: true }, ['C-00001', 'C-00005']],
      [{ stages: ['decision'], advocates: ['Dana'] }, ['C-00005']],
    ] as const)('filters by %j', async (filters, expected) => {
      const result = await call('caseload.query', {
        filters: filters as MethodInput<'caseload.query'>['filters'],
        sorting: [{ column: 'caseNumber' }],
      });
      expect(caseNumbers(result)).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });

    it.each([
      ['brooks', ['C-00001', 'C-00004']],
      ['BEA', ['C-00002']],
      ['ganglion', ['C-00004']],
      ['oscar', ['C-00006']],
      ['luis', ['C-00002', 'C-00006', 'C-00007']],
      ['C-00003', ['C-00003']],
      ['100%', []],
      ['Ivy', []],
    ])('quick-filters by "%s"', async (quickFilter, expected) => {
      const result = await call('caseload.query', { quickFilter, sorting: [{ column: 'caseNumber' }] });
      expect(caseNumbers(result)).toEqual(expected);
    });

    it('pages through the view without repeating or skipping a case', async () => {
      const sorting = [{ column: 'treatment' as const }];
      const all = caseNumbers(await call('caseload.query', { sorting }));
      const pages = [];
      for (let offset = 0; offset < 7; offset += 3) {
        const page = await call('caseload.query', { sorting, offset, limit: 3, includeStageCounts: false });
        expect(page.total).toBe(7);
        expect(page.offset).toBe(offset);
        expect(page.stageCounts).toBeNull();
        pages.push(...caseNumbers(page));
      }
      expect(pages).toEqual(all);
    });

    it('counts cases per stage under every filter but the stage filter', async () => {
      const result = await call('caseload.query', { filters: { stages: ['intake'], advocates: ['Luis'] } });
      expect(result.total).toBe(1);
      expect(result.stageCounts).toEqual({
        intake: 1,
        benefits_verification: 0,
        evidence_gathering: 0,
        prior_auth_submitted: 0,
        decision: 1,
        denied: 0,
        internal_appeal_1: 0,
        internal_appeal_2: 0,
        external_review: 1,
        approved: 0,
        alternative_funding: 0,
        resolved: 0,
      });
    });

    it('lists the payers and advocates of live cases for the filters', async () => {
      expect(await call('caseload.filterOptions', {})).toEqual({
        payers: ['Aetna', 'Cigna', 'Humana', 'Oscar'],
        advocates: ['Dana', 'Luis'],
      });
    });

    it('explains bad input at its field', async () => {
      expect(await failure(handlers, 'caseload.query', { sorting: [{ column: 'ssn' }] })).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'sorting.0.column',
        message: 'That column is not one the caseload has.',
      });
      expect(await failure(handlers, 'caseload.query', { limit: 5000 })).toMatchObject({
        field: 'limit',
        message: 'Ask for at most 1000 rows at a time.',
      });
    });
  });

  describe('the caseload follows edits', () => {
    it('updates a row when its case, client or coverage changes, and drops it when trashed', async () => {
      const { session, handlers } = await open();
      const call = caller(handlers);
      const client = await call('clients.create', { fullName: 'Noor Haddad' });
      const coverage = await call('coverages.create', {
        clientId: client.id,
        payer: 'Cigna',
        planType: 'individual',
      });
      const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Typed' });
      const row = async () => (await call('caseload.query', {})).rows[0];
      expect(await row()).toMatchObject({ payer: 'Typed', planType: null });

      await call('cases.update', {
        caseId: opened.id,
        changes: { coverageId: coverage.id, stage: 'decision' },
      });
      expect(await row()).toMatchObject({ payer: 'Cigna', planType: 'individual', stage: 'decision' });
      await call('coverages.update', { coverageId: coverage.id, changes: { payer: 'Cigna Healthcare' } });
      await call('clients.update', { clientId: client.id, changes: { fullName: 'Noor Haddad-Smith' } });
      expect(await row()).toMatchObject({ payer: 'Cigna Healthcare', clientName: 'Noor Haddad-Smith' });

      await session.useStore(({ db }) =>
        db
          .updateTable('clients')
          .set({ deleted_at: new Date().toISOString() })
          .where('id', '=', client.id)
          .execute(),
      );
      expect((await call('caseload.query', {})).total).toBe(0);
      await session.useStore(({ db }) =>
        db.updateTable('clients').set({ deleted_at: null }).where('id', '=', client.id).execute(),
      );
      expect((await call('caseload.query', {})).total).toBe(1);
      await session.lock();
    });
  });

  describe('bulk actions, export, views and preferences', () => {
    it('changes the stage and advocate of several cases, each in the audit log', async () => {
      const { session, handlers } = await open();
      const call = caller(handlers);
      const client = await call('clients.create', { fullName: 'Rosa Diaz' });
      const ids = [];
      for (const payer of ['Aetna', 'Cigna', 'Humana']) {
        ids.push((await call('cases.create', { clientId: client.id, treatment: 'tms', payer })).id);
      }
      expect(
        await call('caseload.bulkUpdate', {
          caseIds: ids.slice(0, 2),
          changes: { stage: 'internal_appeal_1', assignedAdvocate: 'Mina' },
        }),
      ).toEqual({ updated: 2, closedLeftClosed: 0 });
      const { rows } = await call('caseload.query', { sorting: [{ column: 'caseNumber' }] });
      expect(rows.map((row) => [row.stage, row.assignedAdvocate])).toEqual([
        ['internal_appeal_1', 'Mina'],
        ['internal_appeal_1', 'Mina'],
        ['intake', null],
      ]);
      const audited = await session.useStore(({ db }) =>
        db
          .selectFrom('audit_log')
          .select('row_id')
          .where('table_name', '=', 'cases')
          .where('action', '=', 'update')
          .execute(),
      );
      expect(audited.map((entry) => entry.row_id).sort()).toEqual(ids.slice(0, 2));

      // One missing case: nothing changes.
      expect(
        await failure(handlers, 'caseload.bulkUpdate', {
          caseIds: [ids[2], 999],
          changes: { stage: 'resolved' },
        }),
      ).toMatchObject({
        code: 'NOT_FOUND',
        field: 'caseIds',
      });
      expect((await call('caseload.query', { filters: { stages: ['resolved'] } })).total).toBe(0);
      expect(await failure(handlers, 'caseload.bulkUpdate', { caseIds: ids, changes: {} })).toMatchObject({
        message: 'Choose a stage or an advocate to set.',
      });

      const file = memoryFileDestination();
      const exported = await dispatch(
        handlers,
        'caseload.exportCsv',
        {
          filters: { payers: ['Aetna', 'Humana'] },
          sorting: [{ column: 'caseNumber' }],
          columns: ['caseNumber', 'clientName', 'payer', 'stage'],
        },
        file.destination,
      );
      expect(exported).toMatchObject({ ok: true, value: { rowCount: 2 } });
      expect(file.text()).toBe(
        'Case,Client,Payer,Stage\r\nC-00001,Rosa Diaz,Aetna,Internal appeal 1\r\nC-00003,Rosa Diaz,Humana,Intake\r\n',
      );
      await session.lock();
    });

    it('remembers columns and saved views', async () => {
      const { session, handlers } = await open();
      const call = caller(handlers);
      const defaults = await call('caseload.getPreferences', {});
      expect(defaults.columns[0]).toBe('caseNumber');
      expect(defaults.myAdvocateName).toBeNull();
      await call('caseload.savePreferences', { columns: ['stage', 'clientName'], myAdvocateName: ' Dana ' });
      expect(await call('caseload.getPreferences', {})).toEqual({
        columns: ['stage', 'clientName'],
        myAdvocateName: 'Dana',
      });
      expect(
        await failure(handlers, 'caseload.savePreferences', { columns: ['stage', 'stage'] }),
      ).toMatchObject({
        field: 'columns',
        message: 'Each column can be shown once.',
      });

      const definition = {
        filters: { payers: ['Aetna'] },
        sorting: [{ column: 'stage' as const, descending: true }],
      };
      const saved = await call('caseload.saveView', { name: 'Aetna appeals', definition });
      await call('caseload.saveView', {
        name: 'Aetna appeals',
        definition: { ...definition, quickFilter: 'x' },
      });
      const views = await call('caseload.listViews', {});
      expect(views).toEqual([
        {
          id: saved.id,
          name: 'Aetna appeals',
          definition: {
            filters: { payers: ['Aetna'] },
            quickFilter: 'x',
            sorting: [{ column: 'stage', descending: true }],
          },
        },
      ]);
      await call('caseload.deleteView', { viewId: saved.id });
      expect(await call('caseload.listViews', {})).toEqual([]);
      expect(await failure(handlers, 'caseload.deleteView', { viewId: saved.id })).toMatchObject({
        code: 'NOT_FOUND',
      });
      await session.lock();
    });
  });

  describe('deadline filters', () => {
    it('finds cases with an overdue deadline, and cases whose appeal is due within 14 days', async () => {
      const { session, handlers } = await open();
      const call = caller(handlers);
      const daysAgo = (days: number) => {
        const date = new Date();
        date.setDate(date.getDate() - days);
        return localToday(date);
      };
      const deniedCase = async (name: string, noticeDaysAgo: number) => {
        const client = await call('clients.create', { fullName: name, state: 'TX' });
        const coverage = await call('coverages.create', {
          clientId: client.id,
          payer: 'Aetna',
          planType: 'employer-self-funded',
        });
        const opened = await call('cases.create', { clientId: client.id, treatment: 'tms', payer: 'Aetna' });
        await call('cases.update', {
          caseId: opened.id,
          changes: { coverageId: coverage.id, claimType: 'pre-service' },
        });
        await call('events.add', {
          caseId: opened.id,
          event: {
            type: 'payer_decision',
            occurredAt: `${daysAgo(noticeDaysAgo)}T12:00:00Z`,
            summary: 'Denied: not medically necessary',
            details: {
              decision: 'denied',
              noticeDate: daysAgo(noticeDaysAgo),
              receivedOn: daysAgo(noticeDaysAgo),
            },
          },
        });
        return opened.caseNumber;
      };
      // ERISA: 180 days to file the internal appeal (29 CFR 2560.503-1(h)(3)(i)).
      const lapsed = await deniedCase('Lapsed Appeal', 200);
      const dueSoon = await deniedCase('Due Soon', 175);
      const plentyOfTime = await deniedCase('Plenty Of Time', 10);

      const overdue = await call('caseload.query', { filters: { hasOverdueDeadline: true } });
      expect(caseNumbers(overdue)).toEqual([lapsed]);
      const notOverdue = await call('caseload.query', { filters: { hasOverdueDeadline: false } });
      expect(caseNumbers(notOverdue).sort()).toEqual([dueSoon, plentyOfTime].sort());
      const dueIn14 = await call('caseload.query', { filters: { claimantDeadlineWithinDays: 14 } });
      expect(caseNumbers(dueIn14)).toEqual([dueSoon]);
      await session.lock();
    });
  });
});
