import { beforeEach, describe, expect, it } from 'vitest';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * Closing a case is a stage change like the others, so it is on the case's timeline: with the
 * outcome chosen, in the Close case dialog's words ("How did it end?" Approved; "Saved for the
 * client"), and reopening too, with the stage chosen. One Undo takes a closing back whole: the
 * case open again and its entry gone. Real encrypted store and a team's PostgreSQL database.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);

describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function openCase() {
    const client = await call('clients.create', { fullName: 'Lena Ortiz' });
    return (await call('cases.create', { clientId: client.id, treatment: 'esketamine', payer: 'Aetna' })).id;
  }

  const timeline = async (caseId: number) =>
    (await call('events.list', { caseId, order: 'oldest_first' })).events.map((event) => [
      event.type,
      event.summary,
    ]);

  it('closing puts the outcome and the amount saved on the timeline; Undo takes both back', async () => {
    const caseId = await openCase();
    await call('cases.close', { caseId, outcome: 'approved', savedCents: 1_240_000 });
    expect(await timeline(caseId)).toEqual([
      ['note', 'Case closed as Approved. Saved for the client: $12,400.00.'],
    ]);

    const undone = await call('history.undo', {});
    expect(undone.undone[0]?.label).toBe('Closed C-00001 as Approved');
    expect((await call('cases.get', { caseId })).stage).not.toBe('resolved');
    expect(await timeline(caseId)).toEqual([]);
  });

  it('closing without an amount says only how it ended; reopening says the stage chosen', async () => {
    const caseId = await openCase();
    await call('cases.close', { caseId, outcome: 'denied_final' });
    await call('cases.update', { caseId, changes: { stage: 'internal_appeal_2' } });
    expect(await timeline(caseId)).toEqual([
      ['note', 'Case closed as Denied (final).'],
      ['note', 'Case reopened: stage set to Internal appeal 2.'],
    ]);

    await call('history.undo', {});
    expect((await call('cases.get', { caseId })).stage).toBe('resolved');
    expect(await timeline(caseId)).toEqual([['note', 'Case closed as Denied (final).']]);
  });

  it('a bulk change of stage closes each case with its entry on the timeline', async () => {
    const first = await openCase();
    const second = await openCase();
    expect(
      await call('caseload.bulkUpdate', { caseIds: [first, second], changes: { stage: 'resolved' } }),
    ).toEqual({ updated: 2, closedLeftClosed: 0 });
    for (const caseId of [first, second])
      expect(await timeline(caseId)).toEqual([['note', 'Case closed (outcome not recorded).']]);
  });

  it('a bulk change to an open stage moves the open cases and leaves a closed case closed, outcome and all', async () => {
    const won = await openCase();
    const open = await openCase();
    await call('cases.close', { caseId: won, outcome: 'approved', savedCents: 1_200_000 });
    const before = await call('cases.get', { caseId: won });

    // Reopening a won case rewrites Outcomes and the funder's figures: one case at a time, from its page.
    expect(
      await call('caseload.bulkUpdate', { caseIds: [won, open], changes: { stage: 'evidence_gathering' } }),
    ).toEqual({ updated: 1, closedLeftClosed: 1 });
    expect(await call('cases.get', { caseId: won })).toMatchObject({
      stage: 'resolved',
      outcome: 'approved',
      closedOn: before.closedOn,
    });
    expect((await call('cases.get', { caseId: open })).stage).toBe('evidence_gathering');
    expect(await timeline(won)).toEqual([
      ['note', 'Case closed as Approved. Saved for the client: $12,000.00.'],
    ]);
  });

  it('one Undo takes a whole bulk change back, closings and all', async () => {
    const first = await openCase();
    const second = await openCase();
    await call('caseload.bulkUpdate', { caseIds: [first], changes: { stage: 'denied' } });
    await call('caseload.bulkUpdate', { caseIds: [first, second], changes: { stage: 'resolved' } });

    const undone = await call('history.undo', {});
    expect(undone.undone.map((edit) => edit.label)).toEqual(['Moved 2 cases to Closed']);
    expect((await call('cases.get', { caseId: first })).stage).toBe('denied');
    expect((await call('cases.get', { caseId: second })).stage).toBe('intake');
    for (const caseId of [first, second]) expect(await timeline(caseId)).toEqual([]);

    // The next Undo is the bulk change before it, not a part of this one.
    const before = await call('history.undo', {});
    expect(before.undone.map((edit) => edit.label)).toEqual(['Moved 1 case to Denied']);
    expect((await call('cases.get', { caseId: first })).stage).toBe('intake');
  });
});
