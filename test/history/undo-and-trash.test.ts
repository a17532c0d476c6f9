import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/core/db/store';
import {
  listTrash,
  moveCaseToTrash,
  moveClientToTrash,
  purgeExpiredTrash,
  removeTrashedForGood,
  restoreFromTrash,
} from '../../src/core/history/trash';
import { listRecentEdits, undoRecentEdits } from '../../src/core/history/undo';
import { searchEverything } from '../../src/core/search/search-everything';
import { getCaseDetail, listCases, updateCase } from '../../src/core/cases/cases-service';
import { getClientDetail, listClients, updateClient } from '../../src/core/clients/clients-service';
import { addTimelineEvent, listTimelineEvents } from '../../src/core/events/events-service';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { actor, parsed, seedCaseload } from '../search/seed-caseload';

const newDataDirectory = useTemporaryDataDirectory();

async function openTestStore(): Promise<Store> {
  return openStore(join(newDataDirectory(), 'advocase.db'), randomBytes(32));
}

async function timelineSummaries(store: Store, caseId: number): Promise<string[]> {
  const { events } = await listTimelineEvents(store.db, parsed('events.list', { caseId }));
  return events.map((event) => event.summary);
}

describe('undo', () => {
  it('gives a changed field its old value back, and the undo is in the audit log', async () => {
    const store = await openTestStore();
    const { opened } = await seedCaseload(store);
    await updateCase(store.db, actor, { caseId: opened.id, changes: { stage: 'internal_appeal_1' } });
    const recent = await listRecentEdits(store.db, actor, 1);
    expect(recent.map((edit) => edit.label)).toEqual([`Changed stage of case ${opened.caseNumber}`]);
    expect(Date.parse(recent[0]!.at)).not.toBeNaN();

    const output = await undoRecentEdits(store.db, actor, 1);
    expect(output.message).toBe(`Undone: Changed stage of case ${opened.caseNumber}.`);
    expect((await getCaseDetail(store.db, opened.id)).stage).toBe('intake');
    const last = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect([last.actor, last.table_name, last.row_id, last.action]).toEqual([
      actor,
      'cases',
      opened.id,
      'update',
    ]);
    expect(JSON.parse(last.after!)).toMatchObject({ stage: 'intake' });
    await store.close();
  });

  it('goes further back on each undo instead of redoing, then says there is nothing left', async () => {
    const store = await openTestStore();
    const { maria } = await seedCaseload(store);
    await updateClient(store.db, actor, { clientId: maria.id, changes: { phone: '(555) 123-4567' } });
    await updateClient(store.db, actor, { clientId: maria.id, changes: { phone: '(555) 999-0000' } });
    await undoRecentEdits(store.db, actor, 1);
    expect((await getClientDetail(store.db, maria.id)).client.phone).toBe('(555) 123-4567');
    await undoRecentEdits(store.db, actor, 1);
    expect((await getClientDetail(store.db, maria.id)).client.phone).toBeNull();

    const store2 = await openTestStore();
    expect(await undoRecentEdits(store2.db, actor, 1)).toEqual({
      undone: [],
      message: 'Nothing to undo: you have made no changes since you unlocked Advocase.',
    });
    await store.close();
    await store2.close();
  });

  it('moves an added call to the trash, with the follow-up task it created', async () => {
    const store = await openTestStore();
    const { opened } = await seedCaseload(store);
    await addTimelineEvent(store.db, actor, opened.id, {
      type: 'phone_call',
      occurredAt: '2026-03-05T15:00:00.000Z',
      summary: 'Rep promised a decision by Friday',
      details: {
        direction: 'outbound',
        withWhom: 'Aetna',
        repName: 'Lena Ortiz',
        referenceNumber: 'REF-55120',
        durationMinutes: null,
        followUp: { title: 'Call back about the decision', dueOn: '2026-03-06' },
      },
    });
    expect((await listRecentEdits(store.db, actor, 1))[0]!.label).toBe(
      `Added phone call on case ${opened.caseNumber}`,
    );
    await undoRecentEdits(store.db, actor, 1);
    expect(await timelineSummaries(store, opened.id)).toEqual([
      'Asked why the Spravato request is still pending',
    ]);
    expect(await store.db.selectFrom('tasks').selectAll().execute()).toEqual([]);
    expect((await searchEverything(store.db, { text: 'REF-55120', limitPerKind: 8 })).groups).toEqual([]);
    expect((await listTrash(store.db)).map((item) => item.title)).toEqual([
      `Phone call on case ${opened.caseNumber}`,
    ]);
    await store.close();
  });

  it("undoes only the current actor's edits", async () => {
    const store = await openTestStore();
    const { opened } = await seedCaseload(store);
    await updateCase(store.db, 'navigator-2', { caseId: opened.id, changes: { priority: 'urgent' } });
    await undoRecentEdits(store.db, actor, 1);
    expect((await getCaseDetail(store.db, opened.id)).priority).toBe('urgent');
    await store.close();
  });

  it('refuses, and changes nothing, when the record was changed again since', async () => {
    const store = await openTestStore();
    const { opened } = await seedCaseload(store);
    await updateCase(store.db, actor, { caseId: opened.id, changes: { stage: 'decision' } });
    await updateCase(store.db, 'navigator-2', { caseId: opened.id, changes: { stage: 'resolved' } });
    const error = await undoRecentEdits(store.db, actor, 1).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: `"Changed stage of case ${opened.caseNumber}" cannot be undone: the record has been changed again since. Change it back by hand.`,
    });
    expect((await getCaseDetail(store.db, opened.id)).stage).toBe('resolved');
    await store.close();
  });

  it('restores a client moved to the trash, with their cases', async () => {
    const store = await openTestStore();
    const { maria, opened } = await seedCaseload(store);
    await moveClientToTrash(store.db, actor, maria.id);
    expect(await listRecentEdits(store.db, actor, 1)).toMatchObject([
      { label: 'Moved client Maria Lopez and 1 case to the trash' },
    ]);
    await undoRecentEdits(store.db, actor, 1);
    expect((await listCases(store.db)).map((row) => row.id)).toEqual([opened.id]);
    expect(await listTrash(store.db)).toEqual([]);
    await store.close();
  });
});

describe('trash', () => {
  it('deleting a client takes their cases and timeline out of every list and search; restoring brings all back', async () => {
    const store = await openTestStore();
    const { maria, jurgen, opened } = await seedCaseload(store);
    const moved = await moveClientToTrash(store.db, actor, maria.id);
    expect(moved.message).toBe(
      'Moved client Maria Lopez and 1 case to the trash. You can restore them from the trash for 30 days.',
    );
    expect((await listClients(store.db)).map((client) => client.id)).toEqual([jurgen.id]);
    expect(await listCases(store.db)).toEqual([]);
    expect((await searchEverything(store.db, { text: 'REF-20931', limitPerKind: 8 })).groups).toEqual([]);
    expect((await searchEverything(store.db, { text: 'Maria', limitPerKind: 8 })).groups).toEqual([]);

    const trash = await listTrash(store.db);
    expect(Date.parse(trash[0]!.deletedAt)).not.toBeNaN();
    expect(trash).toEqual([
      {
        kind: 'client',
        id: maria.id,
        title: 'Maria Lopez',
        detail: '1 case deleted with them',
        deletedAt: trash[0]!.deletedAt,
        purgeOn: new Date(Date.parse(trash[0]!.deletedAt) + 30 * 86_400_000).toISOString().slice(0, 10),
        blockedReason: null,
      },
    ]);

    expect((await restoreFromTrash(store.db, actor, 'client', maria.id)).message).toBe(
      'Restored client Maria Lopez and 1 case from the trash.',
    );
    expect((await listCases(store.db)).map((row) => row.id)).toEqual([opened.id]);
    expect(
      (await searchEverything(store.db, { text: 'REF-20931', limitPerKind: 8 })).groups.map(
        (group) => group.kind,
      ),
    ).toEqual(['event']);
    await store.close();
  });

  it('a case deleted on its own is listed by itself and cannot come back while its client is in the trash', async () => {
    const store = await openTestStore();
    const { maria, opened } = await seedCaseload(store);
    await moveCaseToTrash(store.db, actor, opened.id);
    await moveClientToTrash(store.db, actor, maria.id);
    const trash = await listTrash(store.db);
    expect(trash.map((item) => [item.kind, item.title, item.detail, item.blockedReason])).toEqual([
      ['client', 'Maria Lopez', null, null],
      [
        'case',
        `Case ${opened.caseNumber}`,
        'Client: Maria Lopez',
        'Restore client Maria Lopez first: they are in the trash too.',
      ],
    ]);
    await expect(restoreFromTrash(store.db, actor, 'case', opened.id)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Restore client Maria Lopez first: they are in the trash too.',
    });
    await restoreFromTrash(store.db, actor, 'client', maria.id);
    await restoreFromTrash(store.db, actor, 'case', opened.id);
    expect(await listTrash(store.db)).toEqual([]);
    await store.close();
  });

  it('emptying removes the rows, their timeline and coverage for good, and leaves the rest', async () => {
    const store = await openTestStore();
    const { maria, jurgen } = await seedCaseload(store);
    await moveClientToTrash(store.db, actor, maria.id);
    expect(await removeTrashedForGood(store.db, actor, null)).toEqual({ clients: 1, cases: 1, events: 0 });
    expect(await store.db.selectFrom('clients').select('id').execute()).toEqual([{ id: jurgen.id }]);
    for (const table of ['cases', 'events', 'coverages'] as const) {
      expect(await store.db.selectFrom(table).select('id').execute()).toEqual([]);
    }
    const removal = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'delete')
      .orderBy('id')
      .execute();
    expect(removal.map((entry) => [entry.table_name, entry.row_id, entry.before])).toEqual([
      ['cases', expect.any(Number), expect.stringMatching(/^\{"id":\d+\}$/)],
      ['clients', maria.id, `{"id":${maria.id}}`],
    ]);
    // Earlier entries held copies of her record; deleting for good blanks them, and only them.
    const history = JSON.stringify(
      await store.db.selectFrom('audit_log').select(['before', 'after']).execute(),
    );
    expect(history).not.toContain('Maria Lopez');
    expect(history).toContain(jurgen.fullName);
    await store.close();
  });

  it('removes on its own only what has been in the trash more than 30 days', async () => {
    const store = await openTestStore();
    const { maria, jurgen } = await seedCaseload(store);
    await moveClientToTrash(store.db, actor, maria.id);
    await moveClientToTrash(store.db, actor, jurgen.id);
    await store.db
      .updateTable('clients')
      .set({ deleted_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', maria.id)
      .execute();
    await store.db
      .updateTable('cases')
      .set({ deleted_at: '2026-01-01T00:00:00.000Z' })
      .where('client_id', '=', maria.id)
      .execute();
    const removed = await purgeExpiredTrash(store.db, actor, new Date('2026-02-01T00:00:00.000Z'));
    expect(removed).toEqual({ clients: 1, cases: 1, events: 0 });
    expect((await listTrash(store.db)).map((item) => item.title)).toEqual(['Jürgen Müller']);
    await store.close();
  });

  it('says so when asked to delete something that is not there', async () => {
    const store = await openTestStore();
    await expect(moveCaseToTrash(store.db, actor, 404)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no case with id 404, or it is already in the trash.',
      field: 'caseId',
    });
    await expect(restoreFromTrash(store.db, actor, 'client', 404)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await store.close();
  });
});
