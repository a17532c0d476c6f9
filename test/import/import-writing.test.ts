import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/api/create-handlers';
import { dispatch } from '../../src/core/api/dispatch';
import type { Session } from '../../src/core/session/session';
import type { MethodInput, MethodOutput } from '../../src/shared/contract';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The import writes in bulk (rows in a few statements, deadlines computed once for all the new
 * cases at the end); the store it leaves must be the one the per-record services leave, row for
 * row, and while it writes the process keeps answering.
 */

const newDataDirectory = useTemporaryDataDirectory();

const people = [
  {
    name: 'Ana Brooks',
    dob: '1980-02-03',
    state: 'CA',
    payer: 'Aetna',
    plan: 'medicare-advantage',
    member: 'A1',
    treatment: 'tms',
    stage: 'intake',
  },
  {
    name: 'Bea Castillo',
    dob: '1975-11-30',
    state: 'NY',
    payer: 'Cigna',
    plan: 'employer-self-funded',
    member: 'C2',
    treatment: 'esketamine',
    stage: 'denied',
  },
  {
    name: 'Carl Dubois',
    dob: '1990-06-15',
    state: 'TX',
    payer: 'Humana',
    plan: 'medicaid',
    member: 'H3',
    treatment: 'iv_ketamine',
    stage: 'internal_appeal_1',
  },
  {
    name: 'Dee Evans',
    dob: '1968-01-01',
    state: 'FL',
    payer: 'Oscar',
    plan: 'individual',
    member: 'O4',
    treatment: 'tms',
    stage: 'decision',
  },
  {
    name: 'Eli Fox',
    dob: '2001-09-09',
    state: 'WA',
    payer: 'Kaiser',
    plan: 'employer-fully-insured',
    member: 'K5',
    treatment: 'esketamine',
    stage: 'prior_auth_submitted',
  },
] as const;

const csvText = [
  'Patient Name,DOB,State,Insurance,Plan Type,Member ID,Treatment,Status',
  ...people.map((person) =>
    [
      person.name,
      person.dob,
      person.state,
      person.payer,
      person.plan,
      person.member,
      person.treatment,
      person.stage,
    ].join(','),
  ),
].join('\r\n');

const importInput = { csvText, sourceName: 'Old tracker' } as MethodInput<'import.commit'>;

/** What the caseload, the deadlines and the search read, without ids of their own or clock times. */
async function derivedState(session: Session) {
  return session.useStore(async ({ db }) => {
    const rows = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(db)).rows;
    return {
      clients: await rows(
        'select id, full_name, date_of_birth, state, phone, notes from clients order by id',
      ),
      coverages: await rows(
        'select client_id, payer, plan_type, member_id from coverages order by client_id',
      ),
      cases: await rows(
        'select id, client_id, coverage_id, treatment, payer, stage, priority, opened_on, closed_on from cases order by id',
      ),
      caseload: await rows(
        'select case_id, client_name, payer, plan_type, stage, next_due_on, overdue_count, evidence_readiness, quick_filter_text from caseload_entries order by case_id',
      ),
      deadlines: await rows(
        'select case_id, deadline_key, kind, rule, computed_due, due_on, status, confidence from case_deadlines order by case_id, deadline_key',
      ),
      summaries: await rows(
        'select case_id, next_due_on, next_rule, overdue_count, missing_facts from case_deadline_summaries order by case_id',
      ),
      search: await rows(
        "select rowid, * from client_search where client_search match 'A1 OR Castillo OR Humana' order by rowid",
      ),
    };
  });
}

/** The same people entered one record at a time through the contract, as the import once wrote them. */
async function enterOneByOne({ call }: ContractSession): Promise<void> {
  for (const person of people) {
    const client = await call('clients.create', {
      fullName: person.name,
      dateOfBirth: person.dob,
      state: person.state,
    });
    const coverage = await call('coverages.create', {
      clientId: client.id,
      payer: person.payer,
      planType: person.plan,
      memberId: person.member,
    });
    const created = await call('cases.create', {
      clientId: client.id,
      treatment: person.treatment,
      payer: person.payer,
      stage: person.stage,
    });
    await call('cases.update', { caseId: created.id, changes: { coverageId: coverage.id } });
  }
}

describe('writing an import', () => {
  it('leaves the store the per-record services leave: records, caseload rows, deadlines and search', async () => {
    const imported = await startContractSession(newDataDirectory());
    const result = await imported.call('import.commit', importInput);
    expect(result.imported).toBe(people.length);
    const byHand = await startContractSession(newDataDirectory());
    await enterOneByOne(byHand);
    const bulk = await derivedState(imported.session);
    expect(bulk.summaries.length).toBe(people.length);
    expect(bulk).toEqual(await derivedState(byHand.session));
    await imported.session.lock();
    await byHand.session.lock();
  });

  it('says how far it has come while it writes, answering other calls in between, and nothing once done', async () => {
    const { session } = await startContractSession(newDataDirectory());
    const handlers = createHandlers(session);
    const seen: Array<MethodOutput<'import.progress'>> = [];
    let importing = true;
    const watch = async () => {
      while (importing) {
        const progress = await dispatch(handlers, 'import.progress', {});
        if (progress.ok) seen.push(progress.value as MethodOutput<'import.progress'>);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const watching = watch();
    const result = await dispatch(handlers, 'import.commit', importInput);
    importing = false;
    await watching;
    expect(result.ok).toBe(true);
    const phases = seen.flatMap((progress) => (progress ? [progress.phase] : []));
    expect([...new Set(phases)]).toEqual([
      'Adding clients, coverage and cases',
      'Recording the changes, so Undo can take them back',
      'Computing the new cases’ deadlines',
    ]);
    const adding = seen.filter((progress) => progress?.phase === 'Adding clients, coverage and cases');
    expect(adding.at(-1)).toEqual({ phase: 'Adding clients, coverage and cases', done: 15, total: 15 });
    expect(await dispatch(handlers, 'import.progress', {})).toEqual({ ok: true, value: null });
    await session.lock();
  });
});
