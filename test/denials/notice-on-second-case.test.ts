import { describe, expect, it, onTestFinished } from 'vitest';
import type {
  ReadDenialDocumentOutput,
  RecordDenialInput,
} from '../../src/shared/schemas/case-denial-notice';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { addFile } from '../vault/vault-helpers';
import { readFixture } from './denial-notice-fixtures';

// A client's second case: the denial notice names the payer and member ID of the coverage the
// client already has, so recording it links that coverage instead of adding a copy of it.

const newDataDirectory = useTemporaryDataDirectory();

/** What the dialog sends when the advocate confirms the fields as read. */
function confirmedAsRead(caseId: number, read: ReadDenialDocumentOutput): RecordDenialInput {
  const { findings } = read;
  return {
    caseId,
    documentId: read.documentId,
    noticeDate: findings.noticeDate?.value ?? '',
    receivedOn: '2026-03-06',
    referenceNumber: findings.referenceNumber?.value ?? null,
    reasonText: findings.reasonText?.value ?? null,
    reasonCategory: findings.reasonCategory?.value ?? null,
    policyCited: findings.policyCited?.value ?? null,
    denialCode: findings.denialCode?.value ?? null,
    appealAddress: findings.appealAddress?.value ?? null,
    appealFax: findings.appealFax?.value ?? null,
    appealPhone: findings.appealPhone?.value ?? null,
    payer: findings.payer?.value ?? null,
    memberId: findings.memberId?.value ?? null,
    requestingProvider: findings.requestingProvider?.value ?? null,
    datesOfService: findings.datesOfService?.value ?? null,
    statedWindow: findings.appealWindow?.value ?? null,
    noticeCheck: read.noticeCheck,
  };
}

/** Maria, with a case of her own, the Aetna notice filed to it and read into it. */
async function mariasCaseWithNotice(session: ContractSession, clientId?: number) {
  const client =
    clientId ?? (await session.call('clients.create', { fullName: 'Maria Lopez', state: 'OH' })).id;
  const opened = await session.call('cases.create', { clientId: client, treatment: 'esketamine' });
  const added = await addFile(
    session.call,
    'aetna-denial.txt',
    Buffer.from(readFixture('erisa-employer-clean.txt')),
    { caseId: opened.id },
  );
  if (!added.document) throw new Error(`The notice was not added: ${added.message}`);
  const read = await session.call('denials.readDocument', {
    documentId: added.document.id,
    caseId: opened.id,
  });
  return { clientId: client, caseId: opened.id, read };
}

describe.each(storeEngines)('a denial notice on a second case of the same client, on %s', (engine) => {
  async function start() {
    const session = await startContractSession(newDataDirectory(), 'navigator', engine);
    onTestFinished(() => session.close());
    return session;
  }
  const coveragesOf = async (session: ContractSession, clientId: number) =>
    (await session.call('clients.get', { clientId })).coverages;

  it('links the coverage the client already has instead of adding a duplicate, and one Undo unlinks it', async () => {
    const session = await start();
    const first = await mariasCaseWithNotice(session);
    expect(first.read.coveragesOfClient).toMatchObject({ clientName: 'Maria Lopez', coverages: [] });
    await session.call('denials.record', {
      ...confirmedAsRead(first.caseId, first.read),
      planType: 'employer-fully-insured',
    });
    const [coverage] = await coveragesOf(session, first.clientId);

    const second = await mariasCaseWithNotice(session, first.clientId);
    // The review step is told which coverage the notice names, and checks it under its plan type.
    expect(second.read.planTypeFrom).toBe('client-coverage');
    expect(second.read.noticeCheck.planType).toBe('employer-fully-insured');
    expect(second.read.coveragesOfClient?.coverages.map((onFile) => onFile.id)).toEqual([coverage!.id]);
    await session.call('denials.record', { ...confirmedAsRead(second.caseId, second.read), planType: null });

    expect(await coveragesOf(session, first.clientId)).toEqual([coverage]);
    expect((await session.call('cases.get', { caseId: second.caseId })).coverageId).toBe(coverage!.id);
    const { deadlines } = await session.call('deadlines.listForCase', { caseId: second.caseId });
    expect(deadlines.map((deadline) => deadline.rule)).toContain('erisa_internal_appeal_filing');

    await session.call('history.undo', {});
    expect((await session.call('cases.get', { caseId: second.caseId })).coverageId).toBeNull();
    expect(await session.call('denials.listForCase', { caseId: second.caseId })).toEqual([]);
    expect(await coveragesOf(session, first.clientId)).toEqual([coverage]);
  });

  it('recognises the member ID and payer as typed another way, and fills only what the coverage lacks', async () => {
    const session = await start();
    const client = await session.call('clients.create', { fullName: 'Maria Lopez', state: 'OH' });
    const typed = await session.call('coverages.create', {
      clientId: client.id,
      payer: 'AETNA ',
      planType: 'employer-self-funded',
      memberId: 'w123-456 789',
      groupNumber: 'BT-7781',
    });
    const { caseId, read } = await mariasCaseWithNotice(session, client.id);
    await session.call('denials.record', { ...confirmedAsRead(caseId, read), planType: null });

    const [coverage, ...others] = await coveragesOf(session, client.id);
    expect(others).toEqual([]);
    expect(coverage).toMatchObject({
      id: typed.id,
      payer: 'AETNA',
      memberId: 'w123-456 789',
      groupNumber: 'BT-7781',
      planType: 'employer-self-funded',
      appealsAddress: read.findings.appealAddress?.value,
      payerFax: '(859) 455-8650',
    });
    expect((await session.call('cases.get', { caseId })).coverageId).toBe(typed.id);
  });

  it('does not overwrite a value the coverage has: it refuses until the advocate chooses, then keeps or takes the notice’s', async () => {
    const session = await start();
    const client = await session.call('clients.create', { fullName: 'Maria Lopez', state: 'OH' });
    const kept = await session.call('coverages.create', {
      clientId: client.id,
      payer: 'Aetna',
      planType: 'employer-fully-insured',
      memberId: 'W123456789',
      payerFax: '(859) 455-0000',
    });
    const { caseId, read } = await mariasCaseWithNotice(session, client.id);

    const refused = await session.failure('denials.record', {
      ...confirmedAsRead(caseId, read),
      planType: null,
    });
    expect(refused.field).toBe('coverageChoices.payerFax');
    expect(refused.message).toBe(
      'The notice is recorded into Maria’s existing coverage with Aetna (member W123456789), which has another appeal fax: “(859) 455-0000” on the coverage, “(859) 455-8650” on the notice. Choose which appeal fax to keep.',
    );
    expect(await session.call('denials.listForCase', { caseId })).toEqual([]);
    expect((await session.call('cases.get', { caseId })).coverageId).toBeNull();
    expect(await coveragesOf(session, client.id)).toEqual([kept]);

    await session.call('denials.record', {
      ...confirmedAsRead(caseId, read),
      planType: null,
      coverageChoices: { payerFax: 'coverage' },
    });
    expect(await coveragesOf(session, client.id)).toMatchObject([
      { id: kept.id, payerFax: '(859) 455-0000', appealsAddress: read.findings.appealAddress?.value },
    ]);

    await session.call('history.undo', {});
    await session.call('denials.record', {
      ...confirmedAsRead(caseId, read),
      planType: null,
      coverageChoices: { payerFax: 'notice' },
    });
    expect(await coveragesOf(session, client.id)).toMatchObject([
      { id: kept.id, payerFax: '(859) 455-8650' },
    ]);
  });

  it('still adds a new coverage when the member ID differs', async () => {
    const session = await start();
    const client = await session.call('clients.create', { fullName: 'Maria Lopez', state: 'OH' });
    await session.call('coverages.create', {
      clientId: client.id,
      payer: 'Aetna',
      planType: 'employer-fully-insured',
      memberId: 'W999999999',
    });
    const { caseId, read } = await mariasCaseWithNotice(session, client.id);
    expect(read.planTypeFrom).toBe('notice');
    await session.call('denials.record', {
      ...confirmedAsRead(caseId, read),
      planType: 'employer-self-funded',
    });
    expect((await coveragesOf(session, client.id)).map((coverage) => coverage.memberId).sort()).toEqual([
      'W123456789',
      'W999999999',
    ]);
  });
});
